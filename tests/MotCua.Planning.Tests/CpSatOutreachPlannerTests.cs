using static MotCua.Planning.Tests.TestProblems;

namespace MotCua.Planning.Tests;

public sealed class CpSatOutreachPlannerTests
{
    private readonly CpSatOutreachPlanner _planner = new();

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 16)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomCampaign_PlanKeepsEveryRule_AndBeatsRoundRobin(int seed)
    {
        var problem = Random(seed);

        var result = _planner.Plan(problem, Options);
        var baseline = RoundRobinPlanner.Plan(problem);

        Assert.Empty(PlanValidator.Violations(problem, result.Sessions));
        Assert.Empty(PlanValidator.Violations(problem, baseline.Sessions));
        Assert.Equal(PlanStatus.Optimal, result.Status);
        Assert.Equal(PlanObjective.Value(problem, result.Sessions), result.Objective, 6);
        Assert.Equal(result.Objective, result.Bound, 2);
        Assert.Equal(0, result.Gap);
        Assert.True(result.Objective >= PlanObjective.Value(problem, baseline.Sessions) - 1e-9, $"CP-SAT {result.Objective} < round-robin {baseline.Objective}");
        Assert.All(result.Sessions, s => Assert.InRange(s.ExpectedCases, 1, problem.CapacityPerSession));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomCampaign_Replan_KeepsHeldSessionsAndRules(int seed)
    {
        var problem = Random(seed);
        var first = _planner.Plan(problem, Options);
        var through = problem.Dates.Order().First();
        var replanned = HoldThrough(problem, first.Sessions, through, s => Math.Max(0, s.ExpectedCases - (seed % 4)));

        var result = _planner.Plan(replanned, Options);

        Assert.Empty(PlanValidator.Violations(replanned, result.Sessions));
        Assert.All(result.Sessions.Where(s => !s.Fixed), s => Assert.True(s.Date > through));
        Assert.Equal(replanned.Fixed.Count, result.Sessions.Count(s => s.Fixed));
        Assert.True(result.Objective >= RoundRobinPlanner.Plan(replanned).Objective - 1e-9);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(8)]
    public void TravelFreeRelaxation_GivesAValidBound(int seed)
    {
        var problem = Random(seed);
        var usual = _planner.Plan(problem, Options);

        // A threshold of -1 makes every model "large", so the relaxation runs even on a small campaign.
        var relaxed = new CpSatOutreachPlanner(largePairModel: -1).Plan(problem, Options);

        Assert.Equal(PlanStatus.Optimal, usual.Status);
        Assert.Equal(usual.Objective, relaxed.Objective, 6);
        Assert.True(relaxed.Bound >= relaxed.Objective - 0.005);
        Assert.Empty(PlanValidator.Violations(problem, relaxed.Sessions));
    }

    [Fact]
    public void TinyCampaigns_MatchExhaustiveSearch()
    {
        for (var seed = 1; seed <= 6; seed++)
        {
            var problem = BruteForce.TinyProblem(seed);

            var result = _planner.Plan(problem, Options);

            Assert.Equal(PlanStatus.Optimal, result.Status);
            Assert.Equal(BruteForce.BestObjective(problem), result.Objective, 6);
        }
    }

    [Fact]
    public void DemoCommune_IsProvenOptimal_FarthestHamletFirst()
    {
        var problem = SampleProblems.DemoCommune();

        var result = _planner.Plan(problem, Options with { MaxTime = TimeSpan.FromSeconds(10) });

        Assert.Equal(PlanStatus.Optimal, result.Status);
        Assert.Empty(PlanValidator.Violations(problem, result.Sessions));
        var farthest = problem.Hamlets.Single(h => h.Name == SampleProblems.FarthestDemoHamlet);
        var first = result.Sessions.Where(s => s.HamletId == farthest.Id).OrderBy(s => s.Date).ThenBy(s => s.Slot).First();
        Assert.Equal(SampleProblems.DemoSaturdays[0], first.Date);
        Assert.Equal(ReasonCodes.FarthestPriority, first.Reason.Code);
        Assert.Equal("Ấp Phú Thuận A cách trung tâm 14,8 km, có 42 người cao tuổi, 9 người khuyết tật, 156 đối tượng bảo trợ xã hội và 38 người nhận trợ cấp bằng tiền mặt chưa có tài khoản ngân hàng", ReasonText.Format(first.Reason));

        // Capacity runs short of demand in the demo, so every hamlet with priority residents must get a session.
        Assert.All(problem.Hamlets.Where(h => h.Priority.Total > 0), h => Assert.Contains(result.Sessions, s => s.HamletId == h.Id));
    }

    [Fact]
    public void DemoCommune_Replan_KeepsTheFirstTwoSaturdays()
    {
        var problem = SampleProblems.DemoCommune();
        var first = _planner.Plan(problem, Options);
        var secondSaturday = SampleProblems.DemoSaturdays[1];

        // Fewer people came than planned; the rest of their demand remains for later sessions.
        var replanned = HoldThrough(problem, first.Sessions, secondSaturday, s => s.ExpectedCases - 3);
        var result = _planner.Plan(replanned, Options);

        var held = first.Sessions.Where(s => s.Date <= secondSaturday).ToList();
        Assert.NotEmpty(held);
        foreach (var s in held)
        {
            Assert.Contains(result.Sessions, r => r.Fixed && r.Date == s.Date && r.Slot == s.Slot && r.TeamId == s.TeamId
                && r.HamletId == s.HamletId && r.MemberIds.SequenceEqual(s.MemberIds) && r.ExpectedCases == s.ExpectedCases - 3);
        }

        Assert.Equal(held.Count, result.Sessions.Count(s => s.Date <= secondSaturday));
        Assert.All(result.Sessions.Where(s => s.Date <= secondSaturday), s => Assert.Equal(ReasonCodes.Held, s.Reason.Code));
        Assert.Empty(PlanValidator.Violations(replanned, result.Sessions));
        Assert.Equal(PlanStatus.Optimal, result.Status);
        Assert.True(result.Objective >= RoundRobinPlanner.Plan(replanned).Objective);
    }

    [Fact]
    public void CoverageBonus_PrefersANewHamletOverASecondSession()
    {
        var elderly = new PriorityGroups(40, 10, 0, 0, 0);
        var few = new PriorityGroups(0, 0, 0, 0, 3);
        var problem = Small(maxDays: 5) with
        {
            Hamlets = [Hamlet(A, "Ấp xa", 15, 60, elderly), Hamlet(B, "Ấp gần", 2, 10, few)],
            Teams = [Small().Teams[0]],
            Dates = [Day2],
            TravelMinutesBetweenHamlets = new Dictionary<(Guid From, Guid To), int> { [(A, B)] = 15 },
        };

        var covering = _planner.Plan(problem, Options);
        var greedy = _planner.Plan(problem with { Weights = new PlanningWeights(CoverageBonus: 0) }, Options);

        Assert.Equal([A, B], covering.Sessions.Select(s => s.HamletId).Order());
        Assert.Equal([A, A], greedy.Sessions.Select(s => s.HamletId));
        Assert.Equal(ReasonCodes.MoreDemand, greedy.Sessions[1].Reason.Code);
    }

    [Fact]
    public void FarHamlets_ComeFirst()
    {
        var same = new PriorityGroups(10, 2, 20, 5, 5);
        var problem = Small(maxDays: 5) with
        {
            Hamlets = [Hamlet(A, "Ấp gần", 2, 30, same), Hamlet(B, "Ấp xa", 14, 30, same)],
            Teams = [Small().Teams[0]],
            Dates = [Day1, Day2],
            Slots = [Slot.Morning],
        };

        var result = _planner.Plan(problem, Options);

        Assert.Equal([B, A], result.Sessions.OrderBy(s => s.Date).Select(s => s.HamletId));
    }

    [Fact]
    public void TimeLimitTooShortToSolve_StillReturnsAValidPlanAtLeastAsGoodAsTheBaseline()
    {
        var problem = SampleProblems.Large();

        var result = _planner.Plan(problem, Options with { MaxTime = TimeSpan.FromMilliseconds(1) });

        Assert.Equal(PlanStatus.Feasible, result.Status);
        Assert.Empty(PlanValidator.Violations(problem, result.Sessions));
        Assert.True(result.Objective >= RoundRobinPlanner.Plan(problem).Objective);
    }

    [Fact]
    public void GapLimit_NeverClaimsOptimalityItDidNotProve()
    {
        var problem = SampleProblems.DemoCommune();

        var result = _planner.Plan(problem, Options with { RelativeGapLimit = 0.5 });

        Assert.Empty(PlanValidator.Violations(problem, result.Sessions));
        Assert.InRange(result.Gap, 0, 0.5);
        Assert.Equal((result.Bound - result.Objective) / result.Bound, result.Gap, 6);
        Assert.True(result.Status == PlanStatus.Feasible || result.Bound - result.Objective < 0.01);
    }

    [Fact]
    public void NothingToDo_IsAnEmptyOptimalPlan()
    {
        var problem = Small() with { Hamlets = [.. Small().Hamlets.Select(h => h with { ExpectedDemand = 0 })] };

        var result = _planner.Plan(problem, Options);

        Assert.Empty(result.Sessions);
        Assert.Equal(PlanStatus.Optimal, result.Status);
        Assert.Equal(0, result.Objective);
    }

    [Fact]
    public void MembersUnavailableOrOutOfDays_AreNeverSent()
    {
        var problem = Small(maxDays: 1);

        var result = _planner.Plan(problem, Options);

        Assert.Empty(PlanValidator.Violations(problem, result.Sessions));
        Assert.DoesNotContain(result.Sessions, s => s.Date == Day1 && s.MemberIds.Contains("m4"));
        Assert.All(result.Sessions.SelectMany(s => s.MemberIds.Select(m => (m, s.Date))).Distinct().GroupBy(x => x.m), g => Assert.Single(g));
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(2, 2)]
    public void Skills_TheOnlyMemberWhoCanReceiveAProcedure_GoesAsOftenAsTheDayLimitAllows(int maxDays, int daysWithM4)
    {
        // Team 1: m1–m4 all free every day, only m4 can receive the second procedure; demand keeps both teams out every day.
        var small = Small(maxDays);
        var problem = WithSkills(small with
        {
            Teams = [small.Teams[0] with { Members = [Member("m1"), Member("m2"), Member("m3"), Member("m4")] }, small.Teams[1]],
            Hamlets = [Hamlet(A, "Ấp A", 10, 200), Hamlet(B, "Ấp B", 9, 200), Hamlet(C, "Ấp C", 2, 200)],
            Procedures = ["P1", "P2"],
        }, m => m == "m4" ? ["P1", "P2"] : ["P1"]);

        var result = _planner.Plan(problem, Options);

        Assert.Empty(PlanValidator.Violations(problem, result.Sessions));
        var team1Days = result.Sessions.Where(s => s.TeamId == Team1).GroupBy(s => s.Date).ToList();
        Assert.Equal([Day1, Day2, Day3], team1Days.Select(d => d.Key).Order());
        Assert.Equal(daysWithM4, team1Days.Count(d => d.All(s => s.MemberIds.Contains("m4"))));
    }

    [Fact]
    public void Skills_NoneRecorded_CrewsAreTheLeastUsedAsBefore()
    {
        var plain = _planner.Plan(Small(maxDays: 3), Options);
        var unskilled = _planner.Plan(WithSkills(Small(maxDays: 3), _ => []) with { Procedures = ["P1", "P2"] }, Options);

        Assert.Equal(plain.Sessions.Select(s => (s.Date, s.Slot, s.TeamId, string.Join(",", s.MemberIds))), unskilled.Sessions.Select(s => (s.Date, s.Slot, s.TeamId, string.Join(",", s.MemberIds))));
    }

    private static PlanningProblem WithSkills(PlanningProblem problem, Func<string, string[]> skills) => problem with
    {
        Teams = [.. problem.Teams.Select(t => t with { Members = [.. t.Members.Select(m => m with { Skills = skills(m.Id).ToHashSet(StringComparer.Ordinal) })] })],
    };

    [Fact]
    public void InvalidProblem_Throws()
    {
        var problem = Small() with { Hamlets = [.. Small().Hamlets, Small().Hamlets[0]] };

        var error = Assert.Throws<ArgumentException>(() => _planner.Plan(problem, Options));

        Assert.Contains("appears twice", error.Message, StringComparison.Ordinal);
    }
}
