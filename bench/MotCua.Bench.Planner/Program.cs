using System.Diagnostics;
using System.Globalization;
using MotCua.Planning;

// Solves the demo commune and the large instance with CP-SAT and with the round-robin baseline in the same run, so the
// comparison does not drift with the machine. Usage: dotnet run -c Release --project bench/MotCua.Bench.Planner [-- --workers N]
var workers = args.Length >= 2 && args[0] == "--workers" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var cases = new (string Name, PlanningProblem Problem, TimeSpan Limit, string Target)[]
{
    ("demo commune (18 hamlets, 2 teams, 8 Saturdays)", SampleProblems.DemoCommune(), TimeSpan.FromSeconds(10), "optimal < 2 s"),
    ("large (100 hamlets, 6 teams, 16 weekend days)", SampleProblems.Large(), TimeSpan.FromSeconds(10), "gap <= 1% in 10 s"),
};

Console.WriteLine($"Outreach planner benchmark: {Environment.ProcessorCount} cores, {workers} solver workers, .NET {Environment.Version}");

// One untimed solve loads the OR-Tools natives, which would otherwise be charged to the first instance.
new CpSatOutreachPlanner().Plan(SampleProblems.DemoCommune(seed: 1), new PlannerOptions { MaxTime = TimeSpan.FromSeconds(2), Workers = workers });

var allMet = true;
foreach (var (name, problem, limit, target) in cases)
{
    var watch = Stopwatch.StartNew();
    var baseline = RoundRobinPlanner.Plan(problem);
    var baselineTime = watch.Elapsed;
    var result = new CpSatOutreachPlanner().Plan(problem, new PlannerOptions { MaxTime = limit, Workers = workers, Seed = 1 });

    var violations = PlanValidator.Violations(problem, result.Sessions).Count + PlanValidator.Violations(problem, baseline.Sessions).Count;
    var solved = PlanObjective.Breakdown(problem, result.Sessions);
    var hand = PlanObjective.Breakdown(problem, baseline.Sessions);
    var met = name.StartsWith("demo", StringComparison.Ordinal)
        ? result.Status == PlanStatus.Optimal && result.SolveTime < TimeSpan.FromSeconds(2)
        : result.Gap <= 0.01 && result.SolveTime <= TimeSpan.FromSeconds(10.5);
    allMet &= met && violations == 0;

    Console.WriteLine();
    Console.WriteLine(name);
    Console.WriteLine($"  CP-SAT       status {result.Status}, time {result.SolveTime.TotalSeconds:0.000} s, objective {result.Objective:0.00}, bound {result.Bound:0.00}, gap {result.Gap:P3}");
    Console.WriteLine($"  round-robin  time {baselineTime.TotalSeconds:0.000} s, objective {baseline.Objective:0.00}");
    Console.WriteLine($"  sessions     CP-SAT {solved.NewSessions}, round-robin {hand.NewSessions}");
    Console.WriteLine($"  cases        CP-SAT {solved.CasesServed}, round-robin {hand.CasesServed} (demand {problem.Hamlets.Sum(h => h.ExpectedDemand)})");
    Console.WriteLine($"  hamlets      CP-SAT {solved.HamletsCovered}, round-robin {hand.HamletsCovered} of {problem.Hamlets.Count}");
    Console.WriteLine($"  priority-weighted demand served: CP-SAT {solved.WeightedCases:0.00}, round-robin {hand.WeightedCases:0.00}, ratio {solved.WeightedCases / hand.WeightedCases:0.000}");
    Console.WriteLine($"  objective ratio CP-SAT / round-robin {result.Objective / baseline.Objective:0.000}; violations {violations}");
    Console.WriteLine($"  target {target}: {(met ? "met" : "NOT met")}");

    // How soon the 1% target is reached when the solver may stop there (relative_gap_limit), as a server would run it.
    var early = new CpSatOutreachPlanner().Plan(problem, new PlannerOptions { MaxTime = limit, Workers = workers, Seed = 1, RelativeGapLimit = 0.01 });
    Console.WriteLine($"  stop at 1% gap: status {early.Status}, time {early.SolveTime.TotalSeconds:0.000} s, objective {early.Objective:0.00}, gap {early.Gap:P3}");
}

return allMet ? 0 : 1;
