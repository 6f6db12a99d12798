using System.Diagnostics;

namespace MotCua.Planning;

/// <summary>
/// The baseline a commune would draw up by hand: hamlets in a queue from farthest to nearest; for each open date and
/// slot, each team in turn takes the next hamlet in the queue that still has cases (and that it can reach from its
/// morning hamlet), going round the queue again once it is exhausted; crews are the next members in the team's list
/// who are free that day and under the rotation limit. It keeps every hard constraint but optimises nothing, which
/// makes it the yardstick for the solver and the solver's starting point.
/// </summary>
public static class RoundRobinPlanner
{
    public static PlanResult Plan(PlanningProblem p)
    {
        var watch = Stopwatch.StartNew();
        var context = PlanningContext.Create(p);
        var sessions = PlanAssembly.Build(context, Choose(context));
        var objective = PlanObjective.Compute(context, sessions).Total;
        return new PlanResult(sessions, objective, double.NaN, double.NaN, PlanStatus.Feasible, watch.Elapsed);
    }

    internal static List<(DraftSession Draft, int Cases)> Choose(PlanningContext context)
    {
        var queue = Enumerable.Range(0, context.Hamlets.Length)
            .Where(h => context.Hamlets[h].ExpectedDemand > 0)
            .OrderByDescending(h => context.Hamlets[h].DistanceKm)
            .ThenByDescending(h => context.Hamlets[h].Priority.Total)
            .ToArray();
        var remaining = context.Hamlets.Select(h => h.ExpectedDemand).ToArray();
        var daysLeft = context.Teams.SelectMany(t => t.Members).ToDictionary(m => m.Id, context.RemainingDays, StringComparer.Ordinal);
        var rotation = new int[context.Teams.Length];
        var next = 0;
        var chosen = new List<(DraftSession Draft, int Cases)>();

        foreach (var date in context.OpenDates)
        {
            var crews = new IReadOnlyList<string>?[context.Teams.Length];
            var lastHamlet = new int[context.Teams.Length];
            Array.Fill(lastHamlet, -1);
            foreach (var slot in context.Slots)
            {
                for (var t = 0; t < context.Teams.Length && queue.Length > 0; t++)
                {
                    var (crew, rotateTo) = crews[t] is { } morningCrew ? (morningCrew, rotation[t]) : PickCrew(context.Teams[t], date, rotation[t], daysLeft);
                    if (crew is null || context.Capacity[t] < 1)
                    {
                        continue;
                    }

                    var pick = -1;
                    for (var k = 0; k < queue.Length && pick < 0; k++)
                    {
                        var h = queue[(next + k) % queue.Length];
                        if (remaining[h] > 0 && (lastHamlet[t] < 0 || context.CanFollow(lastHamlet[t], h)))
                        {
                            pick = h;
                            next = (next + k + 1) % queue.Length;
                        }
                    }

                    if (pick < 0)
                    {
                        continue;
                    }

                    if (crews[t] is null)
                    {
                        // The same crew stays for the afternoon, so a day out costs each member one day, not two.
                        crews[t] = crew;
                        rotation[t] = rotateTo;
                        foreach (var id in crew)
                        {
                            daysLeft[id]--;
                        }
                    }

                    var cases = Math.Min(context.Capacity[t], remaining[pick]);
                    remaining[pick] -= cases;
                    lastHamlet[t] = pick;
                    chosen.Add((new DraftSession(date, slot, t, pick, crew), cases));
                }
            }
        }

        return chosen;
    }

    private static (IReadOnlyList<string>? Crew, int RotateTo) PickCrew(PlanTeam team, DateOnly date, int start, Dictionary<string, int> daysLeft)
    {
        var members = team.Members;
        var crew = new List<string>(team.CrewSize);
        var k = 0;
        for (; k < members.Count && crew.Count < team.CrewSize; k++)
        {
            var member = members[(start + k) % members.Count];
            if (!member.Unavailable.Contains(date) && daysLeft[member.Id] > 0)
            {
                crew.Add(member.Id);
            }
        }

        return crew.Count == team.CrewSize ? (crew, (start + k) % Math.Max(1, members.Count)) : (null, start);
    }
}
