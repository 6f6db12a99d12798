namespace MotCua.Planning.Tests;

/// <summary>
/// Exhaustive search over every plan of a tiny campaign, written independently of the solver's model (no patterns,
/// no crew classes, no marginal cases) so that it checks the model is neither too strict nor too loose.
/// </summary>
internal static class BruteForce
{
    /// <summary>
    /// Odd seeds: 3 hamlets, 2 teams, 2 dates; even seeds: 4 hamlets, 1 team, 3 dates. Teams are exactly one crew, so a
    /// team can go out only when all its members are free and under the rotation limit. Seeds from 5 on have a held
    /// session on the first Saturday.
    /// </summary>
    public static PlanningProblem TinyProblem(int seed)
    {
        var random = new Random(seed * 7919);
        var hamletCount = seed % 2 == 1 ? 3 : 4;
        var teamCount = seed % 2 == 1 ? 2 : 1;
        var dates = SampleProblems.Weekly(TestProblems.Day2, seed % 2 == 1 ? 2 : 3);
        var hamlets = Enumerable.Range(0, hamletCount)
            .Select(i => new PlanHamlet(
                SampleProblems.HamletId(i),
                $"Ấp {i + 1}",
                Math.Round(1 + (random.NextDouble() * 14), 1),
                10,
                random.Next(4) == 0 ? PriorityGroups.None : new PriorityGroups(random.Next(30), random.Next(10), random.Next(50), random.Next(20), random.Next(20)),
                random.Next(5, 71)))
            .ToList();
        var teams = Enumerable.Range(0, teamCount)
            .Select(t => new PlanTeam(
                SampleProblems.TeamId(t),
                $"Tổ {t + 1}",
                [.. Enumerable.Range(0, 3).Select(m => new PlanMember($"t{t}m{m}", $"Cán bộ {t}.{m}", dates.Where(_ => random.Next(6) == 0).ToHashSet()))],
                3))
            .ToList();
        var travel = new Dictionary<(Guid From, Guid To), int>();
        foreach (var a in hamlets)
        {
            foreach (var b in hamlets.Where(b => b.Id != a.Id))
            {
                travel[(a.Id, b.Id)] = random.Next(5, 41);
            }
        }

        IReadOnlyList<FixedSession> held = seed >= 5
            ? [new FixedSession(TestProblems.Day1, Slot.Morning, teams[0].Id, hamlets[0].Id, [.. teams[0].Members.Select(m => m.Id)], 12)]
            : [];
        return new PlanningProblem(
            hamlets,
            teams,
            dates,
            seed == 4 ? [Slot.Morning] : [Slot.Morning, Slot.Afternoon],
            30,
            30,
            MaxDaysPerMember: random.Next(1, 4),
            MaxTravelMinutesBetweenSessions: 20,
            travel,
            held,
            PlanningWeights.Default);
    }

    public static double BestObjective(PlanningProblem problem)
    {
        var context = PlanningContext.Create(problem);
        var closed = problem.ClosedThrough;
        var open = problem.Dates.Where(d => closed is null || d > closed).Order().ToList();
        var slots = problem.Slots.Order().ToList();
        var heldSessions = problem.Fixed
            .Select(f => new PlannedSession(f.Date, f.Slot, f.TeamId, f.HamletId, f.MemberIds, f.CasesServed, true, Reason))
            .ToList();

        // What one team can do on one day: nothing, one session, or two sessions the travel limit allows.
        var days = new List<(int First, int Second)> { (-1, -1) };
        days.AddRange(Enumerable.Range(0, problem.Hamlets.Count).Select(h => (h, -1)));
        if (slots.Count == 2)
        {
            for (var a = 0; a < problem.Hamlets.Count; a++)
            {
                for (var b = 0; b < problem.Hamlets.Count; b++)
                {
                    if (problem.CanFollow(problem.Hamlets[a].Id, problem.Hamlets[b].Id))
                    {
                        days.Add((a, b));
                    }
                }
            }
        }

        var teamDays = problem.Teams.SelectMany(t => open.Select(d => (Team: t, Date: d))).ToList();
        var choice = new int[teamDays.Count];
        var best = double.NegativeInfinity;
        while (true)
        {
            if (Feasible(problem, teamDays, choice, days))
            {
                var plan = new List<PlannedSession>(heldSessions);
                var remaining = problem.Hamlets.Select(h => h.ExpectedDemand).ToArray();
                for (var i = 0; i < teamDays.Count; i++)
                {
                    var (team, date) = teamDays[i];
                    var (first, second) = days[choice[i]];
                    var crew = team.Members.Select(m => m.Id).ToList();
                    foreach (var (slot, h) in new[] { (slots[0], first), (slots[^1], second) })
                    {
                        if (h >= 0)
                        {
                            var cases = Math.Min(problem.SessionCapacity(team), remaining[h]);
                            remaining[h] -= cases;
                            plan.Add(new PlannedSession(date, slot, team.Id, problem.Hamlets[h].Id, crew, cases, false, Reason));
                        }
                    }
                }

                best = Math.Max(best, PlanObjective.Compute(context, plan).Total);
            }

            var k = 0;
            while (k < choice.Length && ++choice[k] == days.Count)
            {
                choice[k++] = 0;
            }

            if (k == choice.Length)
            {
                return best;
            }
        }
    }

    private static readonly SessionReason Reason = new(ReasonCodes.FirstVisit, new Dictionary<string, string>());

    private static bool Feasible(PlanningProblem problem, List<(PlanTeam Team, DateOnly Date)> teamDays, int[] choice, List<(int First, int Second)> days)
    {
        var daysOut = new Dictionary<Guid, int>();
        for (var i = 0; i < teamDays.Count; i++)
        {
            if (days[choice[i]].First < 0)
            {
                continue;
            }

            var (team, date) = teamDays[i];
            if (team.Members.Any(m => m.Unavailable.Contains(date)))
            {
                return false;
            }

            daysOut[team.Id] = daysOut.GetValueOrDefault(team.Id) + 1;
        }

        foreach (var team in problem.Teams)
        {
            var held = problem.Fixed.Where(f => f.TeamId == team.Id).Select(f => f.Date).Distinct().Count();
            if (held + daysOut.GetValueOrDefault(team.Id) > problem.MaxDaysPerMember)
            {
                return false;
            }
        }

        return true;
    }
}
