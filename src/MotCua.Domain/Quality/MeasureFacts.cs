using MotCua.Domain.Calendar;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using K = MotCua.Domain.Quality.IndexMeasureKeys;

namespace MotCua.Domain.Quality;

/// <summary>Whether a set of facts describes a dossier or a feedback item.</summary>
public enum FactSubject
{
    Dossier = 1,
    Feedback = 2,
}

/// <summary>Bits of <see cref="MeasureFacts.Traits"/>.</summary>
[Flags]
public enum FactTraits
{
    None = 0,
    Early = 1 << 0,
    OnTime = 1 << 1,

    /// <summary>Ended late (a dossier: after its due time, or with more than one supplement request; feedback: past the limit of its outcome).</summary>
    EndedLate = 1 << 2,
    Open = 1 << 3,
    ComplaintOrDislike = 1 << 4,
    ChannelCounter = 1 << 5,
    ChannelOnline = 1 << 6,
    ChannelPost = 1 << 7,
    WithFee = 1 << 8,
    Completed = 1 << 9,
    Rated = 1 << 10,
    Liked = 1 << 11,
    Disliked = 1 << 12,
    Satisfied = 1 << 13,
    Dissatisfied = 1 << 14,
}

/// <summary>The state of a dossier that its Index 766 measures depend on, read from the database in one projection.</summary>
/// <param name="Papers">How many papers were handed in.</param>
/// <param name="Attachments">How many scanned files are attached.</param>
/// <param name="FeeCharged">Whether the procedure version it was received under charges a fee (<see cref="Fee.IsCharged"/>).</param>
/// <param name="HasFeedback">Whether at least one complaint or recommendation names this dossier.</param>
public sealed record DossierMeasureInput(
    Guid Id,
    Guid UnitId,
    DossierStatus Status,
    Channel Channel,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? PausedAt,
    DateTimeOffset? EndedAt,
    int SupplementRequestCount,
    int Papers,
    int Attachments,
    bool FeeCharged,
    bool? RatingSatisfied,
    RatingAnswers? RatingAnswers,
    bool HasFeedback);

/// <summary>The state of a feedback item that its measures depend on.</summary>
public sealed record FeedbackMeasureInput(
    Guid Id,
    Guid UnitId,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? EndedAt,
    Timeliness? Timeliness,
    bool? SubmitterSatisfied);

/// <summary>
/// What one dossier or feedback item counts for in its unit's Index 766: its cohort day (the Vietnam-local day its
/// clock started), what it adds to each measure, and, while it is open, the instant from which it counts as overdue.
/// The summaries are the sums of these facts; keeping them equal to a recompute means applying
/// <c>new facts − stored facts</c> whenever a subject changes.
/// </summary>
/// <remarks>
/// <para><b>Time and open items.</b> Everything here is fixed by the stored state except one thing: an open item
/// becomes overdue when time passes its due date, with no change to any record. So the facts do not say "overdue";
/// they carry <see cref="OverdueFrom"/>, and a reader counts an open item as overdue when
/// <c>OverdueFrom &lt; asOf</c>. Every period is read as of the moment of reading (a past month keeps moving while
/// its dossiers are open), and the measures of a dossier are its state now, not its state at the end of its month.</para>
/// <para><b>Dossiers</b> (the cohort of <see cref="IndexMeasureKeys"/>): those whose legal clock started (received,
/// or accepted when filed online) and that have a legal time limit; declined ones (not accepted, state 3) and
/// assisted services without a limit are left out. An open dossier is overdue from its due time, unless it waits on
/// a supplement requested before that time (the clock is stopped: the same rule as the work queue's overdue list).
/// More than one supplement request makes a dossier late when it ends, not before.</para>
/// <para><b>Feedback</b>: every item received; open ones are overdue past the 15-working-day handling limit.</para>
/// </remarks>
public sealed record MeasureFacts(
    FactSubject Subject,
    Guid SubjectId,
    Guid UnitId,
    DateOnly CohortDay,
    FactTraits Traits,
    int Components = 0,
    int DigitisedComponents = 0,
    int? Guidance = null,
    int? Attitude = null,
    int? Speed = null,
    DateTimeOffset? OverdueFrom = null)
{
    /// <summary>Measures kept in the summaries beside the engine's (<see cref="IndexMeasureKeys"/>), for the dashboard.</summary>
    public static class Extra
    {
        public const string DossiersOpen = "dossiers.open";
        public const string RatingsReceived = "ratings.received";
        public const string RatingsLiked = "ratings.liked";
        public const string RatingsDisliked = "ratings.disliked";
        public const string GuidanceSum = "ratings.guidance.sum";
        public const string GuidanceCount = "ratings.guidance.count";
        public const string AttitudeSum = "ratings.attitude.sum";
        public const string AttitudeCount = "ratings.attitude.count";
        public const string SpeedSum = "ratings.speed.sum";
        public const string SpeedCount = "ratings.speed.count";
        public const string FeedbackOpen = "feedback.open";
        public const string FeedbackLate = "feedback.late";
        public const string FeedbackSatisfied = "feedback.satisfied";
        public const string FeedbackDissatisfied = "feedback.dissatisfied";

        /// <summary>Open items past their due date at the moment of reading (not stored: counted from <see cref="OverdueFrom"/>).</summary>
        public const string DossiersOpenOverdue = "dossiers.openOverdue";

        public const string FeedbackOpenOverdue = "feedback.openOverdue";
    }

    /// <summary>Measure keys MotCua produces from its own records; the others are left out of the counts ("not measured here").</summary>
    public static IReadOnlyList<string> MeasuredKeys { get; } =
    [
        K.DossiersReceived, K.DossiersEarly, K.DossiersOnTime, K.DossiersOverdue, K.DossiersWithComplaintOrDislike,
        K.DossiersByChannelCounter, K.DossiersByChannelOnline, K.DossiersByChannelPost, K.DossiersWithFee, K.DossiersCompleted,
        K.DossierComponents, K.DossierDigitisedComponents, K.FeedbackReceived, K.FeedbackHandledOnTime, K.FeedbackDissatisfiedOrLate,
    ];

    /// <summary>Every key the summaries and the open clocks produce: the measured ones and <see cref="Extra"/>.</summary>
    public static IReadOnlyList<string> AllKeys { get; } =
    [
        .. MeasuredKeys,
        Extra.DossiersOpen, Extra.DossiersOpenOverdue, Extra.RatingsReceived, Extra.RatingsLiked, Extra.RatingsDisliked,
        Extra.GuidanceSum, Extra.GuidanceCount, Extra.AttitudeSum, Extra.AttitudeCount, Extra.SpeedSum, Extra.SpeedCount,
        Extra.FeedbackOpen, Extra.FeedbackOpenOverdue, Extra.FeedbackLate, Extra.FeedbackSatisfied, Extra.FeedbackDissatisfied,
    ];

    /// <summary>The facts of a dossier, or null when it is not in any cohort (not received, declined, no legal time limit).</summary>
    public static MeasureFacts? ForDossier(DossierMeasureInput d)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (d.ReceivedAt is not { } received || d.DueAt is not { } due || d.Status == DossierStatus.NotAccepted)
        {
            return null;
        }

        var flags = FactTraits.None;
        DateTimeOffset? overdueFrom = null;
        if (d.EndedAt is { } ended)
        {
            // A dossier's supplement pause always closes before it ends (withdrawn and stopped close it), so its due
            // date is final here: the portal's early / on time / late, late whatever the dates after two requests.
            var timeliness = d.SupplementRequestCount > 1 ? Timeliness.Late : Deadline.Classify(ended, due);
            flags |= timeliness switch
            {
                Timeliness.Early => FactTraits.Early,
                Timeliness.OnTime => FactTraits.OnTime,
                _ => FactTraits.EndedLate,
            };
        }
        else
        {
            flags |= FactTraits.Open;
            if (d.PausedAt is not { } paused || paused > due)
            {
                overdueFrom = due;
            }
        }

        flags |= d.Channel switch
        {
            Channel.Online => FactTraits.ChannelOnline,
            Channel.Post => FactTraits.ChannelPost,
            _ => FactTraits.ChannelCounter,
        };
        if (d.FeeCharged)
        {
            flags |= FactTraits.WithFee;
        }

        if (d.Status is DossierStatus.Processed or DossierStatus.ResultReturned)
        {
            flags |= FactTraits.Completed;
        }

        if (d.RatingSatisfied is { } satisfied)
        {
            flags |= FactTraits.Rated | (satisfied ? FactTraits.Liked : FactTraits.Disliked);
        }

        if (d.HasFeedback || d.RatingSatisfied == false)
        {
            flags |= FactTraits.ComplaintOrDislike;
        }

        var answers = d.RatingSatisfied is null ? null : d.RatingAnswers;
        return new MeasureFacts(
            FactSubject.Dossier, d.Id, d.UnitId, WorkingCalendar.LocalDate(received), flags,
            Math.Max(0, d.Papers), Math.Clamp(d.Attachments, 0, Math.Max(0, d.Papers)),
            answers?.Guidance, answers?.Attitude, answers?.Speed, overdueFrom);
    }

    /// <summary>The facts of a feedback item: every item received counts in the cohort of its receipt day.</summary>
    public static MeasureFacts ForFeedback(FeedbackMeasureInput f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var flags = FactTraits.None;
        DateTimeOffset? overdueFrom = null;
        if (f.EndedAt is null)
        {
            flags |= FactTraits.Open;
            overdueFrom = f.DueAt;
        }
        else
        {
            flags |= f.Timeliness switch
            {
                Timeliness.Early => FactTraits.Early,
                Timeliness.OnTime => FactTraits.OnTime,
                _ => FactTraits.EndedLate,
            };
        }

        if (f.SubmitterSatisfied is { } satisfied)
        {
            flags |= satisfied ? FactTraits.Satisfied : FactTraits.Dissatisfied;
        }

        return new MeasureFacts(FactSubject.Feedback, f.Id, f.UnitId, WorkingCalendar.LocalDate(f.ReceivedAt), flags, OverdueFrom: overdueFrom);
    }

    /// <summary>What these facts add to each summary measure (zeros left out). Open items' overdue is not here: see <see cref="OverdueFrom"/>.</summary>
    public IEnumerable<KeyValuePair<string, long>> Counts()
    {
        bool Has(FactTraits f) => (Traits & f) != 0;
        IEnumerable<(string Key, long Value)> All()
        {
            if (Subject == FactSubject.Dossier)
            {
                yield return (K.DossiersReceived, 1);
                yield return (K.DossiersEarly, Has(FactTraits.Early) ? 1 : 0);
                yield return (K.DossiersOnTime, Has(FactTraits.OnTime) ? 1 : 0);
                yield return (K.DossiersOverdue, Has(FactTraits.EndedLate) ? 1 : 0);
                yield return (Extra.DossiersOpen, Has(FactTraits.Open) ? 1 : 0);
                yield return (K.DossiersWithComplaintOrDislike, Has(FactTraits.ComplaintOrDislike) ? 1 : 0);
                yield return (K.DossiersByChannelCounter, Has(FactTraits.ChannelCounter) ? 1 : 0);
                yield return (K.DossiersByChannelOnline, Has(FactTraits.ChannelOnline) ? 1 : 0);
                yield return (K.DossiersByChannelPost, Has(FactTraits.ChannelPost) ? 1 : 0);
                yield return (K.DossiersWithFee, Has(FactTraits.WithFee) ? 1 : 0);
                yield return (K.DossiersCompleted, Has(FactTraits.Completed) ? 1 : 0);
                yield return (K.DossierComponents, Components);
                yield return (K.DossierDigitisedComponents, DigitisedComponents);
                yield return (Extra.RatingsReceived, Has(FactTraits.Rated) ? 1 : 0);
                yield return (Extra.RatingsLiked, Has(FactTraits.Liked) ? 1 : 0);
                yield return (Extra.RatingsDisliked, Has(FactTraits.Disliked) ? 1 : 0);
                yield return (Extra.GuidanceSum, Guidance ?? 0);
                yield return (Extra.GuidanceCount, Guidance is null ? 0 : 1);
                yield return (Extra.AttitudeSum, Attitude ?? 0);
                yield return (Extra.AttitudeCount, Attitude is null ? 0 : 1);
                yield return (Extra.SpeedSum, Speed ?? 0);
                yield return (Extra.SpeedCount, Speed is null ? 0 : 1);
            }
            else
            {
                var late = Has(FactTraits.EndedLate);
                yield return (K.FeedbackReceived, 1);
                yield return (K.FeedbackHandledOnTime, Has(FactTraits.Early) || Has(FactTraits.OnTime) ? 1 : 0);
                yield return (K.FeedbackDissatisfiedOrLate, late || Has(FactTraits.Dissatisfied) ? 1 : 0);
                yield return (Extra.FeedbackOpen, Has(FactTraits.Open) ? 1 : 0);
                yield return (Extra.FeedbackLate, late ? 1 : 0);
                yield return (Extra.FeedbackSatisfied, Has(FactTraits.Satisfied) ? 1 : 0);
                yield return (Extra.FeedbackDissatisfied, Has(FactTraits.Dissatisfied) ? 1 : 0);
            }
        }

        return All().Where(c => c.Value != 0).Select(c => KeyValuePair.Create(c.Key, c.Value));
    }
}
