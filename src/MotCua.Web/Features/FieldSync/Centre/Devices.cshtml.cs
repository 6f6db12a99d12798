using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain;
using MotCua.Web.Data;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Resources;

namespace MotCua.Web.Features.FieldSync.Centre;

/// <summary>The centre's list of team laptops: issue a one-time enrolment code, see when each was last seen, revoke one.</summary>
[Authorize(Policy = Policies.ManageFieldDevices)]
public sealed class DevicesModel(MotCuaDb db, TimeProvider time, FieldSettings settings, IStringLocalizer<Strings> t) : PageModel
{
    public IReadOnlyList<FieldDeviceResponse> Devices { get; private set; } = [];

    public IReadOnlyList<(string Code, string Name)> Units { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Teams { get; private set; } = [];

    public EnrolmentCodeResponse? Issued { get; private set; }

    /// <summary>A PIN a leader just issued, shown once to hand to the member.</summary>
    public FieldPinResponse? IssuedPin { get; private set; }

    /// <summary>Per laptop with a team, its members' offline PINs (leaders only).</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<FieldPinResponse>> Pins { get; private set; } = new Dictionary<Guid, IReadOnlyList<FieldPinResponse>>();

    public string? Error { get; private set; }

    public int OpenConflicts { get; private set; }

    public bool Administrator => User.IsInRole(Roles.Administrator);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostIssueAsync(string? unit, Guid? teamId, CancellationToken ct)
    {
        Guid? unitId = User.UnitId();
        if (unitId is null && !string.IsNullOrWhiteSpace(unit))
        {
            unitId = await db.Units.Where(u => u.Code == unit.Trim()).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct);
        }

        if (unitId is null)
        {
            Error = t["Field.Error.Unit"];
            await LoadAsync(ct);
            return Page();
        }

        if (Administrator && teamId is not null)
        {
            Error = t["Problem.field.admin-team"];
            Response.StatusCode = StatusCodes.Status403Forbidden;
            await LoadAsync(ct);
            return Page();
        }

        try
        {
            Issued = await FieldEnrolment.IssueCodeAsync(unitId.Value, teamId, Actor.Of(HttpContext), db, time, settings, ct);
        }
        catch (DomainRuleException ex)
        {
            Error = t.Explain(ex);
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostIssuePinAsync(Guid id, string? userId, CancellationToken ct) => await PinAsync(id, userId, revoke: false, ct);

    public async Task<IActionResult> OnPostRevokePinAsync(Guid id, string? userId, CancellationToken ct) => await PinAsync(id, userId, revoke: true, ct);

    private async Task<IActionResult> PinAsync(Guid id, string? userId, bool revoke, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.CentreLeader) || string.IsNullOrEmpty(userId) || userId.Length > 64)
        {
            return Forbid();
        }

        try
        {
            var pin = revoke
                ? await FieldOfflinePins.RevokeAsync(id, userId, User, db, time, ct)
                : await FieldOfflinePins.SetAsync(id, userId, null, User, db, time, settings, ct);
            if (pin is null)
            {
                return NotFound();
            }

            IssuedPin = revoke ? null : pin;
        }
        catch (DomainRuleException ex)
        {
            Error = t.Explain(ex);
            Response.StatusCode = Problems.StatusOf(ex.Kind);
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        var device = await FieldEnrolment.RevokeAsync(id, Actor.Of(HttpContext), db, time, ct);
        if (device is null)
        {
            return NotFound();
        }

        TempData["Notice"] = string.Format(System.Globalization.CultureInfo.CurrentCulture, t["Field.RevokedNotice"], device.Name);
        return Redirect("/field/devices");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Devices = await FieldEnrolment.ListAsync(db, ct);
        Units = [.. (await db.Units.AsNoTracking().OrderBy(u => u.Name).Select(u => new { u.Code, u.Name }).ToListAsync(ct)).Select(u => (u.Code, u.Name))];
        Teams = [.. (await db.Teams.AsNoTracking().OrderBy(x => x.Name).Select(x => new { x.Id, x.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name))];
        OpenConflicts = await db.SyncConflicts.CountAsync(c => c.ResolvedAt == null, ct);
        if (User.IsInRole(Roles.CentreLeader))
        {
            var pins = new Dictionary<Guid, IReadOnlyList<FieldPinResponse>>();
            foreach (var d in Devices.Where(d => d.TeamId is not null && d.RevokedAt is null))
            {
                pins[d.Id] = await FieldOfflinePins.ListAsync(d.Id, User, db, ct) ?? [];
            }

            Pins = pins;
        }
    }
}
