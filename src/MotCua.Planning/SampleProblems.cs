namespace MotCua.Planning;

/// <summary>
/// Deterministic campaigns for the demo mode, the tests and the benchmark, sized from the articles: a commune of 18
/// hamlets 2–15 km from the centre (Ấp Phú Thuận A the farthest, ~15 km), two teams of 12 with crews of 3, every
/// Saturday from 8 Nov to 27 Dec. The same seed always gives the same problem.
/// </summary>
public static class SampleProblems
{
    public const string FarthestDemoHamlet = "Ấp Phú Thuận A";

    private const double RoadFactor = 1.25;
    private const double MinutesPerKm = 3; // ~20 km/h on rural roads and small bridges.

    private static readonly string[] DemoHamlets =
    [
        FarthestDemoHamlet, "Ấp Phú Thuận B", "Ấp Phú Hòa", "Ấp Tân Lợi", "Ấp Tân Hòa", "Ấp Long Thạnh", "Ấp Long Hưng",
        "Ấp Mỹ Phước", "Ấp Mỹ Lợi", "Ấp Thạnh Lợi", "Ấp Thạnh Hưng", "Ấp Hòa Bình", "Ấp Bình An", "Ấp An Thới",
        "Ấp An Khánh", "Ấp Vĩnh Lợi", "Ấp Vĩnh Thạnh", "Ấp Nhơn Hòa",
    ];

    private static readonly double[] DemoDistances = [14.8, 13.6, 12.9, 12.1, 11.4, 10.2, 9.7, 8.8, 8.1, 7.5, 6.6, 5.9, 5.2, 4.4, 3.8, 3.1, 2.6, 2.0];

    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Dương", "Lâm"];
    private static readonly string[] MiddleNames = ["Văn", "Thị", "Minh", "Ngọc", "Hoàng", "Thanh"];
    private static readonly string[] GivenNames = ["An", "Bình", "Châu", "Dũng", "Hạnh", "Hòa", "Khoa", "Lan", "Long", "Mai", "Nam", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trung", "Vy"];

    /// <summary>Every Saturday from 8 Nov to 27 Dec 2025: the "Saturday serving the people" campaign.</summary>
    public static IReadOnlyList<DateOnly> DemoSaturdays { get; } = Weekly(new DateOnly(2025, 11, 8), 8);

    /// <summary>The demo commune: 18 hamlets, 2 teams of 12 (crew 3), 8 Saturdays, morning and afternoon.</summary>
    public static PlanningProblem DemoCommune(int seed = 2025)
    {
        var random = new Random(seed);
        var hamlets = new List<(PlanHamlet Hamlet, double X, double Y)>();
        for (var i = 0; i < DemoHamlets.Length; i++)
        {
            var km = DemoDistances[i];
            var priority = i == 0
                ? new PriorityGroups(Elderly: 42, Disabled: 9, SocialProtection: 156, CashWithoutBankAccount: 38, PendingProcedure: 21)
                : RandomGroups(random);
            var demand = i == 0 ? 75 : random.Next(30, 91);
            hamlets.Add(Place(random, HamletId(i), DemoHamlets[i], km, priority, demand));
        }

        var teams = new[] { MakeTeam(random, 0, "Tổ lưu động 1", 12, 3, DemoSaturdays, 0.1), MakeTeam(random, 1, "Tổ lưu động 2", 12, 3, DemoSaturdays, 0.1) };
        return Assemble(hamlets, teams, DemoSaturdays, maxDaysPerMember: 3);
    }

    /// <summary>
    /// A made-up commune of any size, for property tests and the large benchmark. Hamlets lie 1–<paramref name="maxKm"/>
    /// km from the centre; each member is unavailable on a share of dates; demand is uniform around
    /// <paramref name="meanDemand"/>.
    /// </summary>
    public static PlanningProblem Generated(
        int seed,
        int hamlets,
        int teams,
        IReadOnlyList<DateOnly> dates,
        int membersPerTeam = 12,
        int crewSize = 3,
        int maxDaysPerMember = 4,
        double maxKm = 15,
        int meanDemand = 55,
        double unavailableShare = 0.1)
    {
        ArgumentNullException.ThrowIfNull(dates);
        var random = new Random(seed);
        var placed = new List<(PlanHamlet Hamlet, double X, double Y)>();
        for (var i = 0; i < hamlets; i++)
        {
            var km = Math.Round(1 + (random.NextDouble() * (maxKm - 1)), 1);
            var priority = random.NextDouble() < 0.1 ? PriorityGroups.None : RandomGroups(random);
            var demand = random.Next(meanDemand / 2, (meanDemand * 3 / 2) + 1);
            placed.Add(Place(random, HamletId(i), $"Ấp {i + 1}", km, priority, demand));
        }

        var madeTeams = Enumerable.Range(0, teams)
            .Select(t => MakeTeam(random, t, $"Tổ {t + 1}", membersPerTeam, crewSize, dates, unavailableShare))
            .ToArray();
        return Assemble(placed, madeTeams, dates, maxDaysPerMember);
    }

    /// <summary>The large benchmark: 100 hamlets up to 25 km out, 6 teams, every Saturday and Sunday for 8 weeks.</summary>
    public static PlanningProblem Large(int seed = 7) =>
        Generated(seed, hamlets: 100, teams: 6, dates: Weekends(new DateOnly(2025, 11, 8), 8), maxDaysPerMember: 5, maxKm: 25, meanDemand: 60);

    public static IReadOnlyList<DateOnly> Weekly(DateOnly first, int count) =>
        [.. Enumerable.Range(0, count).Select(i => first.AddDays(7 * i))];

    /// <summary>Saturday and Sunday of <paramref name="weeks"/> weeks starting with the Saturday <paramref name="firstSaturday"/>.</summary>
    public static IReadOnlyList<DateOnly> Weekends(DateOnly firstSaturday, int weeks) =>
        [.. Enumerable.Range(0, weeks).SelectMany(w => new[] { firstSaturday.AddDays(7 * w), firstSaturday.AddDays((7 * w) + 1) })];

    public static Guid HamletId(int index) => new(0x48_41_4D_00 + index, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);

    public static Guid TeamId(int index) => new(0x54_45_41_00 + index, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2);

    private static PriorityGroups RandomGroups(Random random) => new(
        Elderly: random.Next(15, 71),
        Disabled: random.Next(3, 21),
        SocialProtection: random.Next(80, 181),
        CashWithoutBankAccount: random.Next(5, 51),
        PendingProcedure: random.Next(5, 41));

    private static (PlanHamlet Hamlet, double X, double Y) Place(Random random, Guid id, string name, double km, PriorityGroups priority, int demand)
    {
        var angle = random.NextDouble() * 2 * Math.PI;
        var straight = km / RoadFactor;
        var hamlet = new PlanHamlet(id, name, km, (int)Math.Round(km * MinutesPerKm), priority, demand);
        return (hamlet, straight * Math.Cos(angle), straight * Math.Sin(angle));
    }

    private static PlanTeam MakeTeam(Random random, int index, string name, int size, int crew, IReadOnlyList<DateOnly> dates, double unavailableShare)
    {
        var members = new List<PlanMember>(size);
        for (var m = 0; m < size; m++)
        {
            var person = $"{FamilyNames[random.Next(FamilyNames.Length)]} {MiddleNames[random.Next(MiddleNames.Length)]} {GivenNames[random.Next(GivenNames.Length)]}";
            var unavailable = dates.Where(_ => random.NextDouble() < unavailableShare).ToHashSet();
            members.Add(new PlanMember($"t{index + 1}-m{m + 1:00}", person, unavailable));
        }

        return new PlanTeam(TeamId(index), name, members, crew);
    }

    private static PlanningProblem Assemble(List<(PlanHamlet Hamlet, double X, double Y)> hamlets, IReadOnlyList<PlanTeam> teams, IReadOnlyList<DateOnly> dates, int maxDaysPerMember)
    {
        var travel = new Dictionary<(Guid From, Guid To), int>();
        foreach (var a in hamlets)
        {
            foreach (var b in hamlets.Where(b => b.Hamlet.Id != a.Hamlet.Id))
            {
                var straight = Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
                travel[(a.Hamlet.Id, b.Hamlet.Id)] = (int)Math.Round(straight * RoadFactor * MinutesPerKm);
            }
        }

        return new PlanningProblem(
            [.. hamlets.Select(h => h.Hamlet)],
            teams,
            dates,
            [Slot.Morning, Slot.Afternoon],
            PlanningProblem.DefaultCapacityPerSession,
            PlanningProblem.DefaultMinutesPerCase,
            maxDaysPerMember,
            MaxTravelMinutesBetweenSessions: 20,
            travel,
            [],
            PlanningWeights.Default);
    }
}
