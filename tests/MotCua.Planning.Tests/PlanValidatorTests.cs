using static MotCua.Planning.Tests.TestProblems;

namespace MotCua.Planning.Tests;

public sealed class PlanValidatorTests
{
    [Fact]
    public void ValidPlan_HasNoViolations()
    {
        Assert.Empty(PlanValidator.Violations(Small(), ValidSmallPlan()));
    }

    public static TheoryData<string, string> BadPlans() => new()
    {
        { "capacity", ViolationKinds.Capacity },
        { "negative cases", ViolationKinds.Capacity },
        { "demand", ViolationKinds.Demand },
        { "team twice in a slot", ViolationKinds.TeamSlot },
        { "member in two teams' sessions", ViolationKinds.MemberSlot },
        { "travel", ViolationKinds.Travel },
        { "crew too small", ViolationKinds.CrewSize },
        { "crew with a duplicate", ViolationKinds.CrewSize },
        { "crew from another team", ViolationKinds.CrewMember },
        { "unavailable", ViolationKinds.Unavailable },
        { "rotation", ViolationKinds.Rotation },
        { "date outside campaign", ViolationKinds.Date },
        { "unknown hamlet", ViolationKinds.Unknown },
    };

    [Theory]
    [MemberData(nameof(BadPlans))]
    public void BadPlan_IsCaught(string mutation, string kind)
    {
        var problem = Small();
        var plan = ValidSmallPlan();
        switch (mutation)
        {
            case "capacity":
                plan[0] = plan[0] with { ExpectedCases = 31 };
                break;
            case "negative cases":
                plan[3] = plan[3] with { ExpectedCases = -1 };
                break;
            case "demand":
                plan[2] = plan[2] with { ExpectedCases = 11 };
                break;
            case "team twice in a slot":
                plan.Add(Session(Day1, Slot.Morning, Team1, C, 5, "m3", "m1"));
                break;
            case "member in two teams' sessions":
                plan[3] = plan[3] with { MemberIds = ["n1", "m3"] };
                break;
            case "travel":
                plan[1] = plan[1] with { HamletId = C, ExpectedCases = 10 };
                break;
            case "crew too small":
                plan[0] = plan[0] with { MemberIds = ["m1"] };
                break;
            case "crew with a duplicate":
                plan[0] = plan[0] with { MemberIds = ["m1", "m1"] };
                break;
            case "crew from another team":
                plan[0] = plan[0] with { MemberIds = ["m1", "n1"] };
                break;
            case "unavailable":
                plan[0] = plan[0] with { MemberIds = ["m1", "m4"] };
                plan[1] = plan[1] with { MemberIds = ["m1", "m4"] };
                break;
            case "rotation":
                problem = Small(maxDays: 1);
                plan[2] = plan[2] with { MemberIds = ["m1", "m3"] };
                break;
            case "date outside campaign":
                plan[3] = plan[3] with { Date = new DateOnly(2025, 12, 25) };
                break;
            case "unknown hamlet":
                plan[3] = plan[3] with { HamletId = Guid.NewGuid() };
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mutation), mutation, null);
        }

        var violations = PlanValidator.Violations(problem, plan);

        Assert.Contains(violations, v => v.StartsWith(kind + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void SlotTheCampaignDoesNotRun_IsCaught()
    {
        var problem = Small() with { Slots = [Slot.Morning] };
        var plan = ValidSmallPlan();

        var violations = PlanValidator.Violations(problem, plan);

        Assert.Contains(violations, v => v.StartsWith(ViolationKinds.Slot + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void TravelPairMissingBothWays_IsTooFar()
    {
        var problem = Small() with { TravelMinutesBetweenHamlets = new Dictionary<(Guid From, Guid To), int>() };

        var violations = PlanValidator.Violations(problem, ValidSmallPlan());

        Assert.Contains(violations, v => v.StartsWith(ViolationKinds.Travel + ":", StringComparison.Ordinal) && v.Contains("no known route", StringComparison.Ordinal));
    }

    [Fact]
    public void TravelGivenOneWay_AppliesBothWays()
    {
        var plan = ValidSmallPlan();
        plan[0] = plan[0] with { HamletId = B, ExpectedCases = 10 };
        plan[1] = plan[1] with { HamletId = A, ExpectedCases = 30 };
        plan[2] = plan[2] with { HamletId = A, ExpectedCases = 10 };

        Assert.Empty(PlanValidator.Violations(Small(), plan));
    }

    [Fact]
    public void HeldSessions_MustBeKeptExactly()
    {
        var held = new FixedSession(Day1, Slot.Morning, Team1, A, ["m1", "m2"], 28);
        var problem = Small(fixedSessions: [held]) with
        {
            Hamlets = [Hamlet(A, "Ấp A", 10, 12), Hamlet(B, "Ấp B", 9, 20), Hamlet(C, "Ấp C", 2, 10)],
        };
        var kept = new PlannedSession(Day1, Slot.Morning, Team1, A, ["m2", "m1"], 28, true, new SessionReason(ReasonCodes.Held, new Dictionary<string, string>()));
        var later = Session(Day2, Slot.Morning, Team1, A, 12, "m3", "m4");

        Assert.Empty(PlanValidator.Violations(problem, [kept, later]));
        Assert.Contains(PlanValidator.Violations(problem, [later]), v => v.StartsWith(ViolationKinds.FixedMissing + ":", StringComparison.Ordinal));
        Assert.Contains(PlanValidator.Violations(problem, [kept with { ExpectedCases = 30 }, later]), v => v.StartsWith(ViolationKinds.FixedChanged + ":", StringComparison.Ordinal));
        Assert.Contains(PlanValidator.Violations(problem, [kept with { MemberIds = ["m1", "m3"] }, later]), v => v.StartsWith(ViolationKinds.FixedChanged + ":", StringComparison.Ordinal));
        Assert.Contains(PlanValidator.Violations(problem, [kept with { HamletId = B }, later]), v => v.StartsWith(ViolationKinds.FixedChanged + ":", StringComparison.Ordinal));
        Assert.Contains(PlanValidator.Violations(problem, [kept, later, later with { Fixed = true, Date = Day3 }]), v => v.StartsWith(ViolationKinds.FixedUnknown + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void NewSessionOnAPastDate_IsCaught()
    {
        var held = new FixedSession(Day2, Slot.Morning, Team1, A, ["m1", "m2"], 28);
        var problem = Small(fixedSessions: [held]);
        var kept = new PlannedSession(Day2, Slot.Morning, Team1, A, ["m1", "m2"], 28, true, new SessionReason(ReasonCodes.Held, new Dictionary<string, string>()));

        // Day 1 is before the latest held session, so it has passed even though nothing was held on it.
        var violations = PlanValidator.Violations(problem, [kept, Session(Day1, Slot.Morning, Team2, C, 10, "n1", "n2")]);

        Assert.Contains(violations, v => v.StartsWith(ViolationKinds.ClosedDate + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void HeldSessions_CountTowardsTheRotationLimit()
    {
        var held = new FixedSession(Day1, Slot.Morning, Team1, A, ["m1", "m2"], 28);
        var problem = Small(maxDays: 1, fixedSessions: [held]);
        var kept = new PlannedSession(Day1, Slot.Morning, Team1, A, ["m1", "m2"], 28, true, new SessionReason(ReasonCodes.Held, new Dictionary<string, string>()));

        var violations = PlanValidator.Violations(problem, [kept, Session(Day2, Slot.Morning, Team1, A, 12, "m1", "m3")]);

        Assert.Contains(violations, v => v.StartsWith(ViolationKinds.Rotation + ":", StringComparison.Ordinal) && v.Contains("m1", StringComparison.Ordinal));
    }

    [Fact]
    public void DaysAlreadyWorked_CountTowardsTheRotationLimit()
    {
        var problem = Small(maxDays: 2);
        var teams = problem.Teams.ToList();
        teams[0] = teams[0] with { Members = [.. teams[0].Members.Select(m => m.Id == "m1" ? m with { DaysAlreadyWorked = 1 } : m)] };
        var plan = ValidSmallPlan();
        plan[2] = plan[2] with { MemberIds = ["m1", "m3"] };

        var violations = PlanValidator.Violations(problem with { Teams = teams }, plan);

        Assert.Contains(violations, v => v.StartsWith(ViolationKinds.Rotation + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void SmallCrew_HasSmallerCapacity()
    {
        // Two members at 30 minutes a case over 300 minutes serve 20 cases, below the 30-case cap.
        var problem = Small() with { SessionMinutes = 300 };

        var violations = PlanValidator.Violations(problem, ValidSmallPlan());

        Assert.Equal(20, problem.SessionCapacity(problem.Teams[0]));
        Assert.Contains(violations, v => v.StartsWith(ViolationKinds.Capacity + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void InvalidProblem_IsReportedNotThrown()
    {
        var problem = Small() with { CapacityPerSession = 0 };

        var violations = PlanValidator.Violations(problem, ValidSmallPlan());

        Assert.Contains(violations, v => v.StartsWith(ViolationKinds.Input + ":", StringComparison.Ordinal));
    }
}
