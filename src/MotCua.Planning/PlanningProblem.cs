namespace MotCua.Planning;

/// <summary>Half-day in which an outreach session runs.</summary>
public enum Slot
{
    Morning = 1,
    Afternoon = 2,
}

/// <summary>
/// How many residents of a hamlet belong to each group the outreach targets. A person in two groups
/// (an elderly person with a disability) is counted in both, so <see cref="Total"/> counts memberships, not people.
/// </summary>
public sealed record PriorityGroups(int Elderly, int Disabled, int SocialProtection, int CashWithoutBankAccount, int PendingProcedure)
{
    public static PriorityGroups None { get; } = new(0, 0, 0, 0, 0);

    public int Total => Elderly + Disabled + SocialProtection + CashWithoutBankAccount + PendingProcedure;
}

/// <param name="DistanceKm">Road distance from the service centre.</param>
/// <param name="ExpectedDemand">Cases still to serve in the hamlet when the plan is made; on a re-plan, what is left after the sessions already held.</param>
public sealed record PlanHamlet(Guid Id, string Name, double DistanceKm, int TravelMinutesFromCentre, PriorityGroups Priority, int ExpectedDemand);

/// <param name="Unavailable">Dates the member cannot work (leave, duty at the centre, illness).</param>
/// <param name="DaysAlreadyWorked">
/// Outreach days the member worked before this campaign's sessions (an earlier campaign, another commune's team).
/// Days in <see cref="PlanningProblem.Fixed"/> are counted from the fixed sessions and must not be added here as well.
/// </param>
/// <param name="Skills">Codes of the procedures the member can receive (null or empty: none recorded).</param>
public sealed record PlanMember(string Id, string Name, IReadOnlySet<DateOnly> Unavailable, int DaysAlreadyWorked = 0, IReadOnlySet<string>? Skills = null);

/// <param name="CrewSize">Members who go out together to staff one session (e.g. 3: reception, scanning, printing).</param>
public sealed record PlanTeam(Guid Id, string Name, IReadOnlyList<PlanMember> Members, int CrewSize);

/// <summary>
/// A session that has already been held. Fixed sessions are facts: a re-plan keeps them exactly, counts their
/// members' days against the rotation limit and their cases in the objective, and treats every date up to the
/// latest fixed date as past (no new session is planned on it).
/// </summary>
public sealed record FixedSession(DateOnly Date, Slot Slot, Guid TeamId, Guid HamletId, IReadOnlyList<string> MemberIds, int CasesServed);

/// <summary>
/// One outreach campaign to plan: which team goes to which hamlet on which (date, slot), and with whom.
/// </summary>
/// <param name="CapacityPerSession">Most cases one session takes, whatever the crew (the story's "about 30 people a session").</param>
/// <param name="MinutesPerCase">Time one crew member spends on a case; with <see cref="SessionMinutes"/> it caps what a small crew can serve.</param>
/// <param name="MaxDaysPerMember">Rotation limit: outreach days any member may work over the campaign, days already worked included.</param>
/// <param name="MaxTravelMinutesBetweenSessions">
/// A team may hold a morning session in one hamlet and an afternoon session in another only if the trip between
/// them takes at most this long.
/// </param>
/// <param name="TravelMinutesBetweenHamlets">
/// Travel time between hamlets. A missing (A, B) pair falls back to (B, A); a pair missing both ways is treated as too
/// far, so the two hamlets are never served by one team on the same day.
/// </param>
public sealed record PlanningProblem(
    IReadOnlyList<PlanHamlet> Hamlets,
    IReadOnlyList<PlanTeam> Teams,
    IReadOnlyList<DateOnly> Dates,
    IReadOnlyList<Slot> Slots,
    int CapacityPerSession,
    int MinutesPerCase,
    int MaxDaysPerMember,
    int MaxTravelMinutesBetweenSessions,
    IReadOnlyDictionary<(Guid From, Guid To), int> TravelMinutesBetweenHamlets,
    IReadOnlyList<FixedSession> Fixed,
    PlanningWeights Weights)
{
    public const int DefaultCapacityPerSession = 30;
    public const int DefaultMinutesPerCase = 30;
    public const int DefaultSessionMinutes = 300;

    /// <summary>
    /// Minutes of casework in one session (setting up the printer and travel excluded). Each crew member serves one
    /// case at a time, so a session serves at most CrewSize × SessionMinutes ÷ MinutesPerCase cases: with the
    /// defaults a crew of 3 fills the 30-case capacity, a crew of 2 serves 20.
    /// </summary>
    public int SessionMinutes { get; init; } = DefaultSessionMinutes;

    /// <summary>
    /// Codes of the procedures the campaign offers. When members have skills recorded, the planner prefers crews in which
    /// someone can receive each of them (a preference among equally good plans, never a hard rule).
    /// </summary>
    public IReadOnlyList<string> Procedures { get; init; } = [];

    /// <summary>Cases one session of <paramref name="team"/> can serve.</summary>
    public int SessionCapacity(PlanTeam team)
    {
        ArgumentNullException.ThrowIfNull(team);
        if (MinutesPerCase <= 0)
        {
            return CapacityPerSession;
        }

        var byTime = (long)team.CrewSize * SessionMinutes / MinutesPerCase;
        return (int)Math.Max(0, Math.Min(CapacityPerSession, byTime));
    }

    /// <summary>
    /// Sessions already held fix the past: every date on or before the latest of them is closed to new sessions.
    /// Null when nothing has been held yet.
    /// </summary>
    public DateOnly? ClosedThrough => Fixed.Count == 0 ? null : Fixed.Max(f => f.Date);

    /// <summary>Travel minutes from one hamlet to another, or null when unknown (treated as too far).</summary>
    public int? TravelMinutes(Guid from, Guid to)
    {
        if (from == to)
        {
            return 0;
        }

        if (TravelMinutesBetweenHamlets.TryGetValue((from, to), out var minutes))
        {
            return minutes;
        }

        return TravelMinutesBetweenHamlets.TryGetValue((to, from), out minutes) ? minutes : null;
    }

    /// <summary>Whether one team may serve <paramref name="earlier"/> and then <paramref name="later"/> on the same date.</summary>
    public bool CanFollow(Guid earlier, Guid later) =>
        earlier == later || TravelMinutes(earlier, later) is { } minutes && minutes <= MaxTravelMinutesBetweenSessions;
}
