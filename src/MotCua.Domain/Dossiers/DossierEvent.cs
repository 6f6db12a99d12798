using MotCua.Domain.Units;

namespace MotCua.Domain.Dossiers;

/// <summary>
/// One step of a dossier's history: a state change or a hand-over between officers. Hand-overs are the rows of
/// form 06 (processing control sheet): from, to, when, and whether the step ended early, on time or late.
/// </summary>
public sealed class DossierEvent : IUnitOwned
{
    private DossierEvent()
    {
        ActorId = string.Empty;
    }

    internal DossierEvent(Guid dossierId, Guid unitId, int sequence, DossierAction action, DateTimeOffset at, string actorId,
        DossierStatus? fromStatus, DossierStatus toStatus, string? fromOfficerId, string? toOfficerId, string? reason,
        DateTimeOffset? dueAtAfter)
    {
        Id = Guid.NewGuid();
        DossierId = dossierId;
        UnitId = unitId;
        Sequence = sequence;
        Action = action;
        At = at;
        ActorId = actorId;
        FromStatus = fromStatus;
        ToStatus = toStatus;
        FromOfficerId = fromOfficerId;
        ToOfficerId = toOfficerId;
        Reason = reason;
        DueAtAfter = dueAtAfter;
    }

    public Guid Id { get; private set; }

    public Guid DossierId { get; private set; }

    /// <summary>The dossier's unit, kept on each event so that every unit-owned row is scoped the same way.</summary>
    public Guid UnitId { get; private set; }

    public int Sequence { get; private set; }

    public DossierAction Action { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string ActorId { get; private set; }

    public DossierStatus? FromStatus { get; private set; }

    public DossierStatus ToStatus { get; private set; }

    /// <summary>The officer who held the dossier before a hand-over (or before the step).</summary>
    public string? FromOfficerId { get; private set; }

    /// <summary>The officer who holds it after a hand-over.</summary>
    public string? ToOfficerId { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>The dossier's due date after this step (moves only when a supplement pause ends).</summary>
    public DateTimeOffset? DueAtAfter { get; private set; }

    /// <summary>For an apology (form 04): the new date promised to the citizen.</summary>
    public DateTimeOffset? PromisedAt { get; private set; }

    internal void Promise(DateTimeOffset at) => PromisedAt = at;

    /// <summary>The step's timeliness against the due date in force when it happened (form 06).</summary>
    public Timeliness? StepTimeliness => DueAtAfter is { } due ? Deadline.Classify(At, due) : null;
}
