using Microsoft.EntityFrameworkCore;
using MotCua.Domain;
using MotCua.Domain.Outreach;
using MotCua.Planning;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Outreach;

/// <summary>
/// Plans (or re-plans) a campaign with CP-SAT: sessions already held stay as they were, sessions not yet held are
/// replaced by the new plan (hand edits included), and the plan's objective, bound and status are kept with the campaign.
/// </summary>
public static class PlanCampaign
{
    public sealed record Outcome(PlanResult Result, PlanResult Baseline, IReadOnlyList<OutreachSession> Sessions);

    public static async Task<Outcome> ExecuteAsync(Guid campaignId, MotCuaDb db, TimeProvider time, PlannerOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var context = await OutreachPlanning.LoadAsync(campaignId, db, time, ct);
        var problem = context.Problem;
        if (problem.Teams.Count == 0)
        {
            throw new DomainRuleException("campaign.no-teams", "The unit has no mobile team yet: add a team before planning.");
        }

        if (problem.Hamlets.Count == 0)
        {
            throw new DomainRuleException("campaign.no-hamlets", "The unit has no hamlets.");
        }

        if (problem.Dates.Count == 0 || problem.Dates.All(d => d < context.Today))
        {
            throw new DomainRuleException("campaign.over", "The campaign has no days left to plan.");
        }

        var inputErrors = PlanningContext.InputErrors(problem);
        if (inputErrors.Count > 0)
        {
            throw new DomainRuleException("campaign.input-invalid", string.Join(" ", inputErrors), RuleKind.Invalid);
        }

        // CP-SAT is CPU-bound: keep it off the request thread's synchronization context.
        var result = await Task.Run(() => new CpSatOutreachPlanner().Plan(problem, options), ct);
        var baseline = RoundRobinPlanner.Plan(problem);
        if (result.Status is PlanStatus.Infeasible or PlanStatus.Unknown)
        {
            throw new DomainRuleException("campaign.no-plan", "No plan keeps every rule (too few members for the rotation limit, or every member unavailable). Check the teams and the limits.");
        }

        var replaced = context.Sessions.Where(s => s.Status == SessionStatus.Planned && !OutreachPlanning.IsFact(s, context.Today)).ToList();
        db.OutreachSessions.RemoveRange(replaced);
        var added = result.Sessions.Where(s => !s.Fixed).Select(s => new OutreachSession(campaignId, context.Campaign.UnitId, s.Date, OutreachPlanning.FromPlanner(s.Slot),
            s.TeamId, s.HamletId, s.MemberIds, s.ExpectedCases, s.Reason.Code, s.Reason.Values)).ToList();
        db.OutreachSessions.AddRange(added);
        context.Campaign.RecordPlan(new PlanSummary(time.GetUtcNow(), result.Status.ToString(), result.Objective, result.Bound, result.Gap,
            result.SolveTime.TotalSeconds, result.Sessions.Count, baseline.Objective));
        await db.SaveChangesAsync(ct);
        var all = await db.OutreachSessions.AsNoTracking().Where(s => s.CampaignId == campaignId).OrderBy(s => s.Date).ThenBy(s => s.Slot).ToListAsync(ct);
        return new Outcome(result, baseline, all);
    }
}
