namespace MotCua.Domain.Quality;

/// <summary>Whether MotCua can produce a measure from its own records.</summary>
public enum MeasureSource
{
    /// <summary>MotCua's own records are enough: dossiers, their events, channels, fees, papers, ratings, feedback.</summary>
    OwnData = 1,

    /// <summary>
    /// MotCua knows it only where the web layer records the outcome of an integration (payment gateway, national
    /// portal sync, digital signature). Where it does not, leave the key out of <see cref="IndexMeasures"/>: the
    /// indicator is then reported "not measured here" instead of scoring 0.
    /// </summary>
    OwnDataWithIntegration = 2,
}

/// <summary>
/// The named counts the Index 766 engine reads from <see cref="IndexMeasures"/>, for one unit and one period. The web
/// layer produces them from its summary tables; <see cref="IndexDefinition.Default"/> uses every one of them.
/// </summary>
/// <remarks>
/// <para>
/// <b>Dossier cohort</b> (every <c>dossiers.*</c> key): the unit's dossiers whose legal clock started (received, state 2)
/// on a Vietnam-local date within the period, each counted once, in the state they are in at the end of the period
/// (or at the moment of computing, for a period not yet over). Excluded: online registrations never accepted (they
/// were never received) and assisted services with no legal time limit (<c>TimeLimit.None</c>, e.g. help opening a
/// bank account), which are not administrative procedures. Numerators are subsets of their denominators.
/// </para>
/// <para>
/// <b>Feedback cohort</b> (every <c>feedback.*</c> key): complaints and recommendations (phản ánh, kiến nghị, PAKN)
/// received in the period that fall within the unit's competence, each counted once.
/// </para>
/// <para>A key that is absent means "not known"; a key present with 0 means "known to be none". They score differently.</para>
/// </remarks>
public static class IndexMeasureKeys
{
    /// <summary>Dossiers in the cohort. Denominator of processing progress, of both satisfaction rates and of data reuse.</summary>
    public const string DossiersReceived = "dossiers.received";

    /// <summary>
    /// Dossiers in the cohort whose processing ended (first of processed, returned, stopped/refused, withdrawn, not
    /// accepted) on a local day before the due date's day: <c>Deadline.Classify</c> gives Early. A dossier with more
    /// than one supplement request is late, never early.
    /// </summary>
    public const string DossiersEarly = "dossiers.early";

    /// <summary>Dossiers in the cohort that ended on the due date, at or before the due time (<c>Deadline.Classify</c> gives OnTime), with at most one supplement request.</summary>
    public const string DossiersOnTime = "dossiers.onTime";

    /// <summary>
    /// Dossiers in the cohort that ended late (<c>Deadline.Classify</c> gives Late, or more than one supplement
    /// request), or that are still open and past their due date at the end of the period. Each dossier once.
    /// </summary>
    public const string DossiersOverdue = "dossiers.overdue";

    /// <summary>Dossiers in the cohort about which the citizen filed at least one complaint (PAKN) or gave a "not satisfied" rating. Each dossier once.</summary>
    public const string DossiersWithComplaintOrDislike = "dossiers.withComplaintOrDislike";

    /// <summary>
    /// Dossiers in the cohort received in person: at the counter, at an outreach session or on a home visit. The
    /// national portal has one code (1, counter) for all receipt in person.
    /// </summary>
    public const string DossiersByChannelCounter = "dossiers.byChannel.counter";

    /// <summary>Dossiers in the cohort filed online (portal channel 2), including those a mobile team helped the citizen file online, once accepted.</summary>
    public const string DossiersByChannelOnline = "dossiers.byChannel.online";

    /// <summary>Dossiers in the cohort sent by post (portal channel 3).</summary>
    public const string DossiersByChannelPost = "dossiers.byChannel.post";

    /// <summary>Dossiers in the cohort that owe a fee or charge above zero under their procedure version, after exemptions (a free-if-on-time registration is not counted).</summary>
    public const string DossiersWithFee = "dossiers.withFee";

    /// <summary>Of <see cref="DossiersWithFee"/>, those paid through an online payment channel (the national portal's payment platform or a linked bank), not in cash at the counter.</summary>
    public const string DossiersPaidOnline = "dossiers.paidOnline";

    /// <summary>Dossiers in the cohort whose receipt and every status change so far the National Public Service Portal has acknowledged.</summary>
    public const string DossiersSyncedToNationalPortal = "dossiers.syncedToNationalPortal";

    /// <summary>Dossiers in the cohort that have a result: processed (state 9) or result returned (state 10).</summary>
    public const string DossiersCompleted = "dossiers.completed";

    /// <summary>Of <see cref="DossiersCompleted"/>, those whose result was issued as a digitally signed electronic document, with or without a paper copy.</summary>
    public const string DossiersElectronicResult = "dossiers.electronicResult";

    /// <summary>Papers (thành phần hồ sơ) handed in with the dossiers of the cohort: one per paper, not one per dossier.</summary>
    public const string DossierComponents = "dossiers.components";

    /// <summary>Of <see cref="DossierComponents"/>, the papers scanned or received electronically and attached to the dossier as files.</summary>
    public const string DossierDigitisedComponents = "dossiers.digitisedComponents";

    /// <summary>
    /// Dossiers in the cohort in which at least one paper was not asked for again because it was taken from data
    /// already digitised (an earlier dossier's scan or result).
    /// </summary>
    public const string DossiersReusingDigitisedData = "dossiers.reusingDigitisedData";

    /// <summary>Feedback (PAKN) in the feedback cohort.</summary>
    public const string FeedbackReceived = "feedback.received";

    /// <summary>
    /// Of <see cref="FeedbackReceived"/>, items whose handling ended early or on time under <see cref="FeedbackDeadline"/>:
    /// answered within 15 working days, refused within 2, more information requested within 5.
    /// </summary>
    public const string FeedbackHandledOnTime = "feedback.handledOnTime";

    /// <summary>
    /// Of <see cref="FeedbackReceived"/>, items whose submitter marked the answer "not satisfied", or that were
    /// handled late or are still open past their due date. Each item once.
    /// </summary>
    public const string FeedbackDissatisfiedOrLate = "feedback.dissatisfiedOrLate";

    /// <summary>Every key and whether MotCua can produce it from its own records.</summary>
    public static IReadOnlyDictionary<string, MeasureSource> All { get; } = new Dictionary<string, MeasureSource>(StringComparer.Ordinal)
    {
        [DossiersReceived] = MeasureSource.OwnData,
        [DossiersEarly] = MeasureSource.OwnData,
        [DossiersOnTime] = MeasureSource.OwnData,
        [DossiersOverdue] = MeasureSource.OwnData,
        [DossiersWithComplaintOrDislike] = MeasureSource.OwnData,
        [DossiersByChannelCounter] = MeasureSource.OwnData,
        [DossiersByChannelOnline] = MeasureSource.OwnData,
        [DossiersByChannelPost] = MeasureSource.OwnData,
        [DossiersWithFee] = MeasureSource.OwnData,
        [DossiersPaidOnline] = MeasureSource.OwnDataWithIntegration,
        [DossiersSyncedToNationalPortal] = MeasureSource.OwnDataWithIntegration,
        [DossiersCompleted] = MeasureSource.OwnData,
        [DossiersElectronicResult] = MeasureSource.OwnDataWithIntegration,
        [DossierComponents] = MeasureSource.OwnData,
        [DossierDigitisedComponents] = MeasureSource.OwnData,
        [DossiersReusingDigitisedData] = MeasureSource.OwnData,
        [FeedbackReceived] = MeasureSource.OwnData,
        [FeedbackHandledOnTime] = MeasureSource.OwnData,
        [FeedbackDissatisfiedOrLate] = MeasureSource.OwnData,
    };
}
