using Microsoft.EntityFrameworkCore;
using MotCua.Domain;
using MotCua.Domain.Outreach;
using MotCua.Planning;
using MotCua.Web.Data;
using MotCua.Web.Platform;

namespace MotCua.Web.Features.Outreach;

/// <summary>
/// A leader moves one session by hand or changes who goes; every hard rule of the planner is checked again before it
/// is saved.
/// </summary>
public static class MoveSession
{
    /// <param name="MemberIds">The crew the leader chose; null or empty keeps the crew (or picks one when it cannot stay).</param>
    public sealed record Input(Guid SessionId, int ExpectedVersion, DateOnly Date, SessionSlot Slot, Guid TeamId, Guid HamletId, IReadOnlyList<string>? MemberIds = null);

    /// <summary>The moved session; a move that breaks a rule is refused with every broken rule listed.</summary>
    public static async Task<OutreachSession?> ExecuteAsync(Input input, MotCuaDb db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(db);
        var session = await db.OutreachSessions.SingleOrDefaultAsync(s => s.Id == input.SessionId, ct);
        if (session is null)
        {
            return null;
        }

        if (session.Version != input.ExpectedVersion)
        {
            throw new DomainRuleException("session.version-conflict", "The session has changed since you opened it; reload and try again.", RuleKind.Conflict);
        }

        var context = await OutreachPlanning.LoadAsync(session.CampaignId, db, time, ct);
        if (!context.Campaign.Settings.Dates().Contains(input.Date) || !context.Campaign.Settings.Slots.Contains(input.Slot))
        {
            throw new DomainRuleException("session.outside-campaign", "The new day and half-day must be one of the campaign's.", RuleKind.Invalid);
        }

        if (input.Date < context.Today)
        {
            throw new DomainRuleException("session.in-the-past", "A session cannot be moved to a day that has passed.");
        }

        var team = context.Problem.Teams.SingleOrDefault(t => t.Id == input.TeamId)
            ?? throw new DomainRuleException("session.team-unknown", "No such team in this unit.", RuleKind.Invalid);
        if (context.Problem.Hamlets.All(h => h.Id != input.HamletId))
        {
            throw new DomainRuleException("session.hamlet-unknown", "No such hamlet in this unit.", RuleKind.Invalid);
        }

        IReadOnlyList<string> members = input.MemberIds is { Count: > 0 } chosen
            ? [.. chosen.Distinct(StringComparer.Ordinal)]
            : session.TeamId == input.TeamId && session.MemberIds.All(m => team.Members.FirstOrDefault(x => x.Id == m) is { } member && !member.Unavailable.Contains(input.Date))
            ? session.MemberIds
            : Crew(team, input.Date, context, session);
        var others = context.Sessions.Where(s => s.Id != session.Id).ToList();

        // In another hamlet the session expects what that hamlet has left after its other sessions (at least one case).
        var expected = session.ExpectedCases;
        if (input.HamletId != session.HamletId)
        {
            var left = context.Problem.Hamlets.Single(h => h.Id == input.HamletId).ExpectedDemand
                - others.Where(s => s.HamletId == input.HamletId && s.Status == SessionStatus.Planned && !OutreachPlanning.IsFact(s, context.Today)).Sum(s => s.ExpectedCases);
            expected = Math.Clamp(left, 1, context.Campaign.Settings.CapacityPerSession);
        }

        var moved = new PlannedSession(input.Date, OutreachPlanning.ToPlanner(input.Slot), input.TeamId, input.HamletId, members, expected, false, new SessionReason(ReasonCodes.Manual, new Dictionary<string, string>()));
        var plan = OutreachPlanning.AsPlanned(context, others).Append(moved).ToList();
        var broken = PlanValidator.Check(context.Problem, plan);
        if (broken.Count > 0)
        {
            // "kind: details", the details in the caller's language (the page shows each kind's headline above them).
            var culture = Localization.Culture();
            throw new DomainRuleException("session.rules-broken", "The move breaks the plan's rules: " + string.Join(" ", broken.Select(v => v.Line())))
            {
                Violations = [.. broken.Select(v => v.Line(culture))],
            };
        }

        session.Move(input.Date, input.Slot, input.TeamId, input.HamletId, members, expected);
        await db.SaveChangesAsync(ct);
        return session;
    }

    /// <summary>
    /// The members of the team free that day who have gone out least in this campaign; where skills are recorded, one
    /// who can receive an offered procedure the crew still lacks goes first if the day stays within their limit.
    /// </summary>
    private static IReadOnlyList<string> Crew(PlanTeam team, DateOnly date, OutreachPlanning.Context context, OutreachSession moving)
    {
        var days = OutreachPlanning.DaysOut(context.Sessions.Where(s => s.Id != moving.Id));
        var free = team.Members.Where(m => !m.Unavailable.Contains(date)).OrderBy(m => days.GetValueOrDefault(m.Id)).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
        var uncovered = context.Problem.Procedures.ToHashSet(StringComparer.Ordinal);
        var crew = new List<PlanMember>();
        while (crew.Count < team.CrewSize && free.Count > 0)
        {
            var next = free.FirstOrDefault(m => m.Skills?.Any(uncovered.Contains) == true
                && m.DaysAlreadyWorked + days.GetValueOrDefault(m.Id) < context.Problem.MaxDaysPerMember) ?? free[0];
            crew.Add(next);
            free.Remove(next);
            uncovered.ExceptWith(next.Skills ?? (IEnumerable<string>)[]);
        }

        return [.. crew.Select(m => m.Id)];
    }
}
