using MotCua.Domain.Outreach;

namespace MotCua.Web.Features.Outreach;

/// <param name="Days">Weekdays of the sessions, e.g. ["saturday"] or ["saturday", "sunday"].</param>
/// <param name="Procedures">Codes of the procedures the teams receive.</param>
/// <param name="Target">Dossiers the campaign aims at (e.g. 700); 0 for none.</param>
public sealed record CreateCampaignRequest(
    string? Name,
    DateOnly? From,
    DateOnly? To,
    IReadOnlyList<DayOfWeek>? Days,
    IReadOnlyList<SessionSlot>? Slots,
    IReadOnlyList<string>? Procedures,
    int? MinutesPerCase,
    int? CapacityPerSession,
    int? Target,
    int? MaxDaysPerMember,
    int? MaxTravelMinutesBetweenSessions);

/// <param name="Uncovered">Codes of the campaign's procedures that no member of a planned session's crew is recorded as able
/// to receive (empty for held and cancelled sessions, and for a team with no skills recorded at all).</param>
public sealed record SessionResponse(
    Guid Id,
    DateOnly Date,
    SessionSlot Slot,
    Guid TeamId,
    string Team,
    Guid HamletId,
    string Hamlet,
    int ExpectedCases,
    SessionStatus Status,
    bool Manual,
    string ReasonCode,
    string Reason,
    IReadOnlyList<string> Members,
    int Version,
    IReadOnlyList<string> Uncovered);

public sealed record PlanSummaryResponse(DateTimeOffset SolvedAt, string Status, double Objective, double Bound, double Gap, double Seconds, int Sessions, double BaselineObjective);

public sealed record CampaignResponse(
    Guid Id,
    string Unit,
    string Name,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<DayOfWeek> Days,
    IReadOnlyList<SessionSlot> Slots,
    IReadOnlyList<string> Procedures,
    int MinutesPerCase,
    int CapacityPerSession,
    int Target,
    int MaxDaysPerMember,
    int MaxTravelMinutesBetweenSessions,
    PlanSummaryResponse? LastPlan,
    IReadOnlyList<SessionResponse> Sessions);

/// <param name="Objective">The plan's value in case points (priority-weighted demand served, see docs).</param>
/// <param name="Bound">The solver's proven upper bound on the objective.</param>
/// <param name="Status">optimal, feasible, infeasible or unknown.</param>
public sealed record PlanResponse(IReadOnlyList<SessionResponse> Sessions, double Objective, double Bound, double Gap, string Status, double Seconds, double BaselineObjective);

/// <param name="MemberIds">Who goes, chosen by the leader (exactly the team's crew size); omitted: the crew is kept, or chosen
/// again when the team changes or a member is away that day.</param>
public sealed record MoveSessionRequest(DateOnly? Date, SessionSlot? Slot, Guid? TeamId, Guid? HamletId, int? Version, IReadOnlyList<string>? MemberIds = null);

public sealed record PublicProcedure(string Code, string Name, IReadOnlyList<string> Papers);

/// <summary>A coming session as the hamlet sees it: when, where, and what to bring.</summary>
public sealed record PublicSessionResponse(DateOnly Date, SessionSlot Slot, string Start, string End, Guid HamletId, string Hamlet, string? Place, IReadOnlyList<PublicProcedure> Procedures);
