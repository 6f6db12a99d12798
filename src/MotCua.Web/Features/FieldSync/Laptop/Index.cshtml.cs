using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Outreach;
using MotCua.Web.Data;
using MotCua.Web.Data.FieldSync;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Resources;

namespace MotCua.Web.Features.FieldSync.Laptop;

/// <summary>
/// The field kit's own page (a team laptop): enrol with the centre, download the kit, sync with a progress bar, see
/// anything refused and why, and record steps on the dossiers the kit brought. Before the kit has brought any account,
/// enrolment and the first download need no sign-in (the one-time code is the authority); after that, they do.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(MotCuaDb db, TimeProvider time, NodeRole node, IServiceScopeFactory scopes, IStringLocalizer<Strings> t) : PageModel
{
    public FieldNodeState? State { get; private set; }

    /// <summary>No account of the unit on the laptop yet: enrolment and the first kit need no sign-in.</summary>
    public bool SettingUp { get; private set; }

    public SyncProgress Progress { get; private set; } = SyncProgress.Idle;

    public int Pending { get; private set; }

    public int Synced { get; private set; }

    public int Conflicts { get; private set; }

    public IReadOnlyList<FieldOutboxItem> Problems { get; private set; } = [];

    public IReadOnlyList<(DateOnly Day, int Left, int Total)> Numbers { get; private set; } = [];

    public IReadOnlyList<(DateOnly Date, SessionSlot Slot, string Hamlet, bool Own)> Sessions { get; private set; } = [];

    public IReadOnlyList<FieldKitDossier> KitDossiers { get; private set; } = [];

    public Dictionary<Guid, string> HamletNames { get; private set; } = [];

    public string? Error { get; private set; }

    public DateOnly Today => WorkingCalendar.LocalDate(time.GetUtcNow());

    public string Server => node.Centre?.ToString().TrimEnd('/') ?? string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!node.IsFieldKit)
        {
            return Redirect("/field/devices");
        }

        await LoadAsync(ct);
        return MayUse() ? Page() : Challenge();
    }

    /// <summary>The progress bar's data (polled by site.js while a sync runs).</summary>
    public async Task<IActionResult> OnGetProgressAsync(CancellationToken ct)
    {
        if (!node.IsFieldKit)
        {
            return NotFound();
        }

        await LoadAsync(ct);
        if (!MayUse())
        {
            return Challenge();
        }

        var p = Progress;
        return new JsonResult(new
        {
            p.Running,
            p.Percent,
            p.Done,
            p.Total,
            p.Bytes,
            p.BytesSent,
            Error = p.Error is null ? null : ErrorText(p),
            Pending,
            Synced,
            Conflicts,
            Rejected = Problems.Count(o => o.State == OutboxState.Rejected),
            Text = ProgressText(p),
        });
    }

    public async Task<IActionResult> OnPostEnrolAsync(string? code, string? name, CancellationToken ct)
    {
        if (!node.IsFieldKit)
        {
            return NotFound();
        }

        await LoadAsync(ct);
        if (State is not null)
        {
            return Redirect("/field");
        }

        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(name) || code.Length > 40 || name.Length > FieldDevice.MaxNameLength)
        {
            Error = t["Field.Error.EnrolInput"];
            return Page();
        }

        try
        {
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<CallerContext>().UseSystem("field-setup");
            await EnrolFieldNode.ExecuteAsync(code, name, scope.ServiceProvider.GetRequiredService<FieldServerClient>(), node, scope.ServiceProvider.GetRequiredService<MotCuaDb>(), ct);
        }
        catch (Exception ex) when (ex is FieldServerException or DomainRuleException)
        {
            Error = Explain(ex);
            return Page();
        }

        TempData["Notice"] = t["Field.Enrolled"].Value;
        return Redirect("/field");
    }

    /// <param name="extraDay">A day without a session of the team that still needs numbers (a home visit).</param>
    public async Task<IActionResult> OnPostKitAsync(string? extraDay, int? size, CancellationToken ct)
    {
        if (!node.IsFieldKit)
        {
            return NotFound();
        }

        await LoadAsync(ct);
        if (State is null)
        {
            return Redirect("/field");
        }

        if (!MayUse())
        {
            return Challenge();
        }

        List<DateOnly> days = [];
        if (!string.IsNullOrWhiteSpace(extraDay))
        {
            if (!QueryValues.TryParseDate(extraDay, out var day))
            {
                Error = t["Field.Error.Day"];
                return Page();
            }

            days.Add(day);
        }

        if (size is < 1 or > FieldSettings.MaxBlock)
        {
            Error = t["Field.Error.Size"];
            return Page();
        }

        try
        {
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<CallerContext>().UseSystem(User.Identity?.IsAuthenticated == true ? Actor.Of(HttpContext) : "field-setup");
            var client = scope.ServiceProvider.GetRequiredService<FieldServerClient>();
            var kit = await client.KitAsync(State, days, size, ct);
            var summary = await ImportFieldKit.ExecuteAsync(kit, scope.ServiceProvider.GetRequiredService<MotCuaDb>(), time, ct);
            TempData["Notice"] = string.Format(System.Globalization.CultureInfo.CurrentCulture, t["Field.KitDone"], summary.Sessions, summary.Accounts, summary.Dossiers, summary.Numbers);
        }
        catch (Exception ex) when (ex is FieldServerException or DomainRuleException)
        {
            Error = Explain(ex);
            return Page();
        }

        return Redirect("/field");
    }

    public async Task<IActionResult> OnPostSyncAsync([FromServices] FieldSyncRunner runner, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(runner);
        if (!node.IsFieldKit)
        {
            return NotFound();
        }

        await LoadAsync(ct);
        if (State is null || SettingUp || User.Identity?.IsAuthenticated != true)
        {
            return State is null ? Redirect("/field") : Challenge();
        }

        runner.TryStart(Actor.Of(HttpContext));
        return Redirect("/field#sync");
    }

    public async Task<IActionResult> OnPostStepAsync(string? number, DossierAction action, string? note, CancellationToken ct)
    {
        if (!node.IsFieldKit || User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        try
        {
            await RecordFieldStep.ExecuteAsync(number ?? string.Empty, action, note, Actor.Of(HttpContext), db, time, ct);
        }
        catch (DomainRuleException ex)
        {
            await LoadAsync(ct);
            Error = Explain(ex);
            return Page();
        }

        TempData["Notice"] = string.Format(System.Globalization.CultureInfo.CurrentCulture, t["Field.StepRecorded"], number);
        return Redirect("/field#kit-dossiers");
    }

    public string ProgressText(SyncProgress p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        if (p.Running)
        {
            var text = string.Format(culture, t["Field.Syncing"], p.Done, p.Total, p.BytesSent / 1024 / 1024.0, p.Bytes / 1024 / 1024.0);
            return p.Error is null ? text : $"{text} {t["Field.Retrying"]}";
        }

        if (p.FinishedAt is null)
        {
            return t["Field.NotSyncedYet"];
        }

        return p.Error is null
            ? string.Format(culture, t["Field.SyncDone"], p.Done, p.Total)
            : $"{string.Format(culture, t["Field.SyncFailed"], p.Done, p.Total)} {ErrorText(p)}";
    }

    /// <summary>Why a run stopped, for the team; the technical message is kept in the log.</summary>
    public string ErrorText(SyncProgress p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return p.ErrorKind switch
        {
            "unreachable" => t["Field.Error.Unreachable"],
            "revoked" => t["Field.Error.Revoked"],
            _ => string.Format(System.Globalization.CultureInfo.CurrentCulture, t["Field.Error.Failed"], p.Error),
        };
    }

    public string Explain(Exception ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex switch
        {
            FieldServerException { Status: 0 or >= 500 } => t["Field.Error.Unreachable"],
            FieldServerException { Status: 401 } => t["Field.Error.Revoked"],
            FieldServerException { Code: "field.code-invalid" } => t["Field.Error.Code"],
            DomainRuleException d => t.Explain(d),
            _ => ex.Message,
        };
    }

    private bool MayUse() =>
        SettingUp || Roles.UnitRoles.Any(User.IsInRole);

    private async Task LoadAsync(CancellationToken ct)
    {
        State = await db.FieldNodeStates.AsNoTracking().SingleOrDefaultAsync(ct);
        SettingUp = State is null || !await db.Users.AnyAsync(u => u.UnitId == State.UnitId, ct);
        Progress = HttpContext.RequestServices.GetService<FieldSyncRunner>()?.Progress ?? SyncProgress.Idle;
        if (State is null)
        {
            return;
        }

        // Counted with the application's own view: the outbox belongs to the laptop, not to one officer.
        var outbox = db.FieldOutbox.IgnoreQueryFilters().AsNoTracking();
        Pending = await outbox.CountAsync(o => o.State == OutboxState.Pending, ct);
        Synced = await outbox.CountAsync(o => o.State == OutboxState.Synced, ct);
        Conflicts = await outbox.CountAsync(o => o.State == OutboxState.Conflict, ct);
        Problems = await outbox.Where(o => o.State == OutboxState.Rejected || (o.State == OutboxState.Pending && o.ProblemCode != null))
            .OrderBy(o => o.CreatedAt).ToListAsync(ct);
        var today = Today;
        Numbers = [.. (await db.FieldKitBlocks.IgnoreQueryFilters().AsNoTracking().Where(b => b.Day >= today).ToListAsync(ct))
            .GroupBy(b => b.Day).OrderBy(g => g.Key).Select(g => (g.Key, g.Sum(b => b.Count - b.Used), g.Sum(b => b.Count)))];
        HamletNames = await db.Hamlets.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(h => h.Id, h => h.Name, ct);
        var sessions = await db.OutreachSessions.IgnoreQueryFilters().AsNoTracking().Where(s => s.Date >= today).OrderBy(s => s.Date).ThenBy(s => s.Slot).ToListAsync(ct);
        Sessions = [.. sessions.Select(s => (s.Date, s.Slot, HamletNames.GetValueOrDefault(s.HamletId, "?"), s.TeamId == State.TeamId))];
        if (User.Identity?.IsAuthenticated == true)
        {
            KitDossiers = await db.FieldKitDossiers.AsNoTracking().OrderBy(d => d.SessionDay).ThenBy(d => d.Number).ToListAsync(ct);
        }
    }
}
