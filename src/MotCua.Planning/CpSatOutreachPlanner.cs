using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;

namespace MotCua.Planning;

/// <summary>
/// Plans a campaign with the CP-SAT solver. The model is built so that its LP relaxation is close to the integer
/// optimum, which is what lets CP-SAT prove optimality in a second on a commune-sized campaign:
/// <list type="bullet">
/// <item><b>Day patterns instead of team × slot × hamlet booleans.</b> What a team does on a day is one session, the
/// same hamlet twice, or two hamlets close enough to chain (travel ≤ the limit). Teams of equal capacity are
/// interchangeable once they are staffed, so the model counts, per (date, capacity), how many teams take each pattern.
/// Pairwise travel constraints on booleans had a weak relaxation (fractional sessions "teleport" between hamlets) and
/// cost seconds of presolve on 100 hamlets; patterns are travel-feasible by construction. Hamlets within reach of every
/// other ("hubs") are not paired explicitly: a day "any hamlet + a hub" is counted from both ends.</item>
/// <item><b>Staffing.</b> day[t,d] says team t goes out; members who are interchangeable (same unavailable dates, same
/// days left) form a class with one integer per date, exactly CrewSize work each day out, and the same crew does both
/// slots (never worse for the rotation limit, since unavailability is by date). Classes remove the members' symmetry.</item>
/// <item><b>Cases.</b> nth[h,k] = hamlet h gets more than k sessions; the (k+1)-th adds min(C, demand − k·C) cases,
/// so a partial last session is valued at its worth, not at full capacity. served[h] ≥ sessions (each session serves
/// someone), and any split of served[h] over the sessions is feasible, so sessions need no case variables.</item>
/// </list>
/// The better of the round-robin baseline and a greedy plan (each team-day takes the pattern that adds the most points)
/// is handed to the solver as a hint, and kept if the solver cannot beat it in time, so the result is never worse than
/// the baseline. When pair patterns run into tens of thousands (many hamlets, a generous travel limit), the travel-free
/// relaxation is solved as well, for a bound the full model's LP would not deliver in time.
/// </summary>
public sealed class CpSatOutreachPlanner : IOutreachPlanner
{
    /// <summary>
    /// Pair-pattern variables above which the travel-free relaxation is also solved for a bound. Measured on 2 cores:
    /// 20,000 (100 hamlets, 30-minute limit, 16 dates) still solve their LP in seconds; 37,000 (45 minutes) do not.
    /// </summary>
    private readonly int _largePairModel;

    public CpSatOutreachPlanner()
        : this(25_000)
    {
    }

    internal CpSatOutreachPlanner(int largePairModel)
    {
        _largePairModel = largePairModel;
    }

    public PlanResult Plan(PlanningProblem problem, PlannerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var watch = Stopwatch.StartNew();
        var context = PlanningContext.Create(problem);
        // Start from the better of the round-robin baseline and a greedy plan; either is a valid fallback.
        var (start, startSessions, startObjective) = new[] { RoundRobinPlanner.Choose(context), GreedyPlanner.Choose(context) }
            .Select(plan => (Plan: plan, Sessions: PlanAssembly.Build(context, plan)))
            .Select(x => (x.Plan, x.Sessions, Objective: PlanObjective.Compute(context, x.Sessions).Total))
            .MaxBy(x => x.Objective);

        var model = new Model(context);
        model.Hint(start);

        // The LP of a model with tens of thousands of pair patterns does not finish in seconds on two cores, so the
        // solver would report no useful bound. The relaxation without travel limits is small and gives one.
        var relaxedBound = double.PositiveInfinity;
        if (model.PairVariables > _largePairModel)
        {
            var relaxed = new Model(PlanningContext.Create(problem, ignoreTravel: true));
            relaxed.Hint(start);
            using var relaxedSolver = new CpSolver { StringParameters = Parameters(options, watch.Elapsed, share: 0.3) };
            if (relaxedSolver.Solve(relaxed.Cp) is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
            {
                relaxedBound = relaxedSolver.BestObjectiveBound / PlanningContext.Scale;
            }
        }

        using var solver = new CpSolver
        {
            // The limit covers the whole call: the time spent on the starting plans and the model comes off the solver's share.
            StringParameters = Parameters(options, watch.Elapsed, share: 1),
        };
        var status = solver.Solve(model.Cp);
        if (status == CpSolverStatus.ModelInvalid)
        {
            throw new InvalidOperationException("The outreach model is invalid: " + model.Cp.Validate());
        }

        if (status == CpSolverStatus.Infeasible)
        {
            return new PlanResult([], double.NaN, double.NaN, double.NaN, PlanStatus.Infeasible, watch.Elapsed);
        }

        // Without a solution CP-SAT may report a bound of 0, which is no bound at all.
        var solverBound = status is CpSolverStatus.Optimal or CpSolverStatus.Feasible
            ? solver.BestObjectiveBound / PlanningContext.Scale
            : double.PositiveInfinity;
        var bound = Math.Min(solverBound, relaxedBound);
        var sessions = startSessions;
        var objective = startObjective;
        if (status is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
        {
            var solved = PlanAssembly.Build(context, model.Read(solver));
            var solvedObjective = PlanObjective.Compute(context, solved).Total;
            if (solvedObjective >= startObjective)
            {
                sessions = solved;
                objective = solvedObjective;
            }
        }

        if (double.IsPositiveInfinity(bound))
        {
            return new PlanResult(sessions, objective, double.NaN, double.NaN, PlanStatus.Feasible, watch.Elapsed);
        }

        // Points have four decimals, so a difference below half a hundredth is floating-point noise, not a gap. CP-SAT's
        // own OPTIMAL is not enough: with a gap limit it reports OPTIMAL as soon as it is within the limit.
        var closed = bound - objective < 0.005;
        var gap = closed ? 0 : (bound - objective) / Math.Max(1, Math.Abs(bound));
        return new PlanResult(sessions, objective, bound, gap, closed ? PlanStatus.Optimal : PlanStatus.Feasible, watch.Elapsed);
    }

    private static string Parameters(PlannerOptions options, TimeSpan spent, double share)
    {
        var limit = options.MaxTime > TimeSpan.Zero ? options.MaxTime : PlannerOptions.Default.MaxTime;
        // CP-SAT overshoots its limit by a little while it stops its workers; keep a margin for that and for reading the plan.
        var margin = Math.Min(0.25, limit.TotalSeconds * 0.05);
        var seconds = Math.Max(0.05, ((limit - spent).TotalSeconds - margin) * share);
        var deterministic = options.DeterministicTimeLimit > 0
            ? string.Create(CultureInfo.InvariantCulture, $" max_deterministic_time:{options.DeterministicTimeLimit * share:0.###}")
            : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"max_time_in_seconds:{seconds:0.###} num_workers:{Math.Max(1, options.Workers)} random_seed:{options.Seed} relative_gap_limit:{Math.Max(0, options.RelativeGapLimit):0.######} log_search_progress:false") + deterministic;
    }

    /// <summary>The CP-SAT model of one problem and the variables needed to read a plan back.</summary>
    private sealed class Model
    {
        private const int None = -1;

        private readonly PlanningContext _context;
        private readonly List<DayPattern> _patterns = [];
        private readonly List<int> _hubs = [];
        private readonly int[] _withDemand;
        private readonly Dictionary<(int Team, DateOnly Date), TeamDay> _days = [];
        private readonly Dictionary<(DateOnly Date, int Capacity), DateChoice> _choices = [];
        private readonly IntVar[] _served;
        private readonly BoolVar[][] _nth;
        private readonly BoolVar?[] _covered;

        public Model(PlanningContext context)
        {
            _context = context;
            var cp = Cp;
            var hamlets = context.Hamlets.Length;
            _withDemand = [.. Enumerable.Range(0, hamlets).Where(h => context.Hamlets[h].ExpectedDemand > 0)];
            var objective = LinearExpr.NewBuilder();

            AddStaffing();
            var smallest = _days.Keys.Select(k => context.Capacity[k.Team]).DefaultIfEmpty(1).Min();
            var largest = _days.Keys.Select(k => context.Capacity[k.Team]).DefaultIfEmpty(1).Max();
            var useful = context.Hamlets.Select(h => (h.ExpectedDemand + smallest - 1) / smallest).ToArray();
            BuildPatterns(useful);

            var sessions = Enumerable.Range(0, hamlets).Select(_ => LinearExpr.NewBuilder()).ToArray();
            var capacity = Enumerable.Range(0, hamlets).Select(_ => LinearExpr.NewBuilder()).ToArray();
            void Count(IntVar v, int h, int cap, DateOnly date)
            {
                sessions[h].Add(v);
                capacity[h].AddTerm(v, cap);
                objective.AddTerm(v, -context.SessionCost(h, date));
            }

            foreach (var date in context.OpenDates)
            {
                foreach (var group in _days.Keys.Where(k => k.Date == date).GroupBy(k => context.Capacity[k.Team]))
                {
                    var teams = group.Select(k => k.Team).ToArray();
                    var choice = _choices[(date, group.Key)] = new DateChoice(teams);
                    var tag = $"{date:yyyyMMdd}_{group.Key}";
                    foreach (var pattern in _patterns)
                    {
                        var most = pattern.IsDouble ? useful[pattern.First] / 2
                            : pattern.Second == None ? useful[pattern.First]
                            : Math.Min(useful[pattern.First], useful[pattern.Second]);
                        var v = cp.NewIntVar(0, Math.Min(teams.Length, most), $"p_{tag}_{pattern.First}_{pattern.Second}");
                        choice.Patterns.Add(v);
                        foreach (var h in pattern.Hamlets)
                        {
                            Count(v, h, group.Key, date);
                        }
                    }

                    if (_hubs.Count > 0)
                    {
                        // Any hamlet can share a day with a hub, so rather than one pattern per (hamlet, hub) pair the day is
                        // counted once on each side and the two sides must balance.
                        foreach (var h in _withDemand)
                        {
                            var v = cp.NewIntVar(0, Math.Min(teams.Length, useful[h]), $"a_{tag}_{h}");
                            choice.AnyHalf.Add(v);
                            Count(v, h, group.Key, date);
                        }

                        foreach (var h in _hubs)
                        {
                            var v = cp.NewIntVar(0, Math.Min(teams.Length, useful[h]), $"u_{tag}_{h}");
                            choice.HubHalf.Add(v);
                            Count(v, h, group.Key, date);
                        }

                        cp.Add(LinearExpr.Sum(choice.AnyHalf) == LinearExpr.Sum(choice.HubHalf));
                    }

                    cp.Add(LinearExpr.Sum(choice.Patterns) + LinearExpr.Sum(choice.AnyHalf) == LinearExpr.Sum(teams.Select(t => _days[(t, date)].Out)));
                }
            }

            var fixedCovered = context.Problem.Fixed.Select(f => context.HamletIndex(f.HamletId)).ToHashSet();
            var constant = context.Problem.Fixed.Sum(f => context.CaseWeight[context.HamletIndex(f.HamletId)] * f.CasesServed)
                + fixedCovered.Sum(h => context.CoverageBonus[h]);
            var openable = _choices.Count > 0;
            _served = new IntVar[hamlets];
            _nth = new BoolVar[hamlets][];
            _covered = new BoolVar?[hamlets];
            for (var h = 0; h < hamlets; h++)
            {
                var demand = openable ? context.Hamlets[h].ExpectedDemand : 0;
                var served = _served[h] = cp.NewIntVar(0, demand, $"served_{h}");
                var most = openable ? Math.Min(useful[h], _days.Count * context.Slots.Length) : 0;
                var nth = _nth[h] = [.. Enumerable.Range(0, most).Select(k => cp.NewBoolVar($"nth_{h}_{k}"))];
                if (nth.Length == 0)
                {
                    continue;
                }

                cp.Add(LinearExpr.Sum(nth) == sessions[h]);
                for (var k = 1; k < nth.Length; k++)
                {
                    cp.AddImplication(nth[k], nth[k - 1]);
                }

                var marginal = Enumerable.Range(0, nth.Length).Select(k => Math.Clamp(demand - ((long)k * largest), 0, largest));
                cp.Add(served <= LinearExpr.WeightedSum(nth, marginal));
                if (smallest != largest)
                {
                    cp.Add(served <= capacity[h]);
                }

                cp.Add(served >= sessions[h]);
                objective.AddTerm(served, context.CaseWeight[h]);
                if (context.CoverageBonus[h] > 0 && !fixedCovered.Contains(h))
                {
                    var covered = _covered[h] = cp.NewBoolVar($"covered_{h}");
                    cp.AddImplication(covered, nth[0]);
                    objective.AddTerm(covered, context.CoverageBonus[h]);
                }
            }

            objective.Add(constant);
            cp.Maximize(objective);
        }

        public CpModel Cp { get; } = new();

        /// <summary>Count variables of two-hamlet patterns, the part of the model that grows with the travel limit.</summary>
        public int PairVariables => _choices.Count * _patterns.Count(p => p.Second != None && !p.IsDouble);

        /// <summary>Starts the search from a known plan, so the first solution is already a fair one.</summary>
        public void Hint(List<(DraftSession Draft, int Cases)> plan)
        {
            var byTeamDay = plan.GroupBy(p => (p.Draft.Team, p.Draft.Date)).ToDictionary(g => g.Key, g => g.Select(p => p.Draft).ToList());
            var patternIndex = _patterns.Select((p, i) => (p.Key, i)).ToDictionary(x => x.Key, x => x.i);
            var anyIndex = _withDemand.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i);
            var hubIndex = _hubs.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i);
            var counts = _choices.ToDictionary(c => c.Key, c => (Patterns: new long[c.Value.Patterns.Count], Any: new long[c.Value.AnyHalf.Count], Hub: new long[c.Value.HubHalf.Count]));
            foreach (var ((team, date), day) in _days)
            {
                var drafts = byTeamDay.GetValueOrDefault((team, date)) ?? [];
                var crew = drafts.SelectMany(d => d.MemberIds).ToHashSet(StringComparer.Ordinal);
                Cp.AddHint(day.Out, drafts.Count > 0);
                foreach (var (crewClass, works) in day.Crew)
                {
                    Cp.AddHint(works, crewClass.Members.Count(m => crew.Contains(m.Id)));
                }

                if (drafts.Count == 0)
                {
                    continue;
                }

                var (a, b) = (drafts[0].Hamlet, drafts.Count > 1 ? drafts[1].Hamlet : None);
                var count = counts[(date, _context.Capacity[team])];
                if (patternIndex.TryGetValue(DayPattern.KeyOf(a, b), out var index))
                {
                    count.Patterns[index]++;
                }
                else if (hubIndex.TryGetValue(b, out var hub) || hubIndex.TryGetValue(a, out hub))
                {
                    count.Any[anyIndex[_hubs[hub] == b ? a : b]]++;
                    count.Hub[hub]++;
                }
            }

            foreach (var (key, choice) in _choices)
            {
                var count = counts[key];
                HintAll(choice.Patterns, count.Patterns);
                HintAll(choice.AnyHalf, count.Any);
                HintAll(choice.HubHalf, count.Hub);
            }

            var served = new long[_served.Length];
            var sessions = new int[_served.Length];
            foreach (var (draft, cases) in plan)
            {
                served[draft.Hamlet] += cases;
                sessions[draft.Hamlet]++;
            }

            for (var h = 0; h < _served.Length; h++)
            {
                Cp.AddHint(_served[h], served[h]);
                for (var k = 0; k < _nth[h].Length; k++)
                {
                    Cp.AddHint(_nth[h][k], k < sessions[h]);
                }

                if (_covered[h] is { } covered)
                {
                    Cp.AddHint(covered, sessions[h] > 0);
                }
            }
        }

        public List<(DraftSession Draft, int Cases)> Read(CpSolver solver)
        {
            var drafts = new List<DraftSession>();
            var used = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var ((date, _), choice) in _choices.OrderBy(c => c.Key.Date).ThenBy(c => c.Key.Capacity))
            {
                var days = new List<(int First, int Second)>();
                for (var i = 0; i < choice.Patterns.Count; i++)
                {
                    days.AddRange(Enumerable.Repeat((_patterns[i].First, _patterns[i].Second), (int)solver.Value(choice.Patterns[i])));
                }

                var anyHalves = choice.AnyHalf.SelectMany((v, i) => Enumerable.Repeat(_withDemand[i], (int)solver.Value(v)));
                var hubHalves = choice.HubHalf.SelectMany((v, i) => Enumerable.Repeat(_hubs[i], (int)solver.Value(v)));
                days.AddRange(anyHalves.Zip(hubHalves));

                var outTeams = choice.Teams.Where(t => solver.BooleanValue(_days[(t, date)].Out)).ToList();
                foreach (var (team, (first, second)) in outTeams.Zip(days))
                {
                    var crew = Crew(team, date, solver, used);
                    var (morning, afternoon) = Orient(first, second);
                    drafts.Add(new DraftSession(date, _context.Slots[0], team, morning, crew));
                    if (afternoon != None)
                    {
                        drafts.Add(new DraftSession(date, _context.Slots[1], team, afternoon, crew));
                    }
                }
            }

            // The solver may stop with fewer cases than its sessions could take; filling them up only adds points.
            var served = new long[_served.Length];
            foreach (var group in drafts.GroupBy(d => d.Hamlet))
            {
                served[group.Key] = Math.Min(_context.Hamlets[group.Key].ExpectedDemand, group.Sum(d => (long)_context.Capacity[d.Team]));
            }

            return PlanAssembly.Distribute(_context, drafts, served);
        }

        private void HintAll(List<IntVar> variables, long[] values)
        {
            for (var i = 0; i < variables.Count; i++)
            {
                Cp.AddHint(variables[i], values[i]);
            }
        }

        private void AddStaffing()
        {
            foreach (var (team, t) in _context.Teams.Select((team, t) => (team, t)))
            {
                var classes = CrewClass.Group(_context, team);
                foreach (var date in _context.OpenDates)
                {
                    var available = classes.Where(c => !c.Unavailable.Contains(date)).ToList();
                    if (_context.Capacity[t] < 1 || _withDemand.Length == 0 || available.Sum(c => c.Members.Count) < team.CrewSize)
                    {
                        continue;
                    }

                    var day = _days[(t, date)] = new TeamDay(Cp.NewBoolVar($"day_{t}_{date:yyyyMMdd}"));
                    foreach (var crewClass in available)
                    {
                        var works = Cp.NewIntVar(0, Math.Min(crewClass.Members.Count, team.CrewSize), $"n_{t}_{crewClass.Index}_{date:yyyyMMdd}");
                        day.Crew[crewClass] = works;
                        crewClass.Days.Add(works);
                    }

                    Cp.Add(LinearExpr.Sum(day.Crew.Values) == LinearExpr.Term(day.Out, team.CrewSize));
                }

                foreach (var crewClass in classes)
                {
                    // Identical members can take the days in turn, so the class only needs its total within size × days left.
                    var limit = (long)crewClass.Members.Count * crewClass.RemainingDays;
                    if (crewClass.Days.Count * (long)Math.Min(crewClass.Members.Count, team.CrewSize) > limit)
                    {
                        Cp.Add(LinearExpr.Sum(crewClass.Days) <= limit);
                    }
                }
            }
        }

        /// <summary>
        /// The crew of a team's day. The solver fixed how many members of each class go; within a class the members are
        /// interchangeable for the plan's rules. By default the day goes to those who have worked least so far, which
        /// keeps everyone within the class's share of days. Where skills are recorded, a member who can receive an
        /// offered procedure nobody else in the crew can is preferred, as long as the class's later days can still be
        /// staffed within everyone's days left (<see cref="CanStaff"/>).
        /// </summary>
        private List<string> Crew(int team, DateOnly date, CpSolver solver, Dictionary<string, int> used)
        {
            var crew = new HashSet<string>(StringComparer.Ordinal);
            var uncovered = _context.Problem.Procedures.ToHashSet(StringComparer.Ordinal);
            foreach (var (crewClass, works) in _days[(team, date)].Crew)
            {
                var wanted = (int)solver.Value(works);
                var later = _days.Where(d => d.Key.Team == team && d.Key.Date > date && d.Value.Crew.ContainsKey(crewClass))
                    .Select(d => (int)solver.Value(d.Value.Crew[crewClass])).Where(n => n > 0).ToList();
                int Left(PlanMember m) => crewClass.RemainingDays - used.GetValueOrDefault(m.Id);
                IEnumerable<PlanMember> LeastUsed(IEnumerable<PlanMember> members) =>
                    members.Select((m, i) => (m, i)).OrderByDescending(x => Left(x.m)).ThenBy(x => x.i).Select(x => x.m);

                var picked = new List<PlanMember>();
                void Pick(PlanMember m)
                {
                    picked.Add(m);
                    uncovered.ExceptWith(m.Skills ?? (IEnumerable<string>)[]);
                }

                while (picked.Count < wanted)
                {
                    var rest = crewClass.Members.Where(m => !picked.Contains(m)).ToList();
                    var skilled = rest
                        .Select((m, i) => (m, i, Gain: m.Skills?.Count(uncovered.Contains) ?? 0))
                        .Where(x => x.Gain > 0 && Left(x.m) > 0)
                        .OrderByDescending(x => x.Gain).ThenByDescending(x => Left(x.m)).ThenBy(x => x.i)
                        .Select(x => x.m)
                        .FirstOrDefault(m =>
                        {
                            // Complete the day with the least used, then check the later days can still be staffed.
                            var day = picked.Append(m).Concat(LeastUsed(rest.Where(r => r != m)).Take(wanted - picked.Count - 1)).ToHashSet();
                            return CanStaff(later, crewClass.Members.Select(x => Left(x) - (day.Contains(x) ? 1 : 0)));
                        });
                    if (skilled is null)
                    {
                        // Nobody left adds a procedure: the least used, which always keeps the later days staffable.
                        foreach (var m in LeastUsed(rest).Take(wanted - picked.Count).ToList())
                        {
                            Pick(m);
                        }

                        break;
                    }

                    Pick(skilled);
                }

                crew.UnionWith(picked.Select(m => m.Id));
            }

            foreach (var id in crew)
            {
                used[id] = used.GetValueOrDefault(id) + 1;
            }

            return [.. _context.Teams[team].Members.Select(m => m.Id).Where(crew.Contains)];
        }

        /// <summary>
        /// Whether days needing <paramref name="demands"/> distinct members each can be staffed by members with
        /// <paramref name="daysLeft"/> days each: for every k, the k busiest days need no more than the members can
        /// give to k days (the Gale–Ryser condition).
        /// </summary>
        private static bool CanStaff(List<int> demands, IEnumerable<int> daysLeft)
        {
            var left = daysLeft.ToList();
            if (left.Any(d => d < 0))
            {
                return false;
            }

            var need = 0L;
            foreach (var (demand, k) in demands.OrderDescending().Select((d, i) => (d, i + 1)))
            {
                need += demand;
                if (need > left.Sum(d => (long)Math.Min(d, k)))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The farther hamlet goes first when the trip works both ways: the team heads back towards the centre.</summary>
        private (int Morning, int Afternoon) Orient(int a, int b)
        {
            if (b == None || a == b)
            {
                return (a, b);
            }

            var (far, near) = _context.Hamlets[a].DistanceKm >= _context.Hamlets[b].DistanceKm ? (a, b) : (b, a);
            return _context.CanFollow(far, near) ? (far, near) : (near, far);
        }

        private void BuildPatterns(int[] useful)
        {
            var twoSlots = _context.Slots.Length >= 2;
            if (twoSlots)
            {
                _hubs.AddRange(_withDemand.Where(u => _withDemand.All(v => _context.CanFollow(u, v) && _context.CanFollow(v, u))));
            }

            var isHub = _hubs.ToHashSet();
            foreach (var a in _withDemand)
            {
                _patterns.Add(new DayPattern(a, None));
                if (twoSlots && useful[a] >= 2 && !isHub.Contains(a))
                {
                    _patterns.Add(new DayPattern(a, a));
                }
            }

            if (!twoSlots)
            {
                return;
            }

            var spokes = _withDemand.Where(h => !isHub.Contains(h)).ToArray();
            for (var i = 0; i < spokes.Length; i++)
            {
                for (var j = i + 1; j < spokes.Length; j++)
                {
                    var (a, b) = (spokes[i], spokes[j]);
                    if (_context.CanFollow(a, b) || _context.CanFollow(b, a))
                    {
                        _patterns.Add(new DayPattern(a, b));
                    }
                }
            }
        }

        /// <summary>What one team does on one day: one session, the same hamlet twice, or two hamlets close enough to chain.</summary>
        private sealed record DayPattern(int First, int Second)
        {
            public bool IsDouble => First == Second;

            public (int, int) Key => KeyOf(First, Second);

            public IEnumerable<int> Hamlets => Second == None ? [First] : [First, Second];

            public static (int, int) KeyOf(int a, int b) => b == None ? (a, None) : (Math.Min(a, b), Math.Max(a, b));
        }

        /// <summary>How many teams of one capacity take each kind of day on one date.</summary>
        private sealed class DateChoice(int[] teams)
        {
            public int[] Teams { get; } = teams;

            public List<IntVar> Patterns { get; } = [];

            /// <summary>Per hamlet with demand: days pairing it with a hub.</summary>
            public List<IntVar> AnyHalf { get; } = [];

            /// <summary>Per hub: days pairing it with some hamlet.</summary>
            public List<IntVar> HubHalf { get; } = [];
        }

        private sealed class TeamDay(BoolVar @out)
        {
            public BoolVar Out { get; } = @out;

            public Dictionary<CrewClass, IntVar> Crew { get; } = [];
        }
    }

    /// <summary>
    /// Members of a team who are interchangeable for the plan: unavailable on the same open dates, with the same days
    /// left. One integer per class and date replaces a boolean per member, which removes the members' symmetry.
    /// </summary>
    private sealed class CrewClass(int index, IReadOnlyList<PlanMember> members, IReadOnlySet<DateOnly> unavailable, int remainingDays)
    {
        public int Index { get; } = index;

        public IReadOnlyList<PlanMember> Members { get; } = members;

        public IReadOnlySet<DateOnly> Unavailable { get; } = unavailable;

        public int RemainingDays { get; } = remainingDays;

        public List<IntVar> Days { get; } = [];

        public static CrewClass[] Group(PlanningContext context, PlanTeam team) =>
        [
            .. team.Members
                .Where(m => context.RemainingDays(m) > 0)
                .GroupBy(m => (Days: context.RemainingDays(m), Dates: string.Join(',', context.OpenDates.Where(m.Unavailable.Contains))))
                .Select((g, i) => new CrewClass(i, [.. g], g.First().Unavailable.Where(context.IsOpen).ToHashSet(), g.Key.Days)),
        ];
    }
}
