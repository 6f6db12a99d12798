using MotCua.Domain.Calendar;
using MotCua.Domain.Catalog;
using MotCua.Domain.Units;

namespace MotCua.Domain.Dossiers;

/// <summary>What the receiving officer records when a dossier comes in.</summary>
/// <param name="RecordedAt">When the citizen handed the papers in, for dossiers recorded earlier in the field (outreach, home visit); null means now.</param>
/// <param name="NeedsVerification">Applies the procedure's extended time limit (e.g. a death registration that needs verification).</param>
/// <param name="Papers">The papers handed in (their Vietnamese names as the catalogue lists them); null means every required paper.</param>
/// <param name="OutreachSessionId">The outreach session the dossier was received in (outreach channel only).</param>
/// <param name="PriorityGroups">The priority groups the applicant belongs to, as the team noted them (for the campaign report).</param>
public sealed record DossierIntake(
    Guid ClientId,
    Guid UnitId,
    DossierNumber Number,
    Procedure Procedure,
    Applicant Applicant,
    Channel Channel,
    string LookupSecret,
    string ActorId,
    DateTimeOffset? RecordedAt = null,
    bool NeedsVerification = false,
    IReadOnlyList<string>? Papers = null,
    Guid? OutreachSessionId = null,
    Outreach.PriorityGroup PriorityGroups = Outreach.PriorityGroup.None);

/// <summary>A request to move a dossier, made by an officer against the version they saw.</summary>
public sealed record DossierCommand(
    DossierAction Action,
    int ExpectedVersion,
    string ActorId,
    string? Reason = null,
    string? ToOfficerId = null,
    DateTimeOffset? PromisedAt = null);

/// <summary>
/// A dossier (hồ sơ) and its guarded state machine. The legal clock starts when the centre receives it, pauses while
/// the citizen is asked for a supplement, and stops at the first of processed, returned, stopped or withdrawn.
/// </summary>
public sealed class Dossier : IUnitOwned
{
    public const int MaxReasonLength = 2000;

    private static readonly Dictionary<DossierAction, (DossierStatus[] From, DossierStatus? To)> Transitions = new()
    {
        [DossierAction.Accept] = ([DossierStatus.NewlyRegistered], DossierStatus.Received),
        [DossierAction.Decline] = ([DossierStatus.NewlyRegistered, DossierStatus.Received], DossierStatus.NotAccepted),
        [DossierAction.StartProcessing] = ([DossierStatus.Received], DossierStatus.Processing),
        [DossierAction.HandOver] = ([DossierStatus.Received, DossierStatus.Processing, DossierStatus.Processed], null),
        [DossierAction.RequestSupplement] = ([DossierStatus.Received, DossierStatus.Processing], DossierStatus.SupplementRequested),
        [DossierAction.SupplementReceived] = ([DossierStatus.SupplementRequested], DossierStatus.Processing),
        [DossierAction.RequestPayment] = ([DossierStatus.Processing], DossierStatus.AwaitingPayment),
        [DossierAction.PaymentReceived] = ([DossierStatus.AwaitingPayment], DossierStatus.Processing),
        [DossierAction.Complete] = ([DossierStatus.Processing], DossierStatus.Processed),
        [DossierAction.ReturnResult] = ([DossierStatus.Processed], DossierStatus.ResultReturned),
        [DossierAction.Withdraw] = ([DossierStatus.NewlyRegistered, DossierStatus.Received, DossierStatus.Processing, DossierStatus.SupplementRequested, DossierStatus.AwaitingPayment], DossierStatus.Withdrawn),
        [DossierAction.Stop] = ([DossierStatus.Received, DossierStatus.Processing, DossierStatus.SupplementRequested, DossierStatus.AwaitingPayment], DossierStatus.Stopped),
        [DossierAction.Apologise] = ([DossierStatus.Received, DossierStatus.Processing, DossierStatus.SupplementRequested, DossierStatus.AwaitingPayment], null),
    };

    private static readonly HashSet<DossierAction> ReasonRequired =
        [DossierAction.Decline, DossierAction.RequestSupplement, DossierAction.Stop, DossierAction.Withdraw, DossierAction.Apologise];

    private readonly List<DossierEvent> _events = [];

    private Dossier()
    {
        Applicant = null!;
        ProcedureCode = string.Empty;
        LookupSecret = string.Empty;
        ReceivedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The id the client generated for this intake; a repeat of it returns this dossier instead of a second one.</summary>
    public Guid ClientId { get; private set; }

    public Guid UnitId { get; private set; }

    public DossierNumber Number { get; private set; }

    public Guid ProcedureId { get; private set; }

    public Guid ProcedureVersionId { get; private set; }

    public string ProcedureCode { get; private set; }

    public Channel Channel { get; private set; }

    public DossierStatus Status { get; private set; }

    public Applicant Applicant { get; private set; }

    /// <summary>When the record was created: the submission time of an online dossier, else the receipt time.</summary>
    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>When the centre received the dossier and the legal clock started (null until an online dossier is accepted).</summary>
    public DateTimeOffset? ReceivedAt { get; private set; }

    /// <summary>The time limit applied: the version's, or its extended limit when verification is needed.</summary>
    public TimeLimit TimeLimit { get; private set; }

    public bool NeedsVerification { get; private set; }

    /// <summary>The outreach session the dossier was received in, if any.</summary>
    public Guid? OutreachSessionId { get; private set; }

    /// <summary>The priority groups of the applicant as noted at intake (counts for the campaign report).</summary>
    public Outreach.PriorityGroup PriorityGroups { get; private set; }

    /// <summary>The papers handed in, as printed on the receipt.</summary>
    public IReadOnlyList<string> PapersReceived { get; private set; } = [];

    /// <summary>The due date on the receipt (appointment slip).</summary>
    public DateTimeOffset? OriginalDueAt { get; private set; }

    /// <summary>The due date now: the original one moved on by every closed supplement pause.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    /// <summary>Start of the supplement pause under way, if any.</summary>
    public DateTimeOffset? PausedAt { get; private set; }

    public int SupplementRequestCount { get; private set; }

    /// <summary>When processing ended: the first of processed, returned, stopped, withdrawn, not accepted.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    public string LookupSecret { get; private set; }

    public string ReceivedBy { get; private set; }

    /// <summary>The officer who holds the dossier now.</summary>
    public string? HandlerId { get; private set; }

    /// <summary>Optimistic concurrency: incremented by every change.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<DossierEvent> Events => _events;

    public static Dossier Receive(DossierIntake intake, DateTimeOffset now, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!Enum.IsDefined(intake.Channel))
        {
            throw new DomainRuleException("dossier.channel-invalid", "Unknown channel.", RuleKind.Invalid);
        }

        var at = intake.RecordedAt ?? now;
        if (intake.RecordedAt is not null && !intake.Channel.AllowsFieldTimestamp())
        {
            throw new DomainRuleException("dossier.received-at-not-allowed",
                "A receipt time may be given only for outreach and home-visit dossiers recorded earlier in the field; otherwise the server's clock decides.", RuleKind.Invalid);
        }

        if (at > now)
        {
            throw new DomainRuleException("dossier.received-in-future", "The receipt time cannot be in the future.", RuleKind.Invalid);
        }

        var localDate = WorkingCalendar.LocalDate(at);
        if (intake.Number.Date != localDate)
        {
            throw new DomainRuleException("dossier.number-date-mismatch", "The dossier number's date must be the receipt date.");
        }

        if (intake.LookupSecret is not { Length: >= 6 and <= 32 })
        {
            throw new DomainRuleException("dossier.secret-invalid", "The lookup secret must be 6–32 characters.");
        }

        var version = intake.Procedure.RequireVersionOn(localDate);
        if (!version.Allows(intake.Channel))
        {
            throw new DomainRuleException("dossier.channel-not-allowed", $"Procedure {intake.Procedure.Code} cannot be filed through channel {intake.Channel}.");
        }

        if (intake.OutreachSessionId is not null && intake.Channel != Channel.Outreach)
        {
            throw new DomainRuleException("dossier.session-not-outreach", "Only a dossier received in an outreach session belongs to one.", RuleKind.Invalid);
        }

        var required = version.Papers.Where(p => !p.Optional).Select(p => p.Name.Vi).ToList();
        var papers = intake.Papers?.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct().ToList() ?? required;
        var unknown = papers.Except(version.Papers.Select(p => p.Name.Vi)).ToList();
        if (unknown.Count > 0)
        {
            throw new DomainRuleException("dossier.paper-unknown", $"Procedure {intake.Procedure.Code} does not list these papers: {string.Join("; ", unknown)}.", RuleKind.Invalid);
        }

        var missing = required.Except(papers).ToList();
        if (missing.Count > 0)
        {
            throw new DomainRuleException("dossier.papers-missing", $"A required paper is missing: {string.Join("; ", missing)}. Guide the citizen to complete the dossier before receiving it.");
        }

        var limit = version.TimeLimit;
        if (intake.NeedsVerification)
        {
            limit = version.ExtendedTimeLimit
                ?? throw new DomainRuleException("dossier.no-extended-limit", $"Procedure {intake.Procedure.Code} has no extended time limit for verification.");
        }

        var dossier = new Dossier
        {
            Id = Guid.NewGuid(),
            ClientId = intake.ClientId,
            UnitId = intake.UnitId,
            Number = intake.Number,
            ProcedureId = intake.Procedure.Id,
            ProcedureVersionId = version.Id,
            ProcedureCode = intake.Procedure.Code,
            Channel = intake.Channel,
            Applicant = intake.Applicant,
            RegisteredAt = at,
            TimeLimit = limit,
            NeedsVerification = intake.NeedsVerification,
            PapersReceived = papers,
            OutreachSessionId = intake.OutreachSessionId,
            PriorityGroups = intake.PriorityGroups,
            LookupSecret = intake.LookupSecret,
            ReceivedBy = intake.ActorId,
            HandlerId = intake.ActorId,
            Version = 1,
        };

        if (intake.Channel.NeedsAcceptance())
        {
            dossier.Status = DossierStatus.NewlyRegistered;
            dossier.Record(DossierAction.Register, at, intake.ActorId, null, null, null, null);
        }
        else
        {
            dossier.Status = DossierStatus.Received;
            dossier.StartClock(at, calendar);
            dossier.Record(DossierAction.Receive, at, intake.ActorId, null, null, intake.ActorId, null);
        }

        return dossier;
    }

    /// <summary>The actions the state machine allows in the dossier's current state.</summary>
    public IEnumerable<DossierAction> AllowedActions() =>
        Transitions.Where(t => t.Value.From.Contains(Status)).Select(t => t.Key);

    public DossierEvent Apply(DossierCommand command, DateTimeOffset now, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(calendar);
        if (command.ExpectedVersion != Version)
        {
            throw new DomainRuleException("dossier.version-conflict",
                $"Dossier {Number} has changed since version {command.ExpectedVersion} (it is now at version {Version}); reload it and try again.", RuleKind.Conflict);
        }

        if (!Transitions.TryGetValue(command.Action, out var rule))
        {
            throw new DomainRuleException("dossier.action-invalid", $"'{command.Action}' is not an action on a dossier.", RuleKind.Invalid);
        }

        if (!rule.From.Contains(Status))
        {
            throw new DomainRuleException("dossier.transition-forbidden", $"A dossier that is {Status} cannot be given the action {command.Action}.");
        }

        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        if (reason?.Length > MaxReasonLength || reason?.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) == true)
        {
            throw new DomainRuleException("dossier.reason-invalid", $"The reason is at most {MaxReasonLength} characters, without control characters.", RuleKind.Invalid);
        }

        if (reason is null && ReasonRequired.Contains(command.Action))
        {
            throw new DomainRuleException("dossier.reason-required", $"The action {command.Action} needs a reason (it is printed on the form given to the citizen).", RuleKind.Invalid);
        }

        var toOfficer = string.IsNullOrWhiteSpace(command.ToOfficerId) ? null : command.ToOfficerId.Trim();
        if (command.Action == DossierAction.HandOver)
        {
            if (toOfficer is null)
            {
                throw new DomainRuleException("dossier.hand-over-target-required", "A hand-over needs the officer who takes the dossier.", RuleKind.Invalid);
            }

            if (toOfficer == HandlerId)
            {
                throw new DomainRuleException("dossier.hand-over-to-self", "The dossier is already held by that officer.");
            }
        }

        if (command.Action == DossierAction.Apologise)
        {
            if (command.PromisedAt is not { } promised || promised <= now)
            {
                throw new DomainRuleException("dossier.promised-date-required", "An apology needs the new date promised to the citizen, in the future.", RuleKind.Invalid);
            }

            if (EffectiveDueAt(now, calendar) is { } due && promised <= due)
            {
                throw new DomainRuleException("dossier.promised-before-due", "The new date must be after the due date; before it, no apology is needed.");
            }
        }

        var from = HandlerId;
        switch (command.Action)
        {
            case DossierAction.Accept:
                StartClock(now, calendar);
                break;
            case DossierAction.HandOver:
                HandlerId = toOfficer;
                break;
            case DossierAction.RequestSupplement:
                PausedAt = now;
                SupplementRequestCount++;
                break;
            case DossierAction.SupplementReceived:
            case DossierAction.Withdraw:
            case DossierAction.Stop:
                EndPause(now, calendar);
                break;
        }

        if (rule.To is { } to)
        {
            Status = to;
            if (to.IsEnded() && EndedAt is null)
            {
                EndedAt = now;
            }
        }

        Version++;
        var recorded = Record(command.Action, now, command.ActorId, reason, from, command.Action == DossierAction.HandOver ? toOfficer : HandlerId, DueAt);
        if (command.Action == DossierAction.Apologise)
        {
            recorded.Promise(command.PromisedAt!.Value);
        }

        return recorded;
    }

    /// <summary>The latest new date promised in an apology (form 04), if any.</summary>
    public DateTimeOffset? PromisedAt => _events.LastOrDefault(e => e.Action == DossierAction.Apologise)?.PromisedAt;

    /// <summary>The due date with the supplement pause under way (if any) counted up to <paramref name="at"/>.</summary>
    public DateTimeOffset? EffectiveDueAt(DateTimeOffset at, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (DueAt is not { } due)
        {
            return null;
        }

        return PausedAt is { } paused ? calendar.AddWorkingMinutes(due, calendar.WorkingMinutesBetween(paused, at)) : due;
    }

    /// <summary>
    /// Early, on time or late per the portal formula: for an ended dossier as it ended, for an open one as if it ended
    /// at <paramref name="now"/> (so open and late means overdue). More than one supplement request counts as late.
    /// Null when there is no clock: not yet accepted, not accepted, or a procedure without a legal time limit.
    /// </summary>
    public Timeliness? TimelinessAt(DateTimeOffset now, WorkingCalendar calendar)
    {
        if (DueAt is null || ReceivedAt is null || Status == DossierStatus.NotAccepted)
        {
            return null;
        }

        if (SupplementRequestCount > 1)
        {
            return Timeliness.Late;
        }

        var end = EndedAt ?? now;
        return Deadline.Classify(end, EffectiveDueAt(end, calendar)!.Value);
    }

    /// <summary>
    /// Anonymises the applicant once the dossier is closed and its retention period has passed. Returns false when
    /// there is nothing to do.
    /// </summary>
    public bool AnonymiseApplicant(DateTimeOffset now, DateTimeOffset endedBefore)
    {
        if (Applicant.AnonymisedAt is not null || EndedAt is not { } ended || ended >= endedBefore || Status == DossierStatus.Processed)
        {
            return false;
        }

        Applicant.Anonymise(now);
        Version++;
        return true;
    }

    /// <summary>Open, with a clock, and past its (pause-adjusted) due date.</summary>
    public bool IsOverdue(DateTimeOffset now, WorkingCalendar calendar) =>
        EndedAt is null && EffectiveDueAt(now, calendar) is { } due && now > due;

    private void StartClock(DateTimeOffset at, WorkingCalendar calendar)
    {
        ReceivedAt = at;
        DueAt = calendar.DueAt(at, TimeLimit);
        OriginalDueAt = DueAt;
    }

    private void EndPause(DateTimeOffset now, WorkingCalendar calendar)
    {
        if (PausedAt is { } paused && DueAt is { } due)
        {
            DueAt = calendar.AddWorkingMinutes(due, calendar.WorkingMinutesBetween(paused, now));
        }

        PausedAt = null;
    }

    private DossierEvent Record(DossierAction action, DateTimeOffset at, string actorId, string? reason, string? fromOfficer, string? toOfficer, DateTimeOffset? dueAfter)
    {
        var previous = _events.Count == 0 ? (DossierStatus?)null : _events[^1].ToStatus;
        var e = new DossierEvent(Id, UnitId, _events.Count + 1, action, at, actorId, previous, Status, fromOfficer, toOfficer, reason, dueAfter ?? DueAt);
        _events.Add(e);
        return e;
    }
}
