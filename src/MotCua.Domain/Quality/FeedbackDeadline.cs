using System.Text.Json.Serialization;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;

namespace MotCua.Domain.Quality;

/// <summary>How the handling of a complaint or recommendation (phản ánh, kiến nghị, PAKN) ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FeedbackOutcome>))]
public enum FeedbackOutcome
{
    /// <summary>Processed and answered.</summary>
    Handled = 1,

    /// <summary>Refused (not accepted for handling, e.g. outside the unit's competence), with the reason given.</summary>
    Refused = 2,

    /// <summary>The submitter was asked for more information.</summary>
    SupplementRequested = 3,
}

/// <summary>
/// Time limits for feedback, in working days from receipt, as the national portal's Index 766 formula counts a PAKN
/// on time: handled within 15 working days, refused within 2, more information requested within 5.
/// </summary>
public sealed record FeedbackTimeLimits(int HandleWorkingDays = 15, int RefuseWorkingDays = 2, int SupplementWorkingDays = 5)
{
    public static FeedbackTimeLimits Default { get; } = new();

    public TimeLimit For(FeedbackOutcome outcome) => outcome switch
    {
        FeedbackOutcome.Handled => TimeLimit.WorkingDays(HandleWorkingDays),
        FeedbackOutcome.Refused => TimeLimit.WorkingDays(RefuseWorkingDays),
        FeedbackOutcome.SupplementRequested => TimeLimit.WorkingDays(SupplementWorkingDays),
        _ => throw new DomainRuleException("feedback.outcome-invalid", "Unknown feedback outcome.", RuleKind.Invalid),
    };
}

/// <summary>
/// Due dates and timeliness of feedback (PAKN). Working days are counted by the unit's <see cref="WorkingCalendar"/>
/// exactly as for dossiers (<see cref="WorkingCalendar.DueAt"/>: N whole working days of office time from receipt,
/// weekends, holidays and days in lieu skipped), and early / on time / late is <see cref="Deadline.Classify"/>.
/// </summary>
public static class FeedbackDeadline
{
    /// <summary>When feedback received at <paramref name="receivedAt"/> must reach <paramref name="outcome"/> to be on time.</summary>
    public static DateTimeOffset DueAt(WorkingCalendar calendar, DateTimeOffset receivedAt, FeedbackOutcome outcome, FeedbackTimeLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.DueAt(receivedAt, (limits ?? FeedbackTimeLimits.Default).For(outcome))
            ?? throw new DomainRuleException("feedback.no-time-limit", "Feedback always has a time limit.");
    }

    /// <summary>Early, on time or late, for feedback that ended with <paramref name="outcome"/> at <paramref name="endedAt"/>.</summary>
    public static Timeliness Classify(WorkingCalendar calendar, DateTimeOffset receivedAt, FeedbackOutcome outcome, DateTimeOffset endedAt, FeedbackTimeLimits? limits = null)
    {
        if (endedAt < receivedAt)
        {
            throw new DomainRuleException("feedback.ended-before-received", "Feedback cannot end before it was received.", RuleKind.Invalid);
        }

        return Deadline.Classify(endedAt, DueAt(calendar, receivedAt, outcome, limits));
    }

    /// <summary>Whether the feedback counts towards "handled on time" (early or on time).</summary>
    public static bool IsOnTime(WorkingCalendar calendar, DateTimeOffset receivedAt, FeedbackOutcome outcome, DateTimeOffset endedAt, FeedbackTimeLimits? limits = null) =>
        Classify(calendar, receivedAt, outcome, endedAt, limits) != Timeliness.Late;

    /// <summary>
    /// Whether feedback still open at <paramref name="asOf"/> is already late: past the handling limit (15 working
    /// days). A pending request for more information does not stop that clock here.
    /// </summary>
    public static bool IsOverdue(WorkingCalendar calendar, DateTimeOffset receivedAt, DateTimeOffset asOf, FeedbackTimeLimits? limits = null) =>
        asOf > DueAt(calendar, receivedAt, FeedbackOutcome.Handled, limits);
}
