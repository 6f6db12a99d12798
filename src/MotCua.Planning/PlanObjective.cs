namespace MotCua.Planning;

/// <summary>The parts of a plan's objective, in case points (see <see cref="PlanningWeights"/>).</summary>
/// <param name="WeightedCases">Priority-weighted demand served: Σ caseWeight × cases, held sessions included.</param>
/// <param name="Coverage">Coverage bonuses earned by hamlets with priority residents that get a session.</param>
/// <param name="SessionCosts">Cost of the new sessions (held sessions cost nothing more).</param>
public sealed record ObjectiveBreakdown(
    double WeightedCases,
    double Coverage,
    double SessionCosts,
    double Total,
    int CasesServed,
    int HamletsCovered,
    int NewSessions);

/// <summary>
/// The objective the CP-SAT planner maximises, computed for any plan (the solver's, the baseline's, or one a leader
/// edited by hand) so that plans can be compared on the same scale.
/// </summary>
public static class PlanObjective
{
    public static double Value(PlanningProblem p, IReadOnlyList<PlannedSession> sessions) => Breakdown(p, sessions).Total;

    public static ObjectiveBreakdown Breakdown(PlanningProblem p, IReadOnlyList<PlannedSession> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        return Compute(PlanningContext.Create(p), sessions);
    }

    internal static ObjectiveBreakdown Compute(PlanningContext context, IReadOnlyList<PlannedSession> sessions)
    {
        var hamlets = context.Hamlets.Length;
        var fixedCases = new long[hamlets];
        var newCases = new long[hamlets];
        var covered = new bool[hamlets];
        long costs = 0;
        var newSessions = 0;
        foreach (var session in sessions)
        {
            var h = context.HamletIndex(session.HamletId);
            if (h < 0)
            {
                continue;
            }

            covered[h] = true;
            if (session.Fixed)
            {
                fixedCases[h] += session.ExpectedCases;
            }
            else
            {
                newCases[h] += Math.Max(0, session.ExpectedCases);
                costs += context.SessionCost(h, session.Date);
                newSessions++;
            }
        }

        long weighted = 0;
        long bonus = 0;
        long cases = 0;
        for (var h = 0; h < hamlets; h++)
        {
            // A hand-edited plan may promise more than the hamlet needs; only real demand scores.
            var served = fixedCases[h] + Math.Min(newCases[h], context.Hamlets[h].ExpectedDemand);
            cases += served;
            weighted += context.CaseWeight[h] * served;
            bonus += covered[h] ? context.CoverageBonus[h] : 0;
        }

        double scale = PlanningContext.Scale;
        return new ObjectiveBreakdown(
            weighted / scale,
            bonus / scale,
            costs / scale,
            (weighted + bonus - costs) / scale,
            (int)cases,
            covered.Count(c => c),
            newSessions);
    }
}
