namespace MotCua.Planning;

/// <summary>Why a session is in the plan: a code from <see cref="ReasonCodes"/> and the numbers behind it (invariant culture).</summary>
public sealed record SessionReason(string Code, IReadOnlyDictionary<string, string> Values);

/// <param name="ExpectedCases">Cases the session is planned to serve; for a fixed session, the cases it served.</param>
/// <param name="Fixed">True for a session that has already been held and was kept as it was.</param>
public sealed record PlannedSession(
    DateOnly Date,
    Slot Slot,
    Guid TeamId,
    Guid HamletId,
    IReadOnlyList<string> MemberIds,
    int ExpectedCases,
    bool Fixed,
    SessionReason Reason);

public enum PlanStatus
{
    /// <summary>The plan is proven best for the objective.</summary>
    Optimal,

    /// <summary>The plan keeps every hard constraint but is not proven best; see the gap.</summary>
    Feasible,

    /// <summary>No plan keeps every hard constraint.</summary>
    Infeasible,

    /// <summary>The solver stopped before finding any plan.</summary>
    Unknown,
}

/// <param name="Objective">Value of the returned plan (see <see cref="PlanObjective"/>), in case points.</param>
/// <param name="Bound">No plan can score above this; NaN when the planner proves nothing (the round-robin baseline).</param>
/// <param name="Gap">(Bound − Objective) ÷ max(1, |Bound|); 0 when proven optimal, NaN without a bound.</param>
/// <param name="SolveTime">Wall time of the whole call, model building included.</param>
public sealed record PlanResult(
    IReadOnlyList<PlannedSession> Sessions,
    double Objective,
    double Bound,
    double Gap,
    PlanStatus Status,
    TimeSpan SolveTime);

/// <summary>Settings of one solver run.</summary>
public sealed record PlannerOptions
{
    public static PlannerOptions Default { get; } = new();

    /// <summary>Time limit; the solver always gets one, so a plan request never hangs a web request.</summary>
    public TimeSpan MaxTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Solver threads; 2 matches the commune servers.</summary>
    public int Workers { get; init; } = 2;

    /// <summary>Random seed of the solver, so a run can be repeated.</summary>
    public int Seed { get; init; }

    /// <summary>Stop once the plan is within this share of the bound (0 = prove optimality or run out of time).</summary>
    public double RelativeGapLimit { get; init; }

    /// <summary>
    /// A limit in the solver's deterministic time units instead of wall time (0 = none). With one worker it makes a
    /// run repeatable on any machine, whatever its load: demo data uses it.
    /// </summary>
    public double DeterministicTimeLimit { get; init; }
}

public interface IOutreachPlanner
{
    PlanResult Plan(PlanningProblem problem, PlannerOptions options);
}
