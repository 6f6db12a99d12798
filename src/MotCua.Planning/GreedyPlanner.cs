namespace MotCua.Planning;

/// <summary>
/// A quick plan that already follows the objective, used as the solver's starting point: date by date, each team that
/// can be staffed takes the day (one session, the same hamlet twice, or two hamlets within reach) that adds the most
/// points given what is already planned. The solver's own first solutions on a hundred hamlets are far from optimal;
/// starting from this one, its neighbourhood search only has to polish.
/// </summary>
internal static class GreedyPlanner
{
    public static List<(DraftSession Draft, int Cases)> Choose(PlanningContext context)
    {
        var hamlets = context.Hamlets.Length;
        var withDemand = Enumerable.Range(0, hamlets).Where(h => context.Hamlets[h].ExpectedDemand > 0).ToArray();
        var remaining = context.Hamlets.Select(h => h.ExpectedDemand).ToArray();
        var covered = new bool[hamlets];
        foreach (var f in context.Problem.Fixed)
        {
            covered[context.HamletIndex(f.HamletId)] = true;
        }

        var daysLeft = context.Teams.SelectMany(t => t.Members).ToDictionary(m => m.Id, context.RemainingDays, StringComparer.Ordinal);
        var pairs = new List<(int Morning, int Afternoon)>();
        if (context.Slots.Length >= 2)
        {
            foreach (var a in withDemand)
            {
                pairs.AddRange(withDemand.Where(b => context.CanFollow(a, b)).Select(b => (a, b)));
            }
        }

        var chosen = new List<(DraftSession Draft, int Cases)>();
        foreach (var date in context.OpenDates)
        {
            for (var t = 0; t < context.Teams.Length; t++)
            {
                var team = context.Teams[t];
                var capacity = context.Capacity[t];
                var crew = team.Members
                    .Where(m => !m.Unavailable.Contains(date) && daysLeft[m.Id] > 0)
                    .OrderByDescending(m => daysLeft[m.Id])
                    .Take(team.CrewSize)
                    .Select(m => m.Id)
                    .ToList();
                if (crew.Count < team.CrewSize || capacity < 1)
                {
                    continue;
                }

                long Gain(int h, int alreadyToday)
                {
                    var left = remaining[h] - (alreadyToday * capacity);
                    if (left <= 0)
                    {
                        return long.MinValue / 4;
                    }

                    var bonus = covered[h] || alreadyToday > 0 ? 0 : context.CoverageBonus[h];
                    return (context.CaseWeight[h] * Math.Min(capacity, left)) + bonus - context.SessionCost(h, date);
                }

                var best = (Morning: -1, Afternoon: -1, Gain: 0L);
                foreach (var h in withDemand)
                {
                    var gain = Gain(h, 0);
                    if (gain > best.Gain)
                    {
                        best = (h, -1, gain);
                    }
                }

                foreach (var (a, b) in pairs)
                {
                    var gain = Gain(a, 0) + Gain(b, a == b ? 1 : 0);
                    if (gain > best.Gain)
                    {
                        best = (a, b, gain);
                    }
                }

                if (best.Morning < 0)
                {
                    continue;
                }

                foreach (var id in crew)
                {
                    daysLeft[id]--;
                }

                var ordered = team.Members.Select(m => m.Id).Where(crew.Contains).ToList();
                foreach (var (slot, h) in new[] { (context.Slots[0], best.Morning), (context.Slots[^1], best.Afternoon) })
                {
                    if (h < 0)
                    {
                        continue;
                    }

                    var cases = Math.Min(capacity, remaining[h]);
                    remaining[h] -= cases;
                    covered[h] = true;
                    chosen.Add((new DraftSession(date, slot, t, h, ordered), cases));
                }
            }
        }

        return chosen;
    }
}
