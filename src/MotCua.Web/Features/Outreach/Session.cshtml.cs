using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain;
using MotCua.Domain.Outreach;
using MotCua.Web.Data;
using MotCua.Web.Data.Catalog;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Resources;

namespace MotCua.Web.Features.Outreach;

/// <summary>One session: move it by hand (rules checked again), report what it did, or cancel it.</summary>
[Authorize(Policy = Policies.ReadOutreach)]
public sealed class SessionModel(MotCuaDb db, TimeProvider time, IAuthorizationService authorization, IStringLocalizer<Strings> t) : PageModel
{
    public SessionResponse Session { get; private set; } = null!;

    public Guid CampaignId { get; private set; }

    public string CampaignName { get; private set; } = string.Empty;

    public IReadOnlyList<DateOnly> Dates { get; private set; } = [];

    public IReadOnlyList<SessionSlot> Slots { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Teams { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Hamlets { get; private set; } = [];

    public int Dossiers { get; private set; }

    public bool CanManage { get; private set; }

    public bool CanReport { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The move the leader tried when it was refused, so the form shows it again for correction.</summary>
    public (DateOnly Date, SessionSlot Slot, Guid Team, Guid Hamlet)? Attempt { get; private set; }

    public IReadOnlyList<string> Violations { get; private set; } = [];

    /// <summary>Names of the offered procedures nobody in the crew can receive (<see cref="SessionResponse.Uncovered"/>).</summary>
    public IReadOnlyList<string> Uncovered { get; private set; } = [];

    /// <summary>The session team's members, for choosing who goes.</summary>
    public IReadOnlyList<CrewCandidate> Candidates { get; private set; } = [];

    public int CrewSize { get; private set; }

    public int OfferedCount { get; private set; }

    /// <param name="Skills">How many of the campaign's procedures the member can receive.</param>
    /// <param name="Days">Days the member goes out in this campaign (held and planned sessions).</param>
    public sealed record CrewCandidate(string Id, string Name, bool InCrew, bool Away, int Skills, int Days);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(Guid id, string? date, SessionSlot slot, Guid team, Guid hamlet, int version, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.ManageOutreach)).Succeeded)
        {
            return Forbid();
        }

        if (!QueryValues.TryParseDate(date, out var day))
        {
            return await FailAsync(id, t["Outreach.Error.Date"], ct);
        }

        Attempt = (day, slot, team, hamlet);
        return await RunAsync(id, async () => await MoveSession.ExecuteAsync(new MoveSession.Input(id, version, day, slot, team, hamlet), db, time, ct), t["Outreach.Moved"], ct);
    }

    public async Task<IActionResult> OnPostCrewAsync(Guid id, List<string>? members, int version, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.ManageOutreach)).Succeeded)
        {
            return Forbid();
        }

        var s = await db.OutreachSessions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (s is null)
        {
            return NotFound();
        }

        if (members is not { Count: > 0 })
        {
            return await FailAsync(id, t["Outreach.Error.NoCrew"], ct);
        }

        return await RunAsync(id, async () => await MoveSession.ExecuteAsync(new MoveSession.Input(id, version, s.Date, s.Slot, s.TeamId, s.HamletId, members), db, time, ct), t["Outreach.CrewChanged"], ct);
    }

    public async Task<IActionResult> OnPostReportAsync(Guid id, int helpedOnline, string? notes, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.ReportOutreach)).Succeeded)
        {
            return Forbid();
        }

        return await RunAsync(id, async () =>
        {
            var s = await db.OutreachSessions.SingleOrDefaultAsync(x => x.Id == id, ct);
            s?.Report(helpedOnline, notes);
            await db.SaveChangesAsync(ct);
            return s;
        }, t["Outreach.Reported"], ct);
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, string? reason, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.ManageOutreach)).Succeeded)
        {
            return Forbid();
        }

        return await RunAsync(id, async () =>
        {
            var s = await db.OutreachSessions.SingleOrDefaultAsync(x => x.Id == id, ct);
            s?.Cancel(reason);
            await db.SaveChangesAsync(ct);
            return s;
        }, t["Outreach.Cancelled"], ct);
    }

    private async Task<IActionResult> RunAsync(Guid id, Func<Task<OutreachSession?>> work, string done, CancellationToken ct)
    {
        try
        {
            if (await work() is null)
            {
                return NotFound();
            }

            TempData["Notice"] = done;
            return Redirect($"/outreach/sessions/{id}");
        }
        catch (DomainRuleException ex)
        {
            db.ChangeTracker.Clear();
            if (ex.Code == "session.rules-broken")
            {
                Violations = ex.Violations;
            }

            return await FailAsync(id, ex.Code == "session.rules-broken" ? t["Outreach.Error.Rules"] : t.Explain(ex), ct, Problems.StatusOf(ex.Kind));
        }
    }

    private async Task<IActionResult> FailAsync(Guid id, string error, CancellationToken ct, int status = 400)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Error = error;
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var s = await db.OutreachSessions.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (s is null)
        {
            return false;
        }

        var culture = Localization.Culture();
        var campaign = await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == s.CampaignId, ct);
        Session = (await CampaignQuery.SessionsAsync([s], s.UnitId, db, culture, ct))[0];
        Uncovered = [.. (await ProcedureNames.OfAsync(Session.Uncovered, db, culture, ct)).Select(p => p.Name)];
        var teams = await db.Teams.AsNoTracking().Where(x => x.UnitId == s.UnitId).OrderBy(x => x.Name).ToListAsync(ct);
        Teams = [.. teams.Select(x => (x.Id, x.Name))];
        if (teams.FirstOrDefault(x => x.Id == s.TeamId) is { } team)
        {
            var ids = team.Members.Select(m => m.UserId).ToList();
            var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
            var days = OutreachPlanning.DaysOut(await db.OutreachSessions.AsNoTracking().Where(x => x.CampaignId == s.CampaignId).ToListAsync(ct));
            var offered = campaign.Settings.Procedures;
            CrewSize = team.CrewSize;
            OfferedCount = offered.Count;
            Candidates = [.. team.Members
                .Select(m => new CrewCandidate(m.UserId, names.GetValueOrDefault(m.UserId, m.UserId), s.MemberIds.Contains(m.UserId), m.Unavailable.Contains(s.Date),
                    m.Skills.Count(offered.Contains), days.GetValueOrDefault(m.UserId)))
                .OrderByDescending(c => c.InCrew).ThenBy(c => c.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false))];
        }
        CampaignId = campaign.Id;
        CampaignName = campaign.Settings.Name;
        Dates = campaign.Settings.Dates();
        Slots = campaign.Settings.Slots;
        Hamlets = [.. (await db.Hamlets.AsNoTracking().Where(x => x.UnitId == s.UnitId).OrderBy(x => x.Name).Select(x => new { x.Id, x.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name))];
        Dossiers = await db.Dossiers.CountAsync(d => d.OutreachSessionId == id, ct);
        CanManage = (await authorization.AuthorizeAsync(User, Policies.ManageOutreach)).Succeeded;
        CanReport = (await authorization.AuthorizeAsync(User, Policies.ReportOutreach)).Succeeded;
        return true;
    }
}
