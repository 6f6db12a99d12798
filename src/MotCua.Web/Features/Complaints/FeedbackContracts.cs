using MotCua.Domain.Dossiers;
using MotCua.Domain.Quality;

namespace MotCua.Web.Features.Complaints;

/// <param name="Unit">The commune's code; not needed when the feedback names a dossier (its unit is used).</param>
/// <param name="DossierNumber">Optional: the dossier the feedback is about, with <paramref name="DossierSecret"/> from its receipt.</param>
/// <param name="Name">Optional, personal data: only with <paramref name="Consent"/>.</param>
/// <param name="Phone">Optional, personal data: only with <paramref name="Consent"/>.</param>
/// <param name="Consent">The submitter agrees that the centre uses the name and phone number to answer them.</param>
public sealed record FeedbackRequest(
    FeedbackKind? Kind,
    string? Subject,
    string? Content,
    string? Unit = null,
    string? DossierNumber = null,
    string? DossierSecret = null,
    string? Name = null,
    string? Phone = null,
    bool? Consent = null);

/// <summary>What the submitter keeps: the code and secret to follow the item, and when it must be answered.</summary>
public sealed record FeedbackReceipt(string Code, string Secret, DateTimeOffset ReceivedAt, DateTimeOffset DueAt, string FollowUrl);

/// <param name="Secret">The secret given when the feedback was sent.</param>
/// <param name="Satisfied">Whether the answer satisfies the submitter.</param>
public sealed record FeedbackSatisfactionRequest(string? Secret, bool? Satisfied);

/// <summary>A step as the submitter sees it: what happened and what the centre wrote, never who.</summary>
public sealed record PublicFeedbackStep(DateTimeOffset At, FeedbackAction Action, string? Text);

public sealed record PublicFeedbackResponse(
    string Code,
    FeedbackKind Kind,
    string Subject,
    FeedbackStatus Status,
    string StatusText,
    string Unit,
    string UnitName,
    string? DossierNumber,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt,
    string? Response,
    bool CanRate,
    bool? Satisfied,
    IReadOnlyList<PublicFeedbackStep> Steps);

/// <param name="Version">The version of the item the officer saw; a stale one answers 409.</param>
/// <param name="Text">The answer, the reason for refusing, the question to the submitter, or a note of the information received.</param>
/// <param name="Assignee">For assign: the officer (user id) who handles it.</param>
public sealed record FeedbackActionRequest(FeedbackAction? Action, int? Version, string? Text = null, FeedbackKind? Kind = null, FeedbackCategory? Category = null, string? Assignee = null);

public sealed record FeedbackStepResponse(DateTimeOffset At, FeedbackAction Action, string Actor, string? Text, FeedbackStatus Status);

public sealed record FeedbackListItem(
    string Code,
    FeedbackKind Kind,
    FeedbackCategory Category,
    string Subject,
    FeedbackStatus Status,
    string? DossierNumber,
    string? SubmitterName,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt,
    bool Overdue,
    Timeliness? Timeliness,
    string? Assignee,
    bool? Satisfied,
    int Version);

public sealed record FeedbackPage(IReadOnlyList<FeedbackListItem> Items, int Page, int PageSize, int Total);

public sealed record FeedbackResponse(
    string Code,
    string Unit,
    FeedbackKind Kind,
    FeedbackCategory Category,
    string Subject,
    string Content,
    FeedbackStatus Status,
    string? DossierNumber,
    string? SubmitterName,
    string? SubmitterPhone,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? EndedAt,
    FeedbackOutcome? Outcome,
    Timeliness? Timeliness,
    bool Overdue,
    string? Assignee,
    string? Response,
    bool? Satisfied,
    int Version,
    IReadOnlyList<FeedbackAction> AllowedActions,
    IReadOnlyList<FeedbackStepResponse> Steps);
