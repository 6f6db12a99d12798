using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Units;

namespace MotCua.Domain.Quality;

/// <summary>What a citizen sends: a complaint about how something was done (phản ánh) or a recommendation (kiến nghị).</summary>
public enum FeedbackKind
{
    Complaint = 1,
    Recommendation = 2,
}

/// <summary>What the feedback is about, as staff classify it.</summary>
public enum FeedbackCategory
{
    Unclassified = 0,
    Procedure = 1,
    Attitude = 2,
    ProcessingTime = 3,
    Fees = 4,
    Facilities = 5,
    Other = 6,
}

/// <summary>Where a feedback item stands.</summary>
public enum FeedbackStatus
{
    /// <summary>Received, not yet assigned.</summary>
    Received = 1,

    /// <summary>Assigned to an officer who is handling it.</summary>
    InProgress = 2,

    /// <summary>The submitter was asked for more information.</summary>
    InformationRequested = 3,

    /// <summary>Answered.</summary>
    Answered = 4,

    /// <summary>Refused (not accepted for handling), with the reason.</summary>
    Refused = 5,
}

/// <summary>What staff do with a feedback item.</summary>
public enum FeedbackAction
{
    Submit = 0,
    Classify = 1,
    Assign = 2,
    Answer = 3,
    Refuse = 4,
    RequestInformation = 5,
    InformationReceived = 6,
    Rate = 7,
}

/// <summary>One step in a feedback item's history, shown to staff and (without the actor) to the submitter.</summary>
public sealed record FeedbackStep(DateTimeOffset At, FeedbackAction Action, string ActorId, string? Text, FeedbackStatus Status);

/// <summary>What the citizen sends, checked at the edge. <see cref="SubmitterName"/> and <see cref="SubmitterPhone"/> are optional personal data.</summary>
public sealed record FeedbackSubmission(
    Guid UnitId,
    string Code,
    string Secret,
    FeedbackKind Kind,
    string Subject,
    string Content,
    Guid? DossierId,
    string? DossierNumber,
    string? SubmitterName,
    PhoneNumber? SubmitterPhone);

/// <summary>A staff action on a feedback item against the version the officer saw.</summary>
public sealed record FeedbackCommand(
    FeedbackAction Action,
    int ExpectedVersion,
    string ActorId,
    string? Text = null,
    FeedbackKind? Kind = null,
    FeedbackCategory? Category = null,
    string? AssigneeId = null);

/// <summary>
/// A complaint or recommendation (phản ánh, kiến nghị: PAKN) sent to a commune's centre, optionally about one of its
/// dossiers. Its handling is judged as Index 766 judges it: answered within 15 working days, refused within 2, more
/// information requested within 5 (<see cref="FeedbackDeadline"/>).
/// </summary>
/// <remarks>
/// The first of answered, refused or more information requested ends the handling clock, and its timeliness is fixed
/// then, as a dossier's is at its first end: answering later after the submitter replied does not change it. The
/// submitter may then say whether they are satisfied with the answer; "not satisfied" counts against the unit.
/// </remarks>
public sealed class Feedback : IUnitOwned
{
    public const int MaxSubjectLength = 200;
    public const int MaxContentLength = 4000;
    public const int MaxTextLength = 4000;
    public const int MaxNameLength = 100;

    private static readonly Dictionary<FeedbackAction, FeedbackStatus[]> AllowedFrom = new()
    {
        [FeedbackAction.Classify] = [FeedbackStatus.Received, FeedbackStatus.InProgress, FeedbackStatus.InformationRequested],
        [FeedbackAction.Assign] = [FeedbackStatus.Received, FeedbackStatus.InProgress, FeedbackStatus.InformationRequested],
        [FeedbackAction.Answer] = [FeedbackStatus.Received, FeedbackStatus.InProgress, FeedbackStatus.InformationRequested],
        [FeedbackAction.Refuse] = [FeedbackStatus.Received, FeedbackStatus.InProgress],
        [FeedbackAction.RequestInformation] = [FeedbackStatus.Received, FeedbackStatus.InProgress],
        [FeedbackAction.InformationReceived] = [FeedbackStatus.InformationRequested],
    };

    private List<FeedbackStep> _steps = [];

    private Feedback()
    {
        Code = string.Empty;
        Secret = string.Empty;
        Subject = string.Empty;
        Content = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid UnitId { get; private set; }

    /// <summary>The code the submitter follows the item by (with <see cref="Secret"/>), e.g. <c>PA-260302-7KQM</c>.</summary>
    public string Code { get; private set; }

    public string Secret { get; private set; }

    public FeedbackKind Kind { get; private set; }

    public FeedbackCategory Category { get; private set; }

    public string Subject { get; private set; }

    public string Content { get; private set; }

    /// <summary>The dossier the feedback is about, if any (the submitter proved they hold it with its secret).</summary>
    public Guid? DossierId { get; private set; }

    public string? DossierNumber { get; private set; }

    public string? SubmitterName { get; private set; }

    public PhoneNumber? SubmitterPhone { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>The handling due date: 15 working days from receipt (the answer's limit).</summary>
    public DateTimeOffset DueAt { get; private set; }

    public FeedbackStatus Status { get; private set; }

    public string? AssigneeId { get; private set; }

    /// <summary>The latest text sent to the submitter: the answer, the reason for refusing, or the question.</summary>
    public string? Response { get; private set; }

    /// <summary>When the handling clock stopped: the first of answered, refused, more information requested.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>How the handling clock stopped; chooses the time limit the item is judged by.</summary>
    public FeedbackOutcome? Outcome { get; private set; }

    /// <summary>Early, on time or late, fixed when the clock stopped.</summary>
    public Timeliness? Timeliness { get; private set; }

    /// <summary>The submitter's verdict on the answer: satisfied or not; null until they give it.</summary>
    public bool? SubmitterSatisfied { get; private set; }

    public DateTimeOffset? RatedAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<FeedbackStep> Steps => _steps;

    public bool IsOpen => EndedAt is null;

    /// <summary>Whether the submitter may say if they are satisfied: once answered or refused.</summary>
    public bool CanBeRated => Status is FeedbackStatus.Answered or FeedbackStatus.Refused;

    public static Feedback Submit(FeedbackSubmission submission, DateTimeOffset now, WorkingCalendar calendar, FeedbackTimeLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!Enum.IsDefined(submission.Kind))
        {
            throw new DomainRuleException("feedback.kind-invalid", "The kind is complaint or recommendation.", RuleKind.Invalid);
        }

        if (submission.Secret is not { Length: >= 6 and <= 32 } || submission.Code is not { Length: >= 6 and <= 32 })
        {
            throw new DomainRuleException("feedback.code-invalid", "The code and secret are 6–32 characters.");
        }

        var feedback = new Feedback
        {
            Id = Guid.NewGuid(),
            UnitId = submission.UnitId,
            Code = submission.Code,
            Secret = submission.Secret,
            Kind = submission.Kind,
            Category = FeedbackCategory.Unclassified,
            Subject = Required(submission.Subject, MaxSubjectLength, "feedback.subject-invalid", "The subject"),
            Content = Required(submission.Content, MaxContentLength, "feedback.content-invalid", "The content"),
            DossierId = submission.DossierId,
            DossierNumber = submission.DossierNumber,
            SubmitterName = DossierRating.CleanText(submission.SubmitterName, MaxNameLength, "feedback.name-invalid", "The name"),
            SubmitterPhone = submission.SubmitterPhone,
            ReceivedAt = now,
            DueAt = FeedbackDeadline.DueAt(calendar, now, FeedbackOutcome.Handled, limits),
            Status = FeedbackStatus.Received,
            Version = 1,
        };
        if (feedback.SubmitterName?.Contains('\n', StringComparison.Ordinal) == true)
        {
            throw new DomainRuleException("feedback.name-invalid", "The name is one line.", RuleKind.Invalid);
        }

        feedback.Record(now, FeedbackAction.Submit, Actors.Citizen, null);
        return feedback;
    }

    public void Apply(FeedbackCommand command, DateTimeOffset now, WorkingCalendar calendar, FeedbackTimeLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(calendar);
        if (command.ExpectedVersion != Version)
        {
            throw new DomainRuleException("feedback.version-conflict",
                $"Feedback {Code} has changed since version {command.ExpectedVersion} (it is now at version {Version}); reload it and try again.", RuleKind.Conflict);
        }

        if (!AllowedFrom.TryGetValue(command.Action, out var from))
        {
            throw new DomainRuleException("feedback.action-invalid", $"'{command.Action}' is not a staff action on feedback.", RuleKind.Invalid);
        }

        if (!from.Contains(Status))
        {
            throw new DomainRuleException("feedback.transition-forbidden", $"Feedback that is {Status} cannot be given the action {command.Action}.");
        }

        var text = DossierRating.CleanText(command.Text, MaxTextLength, "feedback.text-invalid", "The text");
        switch (command.Action)
        {
            case FeedbackAction.Classify:
                if (command.Kind is { } kind && !Enum.IsDefined(kind))
                {
                    throw new DomainRuleException("feedback.kind-invalid", "The kind is complaint or recommendation.", RuleKind.Invalid);
                }

                if (command.Category is not { } category || category == FeedbackCategory.Unclassified || !Enum.IsDefined(category))
                {
                    throw new DomainRuleException("feedback.category-required", "Choose what the feedback is about.", RuleKind.Invalid);
                }

                Kind = command.Kind ?? Kind;
                Category = category;
                break;
            case FeedbackAction.Assign:
                if (string.IsNullOrWhiteSpace(command.AssigneeId))
                {
                    throw new DomainRuleException("feedback.assignee-required", "Choose the officer who handles it.", RuleKind.Invalid);
                }

                AssigneeId = command.AssigneeId.Trim();
                if (Status == FeedbackStatus.Received)
                {
                    Status = FeedbackStatus.InProgress;
                }

                break;
            case FeedbackAction.Answer:
                Stop(FeedbackOutcome.Handled, RequireText(text, "The answer"), FeedbackStatus.Answered, now, calendar, limits);
                break;
            case FeedbackAction.Refuse:
                Stop(FeedbackOutcome.Refused, RequireText(text, "The reason"), FeedbackStatus.Refused, now, calendar, limits);
                break;
            case FeedbackAction.RequestInformation:
                Stop(FeedbackOutcome.SupplementRequested, RequireText(text, "The question"), FeedbackStatus.InformationRequested, now, calendar, limits);
                break;
            case FeedbackAction.InformationReceived:
                Status = FeedbackStatus.InProgress;
                break;
        }

        Version++;
        Record(now, command.Action, command.ActorId, command.Action == FeedbackAction.Assign ? AssigneeId : text);
    }

    /// <summary>The submitter says whether the answer satisfies them; saying it again replaces it.</summary>
    public void Rate(bool satisfied, DateTimeOffset now)
    {
        if (!CanBeRated)
        {
            throw new DomainRuleException("feedback.not-answered", "The answer can be rated once it is given.");
        }

        SubmitterSatisfied = satisfied;
        RatedAt = now;
        Version++;
        Record(now, FeedbackAction.Rate, Actors.Citizen, null);
    }

    /// <summary>Removes the submitter's name and phone (retention over, or at their request); the item and its outcome stay.</summary>
    public bool AnonymiseSubmitter()
    {
        if (SubmitterName is null && SubmitterPhone is null)
        {
            return false;
        }

        SubmitterName = null;
        SubmitterPhone = null;
        Version++;
        return true;
    }

    private void Stop(FeedbackOutcome outcome, string text, FeedbackStatus status, DateTimeOffset now, WorkingCalendar calendar, FeedbackTimeLimits? limits)
    {
        if (EndedAt is null)
        {
            EndedAt = now;
            Outcome = outcome;
            Timeliness = FeedbackDeadline.Classify(calendar, ReceivedAt, outcome, now, limits);
        }

        Response = text;
        Status = status;
    }

    private void Record(DateTimeOffset at, FeedbackAction action, string actorId, string? text) =>
        _steps = [.. _steps, new FeedbackStep(at, action, actorId, text, Status)];

    private static string RequireText(string? text, string what) => text
        ?? throw new DomainRuleException("feedback.text-required", $"{what} is required: it is sent to the submitter.", RuleKind.Invalid);

    private static string Required(string? text, int max, string code, string what) =>
        DossierRating.CleanText(text, max, code, what) ?? throw new DomainRuleException(code, $"{what} is required.", RuleKind.Invalid);
}
