using Microsoft.EntityFrameworkCore;
using MotCua.Domain;
using MotCua.Domain.Calendar;
using MotCua.Domain.Outreach;
using MotCua.Planning;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Outreach;

/// <summary>Turns a campaign and what the database knows (hamlets, teams, sessions held) into a planning problem.</summary>
public static class OutreachPlanning
{
    public sealed record Context(PlanningProblem Problem, Campaign Campaign, IReadOnlyList<OutreachSession> Sessions, IReadOnlyDictionary<Guid, int> Served, DateOnly Today);

    public static Slot ToPlanner(SessionSlot slot) => (Slot)(int)slot;

    public static SessionSlot FromPlanner(Slot slot) => (SessionSlot)(int)slot;

    /// <summary>
    /// Sessions held (or whose day has passed) are facts: fixed in the problem with the cases they really served, and
    /// each hamlet's demand is what is left of its estimate after them.
    /// </summary>
    public static async Task<Context> LoadAsync(Guid campaignId, MotCuaDb db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == campaignId, ct)
            ?? throw new DomainRuleException("campaign.not-found", "No such campaign.");
        var today = WorkingCalendar.LocalDate(time.GetUtcNow());
        var sessions = await db.OutreachSessions.Where(s => s.CampaignId == campaignId).ToListAsync(ct);
        var sessionIds = sessions.Select(s => s.Id).ToList();
        var served = await db.Dossiers.Where(d => d.OutreachSessionId != null && sessionIds.Contains(d.OutreachSessionId.Value))
            .GroupBy(d => d.OutreachSessionId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var hamlets = await db.Hamlets.AsNoTracking().Where(h => h.UnitId == campaign.UnitId).OrderBy(h => h.Name).ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().Where(t => t.UnitId == campaign.UnitId).OrderBy(t => t.Name).ToListAsync(ct);
        var memberIds = teams.SelectMany(t => t.Members.Select(m => m.UserId)).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var hamletIds = hamlets.Select(h => h.Id).ToList();
        var travel = await db.HamletTravel.AsNoTracking().Where(t => hamletIds.Contains(t.FromHamletId)).ToListAsync(ct);

        var fixedSessions = sessions.Where(s => IsFact(s, today)).ToList();
        var servedByHamlet = fixedSessions.GroupBy(s => s.HamletId).ToDictionary(g => g.Key, g => g.Sum(s => served.GetValueOrDefault(s.Id)));
        var dates = campaign.Settings.Dates().Where(d => d >= today).Union(fixedSessions.Select(s => s.Date)).Distinct().Order().ToList();

        var problem = new PlanningProblem(
            [.. hamlets.Select(h => new PlanHamlet(h.Id, h.Name, h.DistanceKm, h.TravelMinutes,
                new PriorityGroups(h.Priority.Elderly, h.Priority.Disabled, h.Priority.SocialProtection, h.Priority.CashWithoutBankAccount, h.Priority.PendingProcedure),
                Math.Max(0, h.EstimatedDemand - servedByHamlet.GetValueOrDefault(h.Id))))],
            [.. teams.Select(t => new PlanTeam(t.Id, t.Name,
                [.. t.Members.Select(m => new PlanMember(m.UserId, names.GetValueOrDefault(m.UserId, m.UserId), m.Unavailable.ToHashSet(), Skills: m.Skills.ToHashSet(StringComparer.Ordinal)))], t.CrewSize))],
            dates,
            [.. campaign.Settings.Slots.Select(ToPlanner)],
            campaign.Settings.CapacityPerSession,
            campaign.Settings.MinutesPerCase,
            campaign.Settings.MaxDaysPerMember,
            campaign.Settings.MaxTravelMinutesBetweenSessions,
            travel.ToDictionary(t => (t.FromHamletId, t.ToHamletId), t => t.Minutes),
            [.. fixedSessions.Select(s => new FixedSession(s.Date, ToPlanner(s.Slot), s.TeamId, s.HamletId, s.MemberIds, served.GetValueOrDefault(s.Id)))],
            PlanningWeights.Default)
        {
            Procedures = campaign.Settings.Procedures,
        };
        return new Context(problem, campaign, sessions, served, today);
    }

    /// <summary>Per member, the days they go out in these sessions (cancelled ones do not count; two half-days are one day).</summary>
    public static Dictionary<string, int> DaysOut(IEnumerable<OutreachSession> sessions) =>
        sessions.Where(s => s.Status != SessionStatus.Cancelled)
            .SelectMany(s => s.MemberIds.Select(m => (Member: m, s.Date))).Distinct()
            .GroupBy(x => x.Member).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Held, or planned for a day that has passed: either way no longer the planner's to move.</summary>
    public static bool IsFact(OutreachSession s, DateOnly today) =>
        s.Status == SessionStatus.Held || (s.Status == SessionStatus.Planned && s.Date < today);

    /// <summary>The campaign's sessions as the planner sees them, for the validator and the objective.</summary>
    public static IReadOnlyList<PlannedSession> AsPlanned(Context context, IEnumerable<OutreachSession> sessions) =>
        [.. sessions.Where(s => s.Status != SessionStatus.Cancelled).Select(s =>
        {
            var isFact = IsFact(s, context.Today);
            return new PlannedSession(s.Date, ToPlanner(s.Slot), s.TeamId, s.HamletId, s.MemberIds,
                isFact ? context.Served.GetValueOrDefault(s.Id) : s.ExpectedCases, isFact, new SessionReason(s.ReasonCode, s.ReasonValues));
        })];
}
