using static MotCua.Planning.Tests.TestProblems;

namespace MotCua.Planning.Tests;

public sealed class RoundRobinPlannerTests
{
    [Fact]
    public void TakesHamletsFarthestFirst_AndRotatesMembers()
    {
        var problem = Small(maxDays: 3) with { Slots = [Slot.Morning], Teams = [Small().Teams[0]] };

        var plan = RoundRobinPlanner.Plan(problem);

        Assert.Empty(PlanValidator.Violations(problem, plan.Sessions));
        Assert.Equal([A, B, C], plan.Sessions.Select(s => s.HamletId));
        Assert.Equal(["m1", "m2"], plan.Sessions[0].MemberIds);
        Assert.Equal(["m3", "m4"], plan.Sessions[1].MemberIds);
        Assert.Equal(["m1", "m2"], plan.Sessions[2].MemberIds);
        Assert.True(double.IsNaN(plan.Bound));
        Assert.Equal(PlanStatus.Feasible, plan.Status);
    }

    [Fact]
    public void KeepsTheMorningCrewForTheAfternoon_AndRespectsTravel()
    {
        var problem = Small(maxDays: 3) with { Teams = [Small().Teams[0]] };

        var plan = RoundRobinPlanner.Plan(problem);

        Assert.Empty(PlanValidator.Violations(problem, plan.Sessions));
        foreach (var day in plan.Sessions.GroupBy(s => s.Date).Where(g => g.Count() == 2))
        {
            Assert.Equal(day.First().MemberIds, day.Last().MemberIds);
        }
    }

    [Fact]
    public void IsDeterministic()
    {
        var problem = SampleProblems.DemoCommune();

        var first = RoundRobinPlanner.Plan(problem).Sessions;
        var second = RoundRobinPlanner.Plan(problem).Sessions;

        Assert.Equal(first.Select(s => (s.Date, s.Slot, s.TeamId, s.HamletId, string.Join(',', s.MemberIds), s.ExpectedCases)),
            second.Select(s => (s.Date, s.Slot, s.TeamId, s.HamletId, string.Join(',', s.MemberIds), s.ExpectedCases)));
    }
}
