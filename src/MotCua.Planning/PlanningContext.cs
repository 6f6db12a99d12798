using System.Globalization;

namespace MotCua.Planning;

/// <summary>
/// A problem checked and indexed once, with the objective's integer coefficients, shared by the solver, the
/// baseline, the validator and the objective so that all four agree to the last point.
/// </summary>
internal sealed class PlanningContext
{
    /// <summary>
    /// CP-SAT needs integer coefficients. Ten-thousandths of a case point keep the lateness tie-break (a tenth of a case
    /// weight spread over the campaign) from rounding away between hamlets of similar weight.
    /// </summary>
    public const long Scale = 10_000;

    private readonly Dictionary<Guid, int> _hamletIndex;
    private readonly Dictionary<Guid, int> _teamIndex;
    private readonly Dictionary<DateOnly, int> _dateIndex;
    private readonly Dictionary<string, int> _memberTeam;
    private readonly Dictionary<string, HashSet<DateOnly>> _fixedDays;

    private PlanningContext(PlanningProblem problem, bool ignoreTravel)
    {
        Problem = problem;
        IgnoresTravel = ignoreTravel;
        Hamlets = [.. problem.Hamlets];
        Teams = [.. problem.Teams];
        _hamletIndex = Hamlets.Select((h, i) => (h.Id, i)).ToDictionary(x => x.Id, x => x.i);
        _teamIndex = Teams.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        Dates = [.. problem.Dates.Distinct().Order()];
        _dateIndex = Dates.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i);
        Slots = [.. problem.Slots.Distinct().Order()];
        ClosedThrough = problem.ClosedThrough;
        OpenDates = [.. Dates.Where(IsOpen)];
        Capacity = [.. Teams.Select(problem.SessionCapacity)];

        _memberTeam = [];
        for (var t = 0; t < Teams.Length; t++)
        {
            foreach (var member in Teams[t].Members)
            {
                _memberTeam[member.Id] = t;
            }
        }

        _fixedDays = [];
        foreach (var session in problem.Fixed)
        {
            foreach (var id in session.MemberIds)
            {
                if (!_fixedDays.TryGetValue(id, out var days))
                {
                    _fixedDays[id] = days = [];
                }

                days.Add(session.Date);
            }
        }

        CaseWeight = [.. Hamlets.Select(h => (long)Math.Round(Scale * problem.Weights.CaseWeight(h)))];
        var bestSession = Capacity.DefaultIfEmpty(0).Max() * CaseWeight.DefaultIfEmpty(0).Max();
        var bonus = (long)Math.Round(problem.Weights.CoverageBonus * bestSession);
        CoverageBonus = [.. Hamlets.Select(h => h.Priority.Total > 0 ? bonus : 0)];
    }

    public PlanningProblem Problem { get; }

    public PlanHamlet[] Hamlets { get; }

    public PlanTeam[] Teams { get; }

    /// <summary>Campaign dates, sorted and distinct.</summary>
    public DateOnly[] Dates { get; }

    public Slot[] Slots { get; }

    public DateOnly? ClosedThrough { get; }

    /// <summary>Campaign dates still open to new sessions, sorted.</summary>
    public DateOnly[] OpenDates { get; }

    /// <summary>Cases one session of each team can serve.</summary>
    public int[] Capacity { get; }

    /// <summary>Scaled points per case served in each hamlet.</summary>
    public long[] CaseWeight { get; }

    /// <summary>Scaled points for a hamlet's first session (0 for hamlets without priority residents).</summary>
    public long[] CoverageBonus { get; }

    /// <summary>
    /// True for the relaxation that lets any two hamlets share a day: its optimum bounds the real one from above, and
    /// its model stays small when the real one has thousands of hamlet pairs.
    /// </summary>
    public bool IgnoresTravel { get; }

    public static PlanningContext Create(PlanningProblem problem, bool ignoreTravel = false)
    {
        var errors = InputErrors(problem);
        if (errors.Count > 0)
        {
            throw new ArgumentException("The planning problem is not valid: " + string.Join("; ", errors), nameof(problem));
        }

        return new PlanningContext(problem, ignoreTravel);
    }

    public bool IsOpen(DateOnly date) => ClosedThrough is not { } closed || date > closed;

    public int HamletIndex(Guid id) => _hamletIndex.TryGetValue(id, out var i) ? i : -1;

    public int TeamIndex(Guid id) => _teamIndex.TryGetValue(id, out var i) ? i : -1;

    public int DateIndex(DateOnly date) => _dateIndex.TryGetValue(date, out var i) ? i : -1;

    /// <summary>Index of the team the member belongs to, or -1.</summary>
    public int MemberTeam(string id) => _memberTeam.TryGetValue(id, out var t) ? t : -1;

    public int FixedDayCount(string memberId) => _fixedDays.TryGetValue(memberId, out var days) ? days.Count : 0;

    /// <summary>New days the member may still work under the rotation limit.</summary>
    public int RemainingDays(PlanMember member) =>
        Math.Max(0, Problem.MaxDaysPerMember - member.DaysAlreadyWorked - FixedDayCount(member.Id));

    public bool CanFollow(int earlier, int later) => IgnoresTravel || Problem.CanFollow(Hamlets[earlier].Id, Hamlets[later].Id);

    /// <summary>Scaled cost of one new session in a hamlet on a date (later dates cost more, see <see cref="PlanningWeights.LatenessCost"/>).</summary>
    public long SessionCost(int hamlet, DateOnly date)
    {
        var index = DateIndex(date);
        var position = Dates.Length <= 1 ? 0.0 : index < 0 ? 1.0 : (double)index / (Dates.Length - 1);
        var weights = Problem.Weights;
        var points = weights.SessionCost + (weights.LatenessCost * weights.CaseWeight(Hamlets[hamlet]) * position);
        return (long)Math.Round(Scale * points);
    }

    /// <summary>Everything wrong with the input itself, before any plan is looked at.</summary>
    public static List<string> InputErrors(PlanningProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var errors = new List<string>();
        if (problem.Hamlets is null || problem.Teams is null || problem.Dates is null || problem.Slots is null
            || problem.TravelMinutesBetweenHamlets is null || problem.Fixed is null || problem.Weights is null)
        {
            errors.Add("hamlets, teams, dates, slots, travel times, fixed sessions and weights are all required");
            return errors;
        }

        if (problem.CapacityPerSession < 1)
        {
            errors.Add("capacity per session must be at least 1");
        }

        if (problem.MinutesPerCase < 1 || problem.SessionMinutes < 1)
        {
            errors.Add("minutes per case and session minutes must be at least 1");
        }

        if (problem.MaxDaysPerMember < 0 || problem.MaxTravelMinutesBetweenSessions < 0)
        {
            errors.Add("the rotation limit and the travel limit cannot be negative");
        }

        errors.AddRange(problem.Weights.Problems());

        foreach (var slot in problem.Slots.Where(s => !Enum.IsDefined(s)))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"unknown slot {(int)slot}"));
        }

        var hamletIds = new HashSet<Guid>();
        foreach (var hamlet in problem.Hamlets)
        {
            if (!hamletIds.Add(hamlet.Id))
            {
                errors.Add($"hamlet {hamlet.Id} appears twice");
            }

            if (hamlet.ExpectedDemand < 0 || !double.IsFinite(hamlet.DistanceKm) || hamlet.DistanceKm < 0 || hamlet.Priority is null
                || hamlet.Priority.Elderly < 0 || hamlet.Priority.Disabled < 0 || hamlet.Priority.SocialProtection < 0
                || hamlet.Priority.CashWithoutBankAccount < 0 || hamlet.Priority.PendingProcedure < 0)
            {
                errors.Add($"hamlet {hamlet.Name} has a negative or missing count or distance");
            }
        }

        var teamIds = new HashSet<Guid>();
        var memberIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var team in problem.Teams)
        {
            if (!teamIds.Add(team.Id))
            {
                errors.Add($"team {team.Id} appears twice");
            }

            if (team.CrewSize < 1)
            {
                errors.Add($"team {team.Name} needs a crew of at least 1");
            }

            foreach (var member in team.Members)
            {
                if (!memberIds.Add(member.Id))
                {
                    errors.Add($"member {member.Id} appears twice (a member belongs to one team)");
                }

                if (member.DaysAlreadyWorked < 0 || member.Unavailable is null)
                {
                    errors.Add($"member {member.Id} has negative days worked or no unavailability set");
                }
            }
        }

        foreach (var ((from, to), minutes) in problem.TravelMinutesBetweenHamlets)
        {
            if (minutes < 0)
            {
                errors.Add($"travel {from} → {to} is negative");
            }
        }

        var fixedSlots = new HashSet<(DateOnly, Slot, Guid)>();
        foreach (var session in problem.Fixed)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{session.Date:yyyy-MM-dd} {session.Slot}");
            if (!teamIds.Contains(session.TeamId) || !hamletIds.Contains(session.HamletId))
            {
                errors.Add($"fixed session {at} names an unknown team or hamlet");
            }

            if (!fixedSlots.Add((session.Date, session.Slot, session.TeamId)))
            {
                errors.Add($"fixed session {at} puts a team in two places");
            }

            if (session.CasesServed < 0 || session.MemberIds is null || session.MemberIds.Any(id => !memberIds.Contains(id)))
            {
                errors.Add($"fixed session {at} has negative cases or an unknown member");
            }
        }

        return errors;
    }
}
