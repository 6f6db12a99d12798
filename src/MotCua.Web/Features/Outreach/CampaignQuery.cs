using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Outreach;
using MotCua.Planning;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Outreach;

public static class CampaignQuery
{
    public static async Task<CampaignResponse?> LoadAsync(Guid id, MotCuaDb db, string culture, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var c = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return null;
        }

        var unit = await db.Units.AsNoTracking().Where(u => u.Id == c.UnitId).Select(u => u.Code).SingleAsync(ct);
        var sessions = await db.OutreachSessions.AsNoTracking().Where(s => s.CampaignId == id).OrderBy(s => s.Date).ThenBy(s => s.Slot).ToListAsync(ct);
        var s = c.Settings;
        return new CampaignResponse(c.Id, unit, s.Name, s.From, s.To, s.Days, s.Slots, s.Procedures, s.MinutesPerCase, s.CapacityPerSession, s.Target,
            s.MaxDaysPerMember, s.MaxTravelMinutesBetweenSessions, Summary(c.LastPlan), await SessionsAsync(sessions, c.UnitId, db, culture, ct));
    }

    public static PlanSummaryResponse? Summary(PlanSummary? p) =>
        p is null ? null : new PlanSummaryResponse(p.SolvedAt, Enum.TryParse<Planning.PlanStatus>(p.Status, out var status) ? Platform.EnumText.Of(status) : p.Status, p.Objective, p.Bound, p.Gap, p.Seconds, p.Sessions, p.BaselineObjective);

    public static async Task<IReadOnlyList<SessionResponse>> SessionsAsync(IReadOnlyList<OutreachSession> sessions, Guid unitId, MotCuaDb db, string culture, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(db);
        var teams = await db.Teams.AsNoTracking().Where(t => t.UnitId == unitId).ToDictionaryAsync(t => t.Id, ct);
        var campaignIds = sessions.Select(x => x.CampaignId).Distinct().ToList();
        var offered = (await db.Campaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id)).ToListAsync(ct)).ToDictionary(c => c.Id, c => c.Settings.Procedures);
        var hamlets = await db.Hamlets.AsNoTracking().Where(h => h.UnitId == unitId).ToDictionaryAsync(h => h.Id, h => h.Name, ct);
        var memberIds = sessions.SelectMany(x => x.MemberIds).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        return [.. sessions.Select(x => new SessionResponse(x.Id, x.Date, x.Slot, x.TeamId, teams.GetValueOrDefault(x.TeamId)?.Name ?? "?", x.HamletId, hamlets.GetValueOrDefault(x.HamletId, "?"),
            x.ExpectedCases, x.Status, x.Manual, x.ReasonCode, ReasonOf(x, culture), [.. x.MemberIds.Select(m => names.GetValueOrDefault(m, m))], x.Version,
            Uncovered(x, teams.GetValueOrDefault(x.TeamId), offered.GetValueOrDefault(x.CampaignId) ?? [])))];
    }

    /// <summary>
    /// The offered procedures nobody in a planned session's crew can receive, so the leader changes the crew before the
    /// team drives out. Skills are optional: a team with none recorded for any member is not judged.
    /// </summary>
    public static IReadOnlyList<string> Uncovered(OutreachSession session, Team? team, IReadOnlyList<string> offered)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(offered);
        if (session.Status != SessionStatus.Planned || team is null || team.Members.All(m => m.Skills.Count == 0))
        {
            return [];
        }

        var covered = team.Members.Where(m => session.MemberIds.Contains(m.UserId)).SelectMany(m => m.Skills).ToHashSet(StringComparer.Ordinal);
        return [.. offered.Where(p => !covered.Contains(p))];
    }

    public static string ReasonOf(OutreachSession s, string culture)
    {
        ArgumentNullException.ThrowIfNull(s);
        return ReasonText.Format(new SessionReason(s.ReasonCode, s.ReasonValues), culture);
    }
}

/// <summary>The coming sessions a hamlet sees, with the papers to bring for each procedure offered.</summary>
public static class PublicScheduleQuery
{
    public static async Task<IReadOnlyList<PublicSessionResponse>?> LoadAsync(string unitCode, Guid? hamletId, MotCuaDb db, TimeProvider time, string culture, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);

        // Public information: when the team comes to which hamlet. It crosses the staff data scope on purpose.
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == unitCode, ct);
        if (unit is null)
        {
            return null;
        }

        var today = Domain.Calendar.WorkingCalendar.LocalDate(time.GetUtcNow());
        var sessions = await db.OutreachSessions.AsNoTracking().IgnoreQueryFilters()
            .Where(s => s.UnitId == unit.Id && s.Date >= today && s.Status == SessionStatus.Planned && (hamletId == null || s.HamletId == hamletId))
            .OrderBy(s => s.Date).ThenBy(s => s.Slot).Take(200).ToListAsync(ct);
        var campaignIds = sessions.Select(s => s.CampaignId).Distinct().ToList();
        var campaigns = await db.Campaigns.AsNoTracking().IgnoreQueryFilters().Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var hamlets = await db.Hamlets.AsNoTracking().IgnoreQueryFilters().Where(h => h.UnitId == unit.Id).ToDictionaryAsync(h => h.Id, ct);
        var codes = campaigns.Values.SelectMany(c => c.Settings.Procedures).Distinct().ToList();
        var procedures = await db.Procedures.AsNoTracking().Include(p => p.Versions).Where(p => codes.Contains(p.Code)).ToListAsync(ct);
        var morning = unit.Hours.Periods[0];
        var afternoon = unit.Hours.Periods[^1];
        return [.. sessions.Select(s =>
        {
            var period = s.Slot == SessionSlot.Morning ? morning : afternoon;
            var offered = campaigns[s.CampaignId].Settings.Procedures
                .Select(code => procedures.FirstOrDefault(p => p.Code == code))
                .OfType<Domain.Catalog.Procedure>()
                .Select(p => new PublicProcedure(p.Code, p.Name.For(culture),
                    [.. (p.VersionOn(s.Date)?.Papers ?? []).Select(x => x.Name.For(culture) + (x.Optional ? " (*)" : string.Empty))]))
                .ToList();
            var hamlet = hamlets.GetValueOrDefault(s.HamletId);
            return new PublicSessionResponse(s.Date, s.Slot, period.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), period.End.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                s.HamletId, hamlet?.Name ?? "?", hamlet?.MeetingPlace, offered);
        })];
    }
}
