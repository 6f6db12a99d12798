using MotCua.Domain.Calendar;
using MotCua.Domain.Quality;
using K = MotCua.Domain.Quality.IndexMeasureKeys;

namespace MotCua.Domain.Tests.Quality;

/// <summary>One commune's hand-computed period, every figure chosen so the expected points are exact.</summary>
internal static class QualityFixtures
{
    /// <summary>
    /// Expected with <see cref="AllExternals"/>: publicity 6 + 4 + 7.50 = 17.50; progress (1200 + 33) ÷ 1250 × 20 = 19.73;
    /// online 430 ÷ 1250 = 34.4% → 34.4 ÷ 50 × 12 = 8.26; payment 50 ÷ 200 × 10 = 2.50; satisfaction 6 + 5.50 + 5.00 = 16.50;
    /// digitisation 4.50 + 3.60 + 1.00 + 2.40 + 2.00 + 1.91 + 0.20 = 15.61; total 80.10.
    /// </summary>
    public static Dictionary<string, long> Commune() => new()
    {
        [K.DossiersReceived] = 1250,
        [K.DossiersEarly] = 1200,
        [K.DossiersOnTime] = 33,
        [K.DossiersOverdue] = 17,
        [K.DossiersWithComplaintOrDislike] = 20,
        [K.DossiersByChannelCounter] = 800,
        [K.DossiersByChannelOnline] = 430,
        [K.DossiersByChannelPost] = 20,
        [K.DossiersWithFee] = 200,
        [K.DossiersPaidOnline] = 50,
        [K.DossiersSyncedToNationalPortal] = 1250,
        [K.DossiersCompleted] = 1200,
        [K.DossiersElectronicResult] = 900,
        [K.DossierComponents] = 3000,
        [K.DossierDigitisedComponents] = 2700,
        [K.DossiersReusingDigitisedData] = 500,
        [K.FeedbackReceived] = 12,
        [K.FeedbackHandledOnTime] = 11,
        [K.FeedbackDissatisfiedOrLate] = 2,
    };

    /// <summary>External values worth 4 + 7.50 + 2.40 + 2 + 1.91 + 0.20 = 18.01 points.</summary>
    public static Dictionary<string, ExternalValue> AllExternals() => new()
    {
        ["publicity.proceduresPublishedOnTime"] = ExternalValue.Percent(100, "Cổng DVCQG, 30/11/2025"),
        ["publicity.otherCriteria"] = ExternalValue.Points(7.5m),
        ["digitisation.personalDataStore"] = ExternalValue.Percent(60),
        ["digitisation.populationDataUse"] = ExternalValue.Points(2),
        ["digitisation.populationLinkedProcedures"] = ExternalValue.Percent(95.5m),
        ["digitisation.electronicCertifiedCopies"] = ExternalValue.Percent(10),
    };

    public static IndexResult Compute(Dictionary<string, long> counts, Dictionary<string, ExternalValue>? externals = null, IndexDefinition? definition = null) =>
        IndexEngine.Compute(
            definition ?? IndexDefinition.Default,
            new IndexMeasures(counts),
            externals is null ? ExternalValues.Empty : new ExternalValues(externals));

    /// <summary>One group with one External indicator worth <paramref name="max"/>: the total is whatever points are configured.</summary>
    public static IndexDefinition SingleExternal(decimal max = 100, string id = "test") => new(
        id,
        new LocalizedText("Thử"),
        [
            new IndexGroupDefinition("all", new LocalizedText("Tất cả"), max,
                [IndicatorDefinition.External("all.score", new LocalizedText("Điểm"), max, new LocalizedText("Nhập tay"))]),
        ],
        IndexDefinition.Default.Bands,
        IndexRounding.Portal);

    public static IndexResult Scored(decimal points, string id = "test") =>
        IndexEngine.Compute(
            SingleExternal(id: id),
            IndexMeasures.Empty,
            new ExternalValues(new Dictionary<string, ExternalValue> { ["all.score"] = ExternalValue.Points(points) }));
}
