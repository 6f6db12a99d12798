using static MotCua.Planning.Tests.TestProblems;

namespace MotCua.Planning.Tests;

public sealed class PlanObjectiveTests
{
    [Fact]
    public void CaseWeight_GrowsWithDistanceAndWithTheShareOfVulnerableGroups()
    {
        var weights = PlanningWeights.Default;
        var elderly = new PriorityGroups(10, 0, 0, 0, 0);
        var pending = new PriorityGroups(0, 0, 0, 0, 10);

        Assert.True(weights.CaseWeight(Hamlet(A, "far", 15, 10, elderly)) > weights.CaseWeight(Hamlet(A, "near", 2, 10, elderly)));
        Assert.True(weights.CaseWeight(Hamlet(A, "elderly", 5, 10, elderly)) > weights.CaseWeight(Hamlet(A, "pending", 5, 10, pending)));
        Assert.Equal(2.5 * 3, weights.CaseWeight(Hamlet(A, "far elderly", 15, 10, elderly)), 9);
        Assert.Equal(1, weights.GroupFactor(PriorityGroups.None));
    }

    [Fact]
    public void Breakdown_AddsUp()
    {
        var problem = Small();
        var plan = ValidSmallPlan();

        var breakdown = PlanObjective.Breakdown(problem, plan);

        Assert.Equal(breakdown.WeightedCases + breakdown.Coverage - breakdown.SessionCosts, breakdown.Total, 9);
        Assert.Equal(PlanObjective.Value(problem, plan), breakdown.Total);
        Assert.Equal(70, breakdown.CasesServed);
        Assert.Equal(3, breakdown.HamletsCovered);
        Assert.Equal(4, breakdown.NewSessions);
    }

    [Fact]
    public void CasesBeyondDemand_DoNotScore()
    {
        var problem = Small();
        var plan = ValidSmallPlan();
        var inflated = plan.Select(s => s.HamletId == C ? s with { ExpectedCases = 25 } : s).ToList();

        Assert.Equal(PlanObjective.Breakdown(problem, plan).WeightedCases, PlanObjective.Breakdown(problem, inflated).WeightedCases);
    }

    [Fact]
    public void LaterSessions_CostMore()
    {
        var problem = Small();
        var early = new List<PlannedSession> { Session(Day1, Slot.Morning, Team1, A, 30, "m1", "m2") };
        var late = new List<PlannedSession> { Session(Day3, Slot.Morning, Team1, A, 30, "m1", "m2") };

        Assert.True(PlanObjective.Value(problem, early) > PlanObjective.Value(problem, late));
    }
}
