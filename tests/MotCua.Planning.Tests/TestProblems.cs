namespace MotCua.Planning.Tests;

/// <summary>Small problems built by hand, where every number is chosen so a test can reason about it.</summary>
internal static class TestProblems
{
    public static readonly DateOnly Day1 = new(2025, 11, 8);
    public static readonly DateOnly Day2 = new(2025, 11, 15);
    public static readonly DateOnly Day3 = new(2025, 11, 22);

    public static readonly Guid A = SampleProblems.HamletId(0);
    public static readonly Guid B = SampleProblems.HamletId(1);
    public static readonly Guid C = SampleProblems.HamletId(2);
    public static readonly Guid Team1 = SampleProblems.TeamId(0);
    public static readonly Guid Team2 = SampleProblems.TeamId(1);

    public static readonly string[] ProcedureCodes = ["1.001193", "1.001776", "2.000815"];

    /// <summary>Solver settings for tests: bounded time, two workers like the servers, a fixed seed.</summary>
    public static PlannerOptions Options { get; } = new() { MaxTime = TimeSpan.FromSeconds(5), Workers = 2, Seed = 7 };

    public static PlanHamlet Hamlet(Guid id, string name, double km, int demand, PriorityGroups? priority = null) =>
        new(id, name, km, (int)Math.Round(km * 3), priority ?? new PriorityGroups(10, 2, 20, 5, 5), demand);

    public static PlanMember Member(string id, params DateOnly[] unavailable) => new(id, "Cán bộ " + id, unavailable.ToHashSet());

    /// <summary>
    /// Three hamlets: A (10 km, 40 cases) and B (9 km, 20 cases) are 10 minutes apart; C (2 km, 10 cases) is 40 minutes
    /// from both. Team 1 has m1–m4 (m4 is away on day 1), team 2 has n1–n2; crews of 2 working 450 minutes fill the
    /// 30-case capacity. Three Saturdays, both slots.
    /// </summary>
    public static PlanningProblem Small(int maxDays = 2, IReadOnlyList<FixedSession>? fixedSessions = null) => new(
        [Hamlet(A, "Ấp A", 10, 40), Hamlet(B, "Ấp B", 9, 20), Hamlet(C, "Ấp C", 2, 10)],
        [
            new PlanTeam(Team1, "Tổ 1", [Member("m1"), Member("m2"), Member("m3"), Member("m4", Day1)], 2),
            new PlanTeam(Team2, "Tổ 2", [Member("n1"), Member("n2")], 2),
        ],
        [Day1, Day2, Day3],
        [Slot.Morning, Slot.Afternoon],
        CapacityPerSession: 30,
        MinutesPerCase: 30,
        MaxDaysPerMember: maxDays,
        MaxTravelMinutesBetweenSessions: 20,
        new Dictionary<(Guid From, Guid To), int> { [(A, B)] = 10, [(A, C)] = 40, [(B, C)] = 40 },
        fixedSessions ?? [],
        PlanningWeights.Default)
    {
        SessionMinutes = 450,
    };

    public static PlannedSession Session(DateOnly date, Slot slot, Guid team, Guid hamlet, int cases, params string[] members) =>
        new(date, slot, team, hamlet, members, cases, false, new SessionReason(ReasonCodes.FirstVisit, new Dictionary<string, string>()));

    /// <summary>A plan for <see cref="Small"/> that keeps every rule.</summary>
    public static List<PlannedSession> ValidSmallPlan() =>
    [
        Session(Day1, Slot.Morning, Team1, A, 30, "m1", "m2"),
        Session(Day1, Slot.Afternoon, Team1, B, 20, "m1", "m2"),
        Session(Day2, Slot.Morning, Team1, A, 10, "m3", "m4"),
        Session(Day2, Slot.Morning, Team2, C, 10, "n1", "n2"),
    ];

    /// <summary>Random campaigns small enough for CP-SAT to prove optimal in well under a second.</summary>
    public static PlanningProblem Random(int seed)
    {
        var random = new Random(seed);
        var dates = SampleProblems.Weekly(Day1, random.Next(2, 5));
        var problem = SampleProblems.Generated(
            seed,
            hamlets: random.Next(5, 13),
            teams: random.Next(1, 4),
            dates,
            membersPerTeam: random.Next(3, 7),
            crewSize: random.Next(2, 4),
            maxDaysPerMember: random.Next(1, 4),
            maxKm: random.Next(6, 21),
            meanDemand: random.Next(20, 70),
            unavailableShare: 0.2);

        // Vary what the generator keeps fixed: the travel limit, one-slot campaigns, a smaller crew on one team.
        var teams = problem.Teams.ToList();
        if (seed % 3 == 0 && teams.Count > 1)
        {
            teams[0] = teams[0] with { CrewSize = teams[0].CrewSize - 1 };
        }

        IReadOnlyList<Slot> slots = (seed % 5) switch
        {
            1 => [Slot.Morning],
            2 => [Slot.Afternoon],
            _ => [Slot.Morning, Slot.Afternoon],
        };
        // Skills: each member can receive a random part of three procedures (some none), so crews are chosen with them.
        var skills = new Random(seed * 31);
        teams = [.. teams.Select(t => t with
        {
            Members = [.. t.Members.Select(m => m with { Skills = ProcedureCodes.Where(_ => skills.Next(3) == 0).ToHashSet(StringComparer.Ordinal) })],
        })];
        return problem with
        {
            Teams = teams,
            Procedures = ProcedureCodes,
            Slots = slots,
            MaxTravelMinutesBetweenSessions = random.Next(5, 40),
        };
    }

    /// <summary>Keeps the sessions on or before <paramref name="through"/> as held, with the cases actually served.</summary>
    public static PlanningProblem HoldThrough(PlanningProblem problem, IReadOnlyList<PlannedSession> plan, DateOnly through, Func<PlannedSession, int> actualCases)
    {
        var held = plan.Where(s => !s.Fixed && s.Date <= through)
            .Select(s => new FixedSession(s.Date, s.Slot, s.TeamId, s.HamletId, s.MemberIds, actualCases(s)))
            .ToList();
        var servedNow = held.GroupBy(f => f.HamletId).ToDictionary(g => g.Key, g => g.Sum(f => f.CasesServed));
        return problem with
        {
            Fixed = [.. problem.Fixed, .. held],
            Hamlets = [.. problem.Hamlets.Select(h => h with { ExpectedDemand = Math.Max(0, h.ExpectedDemand - servedNow.GetValueOrDefault(h.Id)) })],
        };
    }
}
