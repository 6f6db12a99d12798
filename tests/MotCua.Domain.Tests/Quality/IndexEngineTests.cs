using System.Globalization;
using MotCua.Domain.Calendar;
using MotCua.Domain.Quality;
using static MotCua.Domain.Tests.Quality.QualityFixtures;
using K = MotCua.Domain.Quality.IndexMeasureKeys;

namespace MotCua.Domain.Tests.Quality;

public sealed class IndexEngineTests
{
    [Fact]
    public void Compute_ProcessingProgressPortalFigure_9864PercentScores1973Of20()
    {
        // Portal: 98.64% early or on time → 19.73 of 20. 1233 ÷ 1250 is exactly 98.64%; × 20 = 19.728.
        var counts = Commune();
        counts[K.DossiersEarly] = 1200;
        counts[K.DossiersOnTime] = 33;
        counts[K.DossiersReceived] = 1250;

        var progress = Compute(counts).Indicator("progress.earlyOrOnTime");

        Assert.Equal(IndicatorStatus.Measured, progress.Status);
        Assert.Equal(19.73m, progress.Score);
        Assert.Equal(0.9864m, progress.Ratio);
        Assert.Equal(1233, progress.Numerator);
        Assert.Equal(1250, progress.Denominator);
        Assert.Equal("(1200 + 33) ÷ 1250 × 20 = 19.73", progress.Formula.En);
        Assert.Equal("(1200 + 33) ÷ 1250 × 20 = 19,73", progress.Formula.Vi);
    }

    [Fact]
    public void Compute_SatisfactionPortalFigure_8857PercentScores590Of6()
    {
        // Portal: satisfaction ratio 88.57% → 5.90 of 6. 100% − (50 + 30) ÷ 700 = 88.5714…%; ÷ 90% × 6 = 5.9048.
        var counts = Commune();
        counts[K.DossiersReceived] = 700;
        counts[K.DossiersOverdue] = 50;
        counts[K.DossiersWithComplaintOrDislike] = 30;

        var satisfaction = Compute(counts).Indicator("satisfaction.processing");

        Assert.Equal(5.90m, satisfaction.Score);
        Assert.Equal(88.57m, Math.Round(satisfaction.Ratio!.Value * 100, 2));
        Assert.Equal("100% − (50 ÷ 700 + 30 ÷ 700) = 88.57% < 90% → 88.57% ÷ 90% × 6 = 5.90", satisfaction.Formula.En);
        Assert.Equal("100% − (50 ÷ 700 + 30 ÷ 700) = 88,57% < 90% → 88,57% ÷ 90% × 6 = 5,90", satisfaction.Formula.Vi);
    }

    [Fact]
    public void Compute_SatisfactionExactly8857Percent_Scores590()
    {
        // 1143 of 10000 overdue or complained about: exactly 88.57%; 0.8857 ÷ 0.9 × 6 = 5.9047.
        var counts = Commune();
        counts[K.DossiersReceived] = 10000;
        counts[K.DossiersOverdue] = 1000;
        counts[K.DossiersWithComplaintOrDislike] = 143;

        Assert.Equal(5.90m, Compute(counts).Indicator("satisfaction.processing").Score);
    }

    [Fact]
    public void Compute_ProgressWithAnyCounts_FormulaShowsTheActualNumbers()
    {
        // 995 ÷ 1009 = 98.6125%; × 20 = 19.7225 → 19.72.
        var counts = Commune();
        counts[K.DossiersEarly] = 980;
        counts[K.DossiersOnTime] = 15;
        counts[K.DossiersReceived] = 1009;

        var progress = Compute(counts).Indicator("progress.earlyOrOnTime");

        Assert.Equal("(980 + 15) ÷ 1009 × 20 = 19.72", progress.Formula.En);
        Assert.Equal(19.72m, progress.Score);
    }

    [Fact]
    public void Compute_ScoreExactlyHalfwayAtTwoDecimals_RoundsHalfAwayFromZero()
    {
        // 789 ÷ 800 × 20 = 19.725 exactly.
        var counts = Commune();
        counts[K.DossiersEarly] = 789;
        counts[K.DossiersOnTime] = 0;
        counts[K.DossiersReceived] = 800;

        Assert.Equal(19.73m, Compute(counts).Indicator("progress.earlyOrOnTime").Score);
    }

    [Fact]
    public void Compute_RoundingConfiguredToEven_RoundsHalfToEven()
    {
        var counts = Commune();
        counts[K.DossiersEarly] = 789;
        counts[K.DossiersOnTime] = 0;
        counts[K.DossiersReceived] = 800;
        var definition = IndexDefinition.Default with { Rounding = new IndexRounding(2, 2, MidpointRounding.ToEven) };

        Assert.Equal(19.72m, Compute(counts, definition: definition).Indicator("progress.earlyOrOnTime").Score);
    }

    [Theory]
    [InlineData(100, 0, 6.00)] // 90% exactly: full
    [InlineData(50, 49, 6.00)] // 90.1%
    [InlineData(101, 0, 5.99)] // 89.9% ÷ 90% × 6 = 5.9933
    [InlineData(0, 0, 6.00)] // 100%
    [InlineData(200, 100, 4.67)] // 70% ÷ 90% × 6 = 4.6667
    public void Compute_SatisfactionAroundThe90PercentThreshold_FullAtOrAboveElseProportional(long overdue, long complained, decimal expected)
    {
        var counts = Commune();
        counts[K.DossiersReceived] = 1000;
        counts[K.DossiersOverdue] = overdue;
        counts[K.DossiersWithComplaintOrDislike] = complained;

        Assert.Equal(expected, Compute(counts).Indicator("satisfaction.processing").Score);
    }

    [Fact]
    public void Compute_SatisfactionAtThreshold_FormulaSaysFullPoints()
    {
        var counts = Commune();
        counts[K.DossiersReceived] = 1000;
        counts[K.DossiersOverdue] = 60;
        counts[K.DossiersWithComplaintOrDislike] = 40;

        var satisfaction = Compute(counts).Indicator("satisfaction.processing");

        Assert.Equal("100% − (60 ÷ 1000 + 40 ÷ 1000) = 90.00% ≥ 90% → full points 6.00", satisfaction.Formula.En);
        Assert.Equal("100% − (60 ÷ 1000 + 40 ÷ 1000) = 90,00% ≥ 90% → đạt tối đa 6,00", satisfaction.Formula.Vi);
    }

    [Fact]
    public void Compute_OverdueAndComplaintRatesAboveHundredPercent_FlooredAtZero()
    {
        var counts = Commune();
        counts[K.DossiersReceived] = 100;
        counts[K.DossiersOverdue] = 70;
        counts[K.DossiersWithComplaintOrDislike] = 50;

        var satisfaction = Compute(counts).Indicator("satisfaction.processing");

        Assert.Equal(0m, satisfaction.Score);
        Assert.Equal(0m, satisfaction.Ratio);
        Assert.True(satisfaction.IsCapped);
        Assert.Equal("100% − (70 ÷ 100 + 50 ÷ 100) < 0% → 0.00% < 90% → 0.00% ÷ 90% × 6 = 0.00", satisfaction.Formula.En);
    }

    [Theory]
    [InlineData(500, 500, 12.00)] // exactly 50%: full
    [InlineData(400, 600, 12.00)] // 60%
    [InlineData(501, 499, 11.98)] // 49.9% ÷ 50% × 12 = 11.976
    [InlineData(1000, 0, 0.00)]
    public void Compute_OnlineShareAroundThe50PercentThreshold_FullAtOrAboveElseProportional(long counter, long online, decimal expected)
    {
        var counts = Commune();
        counts[K.DossiersByChannelCounter] = counter;
        counts[K.DossiersByChannelOnline] = online;
        counts[K.DossiersByChannelPost] = 0;

        Assert.Equal(expected, Compute(counts).Indicator("onlineServices.onlineDossiers").Score);
    }

    [Fact]
    public void Compute_OnlineShareBelowThreshold_DenominatorAddsTheThreeChannels()
    {
        var online = Compute(Commune()).Indicator("onlineServices.onlineDossiers");

        Assert.Equal(430, online.Numerator);
        Assert.Equal(1250, online.Denominator);
        Assert.Equal(8.26m, online.Score);
        Assert.Equal("430 ÷ (800 + 430 + 20) = 34.40% < 50% → 34.40% ÷ 50% × 12 = 8.26", online.Formula.En);
    }

    [Fact]
    public void Compute_DataReuseAt80Percent_FullPoints()
    {
        var counts = Commune();
        counts[K.DossiersReusingDigitisedData] = 1000;

        Assert.Equal(2.00m, Compute(counts).Indicator("digitisation.dataReuse").Score);
    }

    [Fact]
    public void Compute_MorePaidOnlineThanWithFee_RatioCappedAt100Percent()
    {
        var counts = Commune();
        counts[K.DossiersWithFee] = 10;
        counts[K.DossiersPaidOnline] = 12;

        var payment = Compute(counts).Indicator("onlinePayment.paidOnline");

        Assert.Equal(10.00m, payment.Score);
        Assert.Equal(1.2m, payment.Ratio);
        Assert.True(payment.IsCapped);
        Assert.Equal("12 ÷ 10 = 120.00%, capped at 100% → 100% × 10 = 10.00", payment.Formula.En);
    }

    [Fact]
    public void Compute_NoDossiersReceived_NoDataScoresFullPointsByDefault()
    {
        var counts = IndexMeasureKeys.All.Keys.ToDictionary(k => k, _ => 0L);

        var result = Compute(counts);
        var progress = result.Indicator("progress.earlyOrOnTime");

        Assert.Equal(IndicatorStatus.NoData, progress.Status);
        Assert.Equal(20m, progress.Score);
        Assert.Null(progress.Ratio);
        Assert.Equal("(0 + 0) ÷ 0: nothing to judge → full points 20.00", progress.Formula.En);
        Assert.Equal("(0 + 0) ÷ 0: không có gì để đánh giá → đạt tối đa 20,00", progress.Formula.Vi);
        Assert.Equal(IndicatorStatus.NoData, result.Indicator("satisfaction.processing").Status);
        Assert.Equal(6m, result.Indicator("satisfaction.processing").Score);
        Assert.Equal(78m, result.Total);
        Assert.Equal(78m, result.MeasuredMax);
    }

    [Fact]
    public void Compute_NoDossierWithAFee_OnlinePaymentIsNoDataNotZero()
    {
        var counts = Commune();
        counts[K.DossiersWithFee] = 0;
        counts[K.DossiersPaidOnline] = 0;

        var payment = Compute(counts).Indicator("onlinePayment.paidOnline");

        Assert.Equal(IndicatorStatus.NoData, payment.Status);
        Assert.Equal(10m, payment.Score);
    }

    [Fact]
    public void Compute_NoFeedbackReceived_BothFeedbackIndicatorsNoDataFullPoints()
    {
        var counts = Commune();
        counts[K.FeedbackReceived] = 0;
        counts[K.FeedbackHandledOnTime] = 0;
        counts[K.FeedbackDissatisfiedOrLate] = 0;

        var result = Compute(counts);

        Assert.Equal(IndicatorStatus.NoData, result.Indicator("satisfaction.feedbackOnTime").Status);
        Assert.Equal(IndicatorStatus.NoData, result.Indicator("satisfaction.feedbackHandling").Status);
        Assert.Equal(18m, result.Group("satisfaction").Score);
        Assert.Equal("100% − 0 ÷ 0: nothing to judge → full points 6.00", result.Indicator("satisfaction.feedbackHandling").Formula.En);
    }

    [Fact]
    public void Compute_NoDataScoredZero_CountsZeroOutOfItsMaximum()
    {
        var counts = Commune();
        counts[K.DossiersWithFee] = 0;
        counts[K.DossiersPaidOnline] = 0;

        var result = Compute(counts, AllExternals(), IndexDefinition.Default with { NoData = NoDataScoring.Zero });
        var payment = result.Indicator("onlinePayment.paidOnline");

        Assert.Equal(IndicatorStatus.NoData, payment.Status);
        Assert.Equal(0m, payment.Score);
        Assert.Equal(100m, result.MeasuredMax);
        Assert.Equal("0 ÷ 0: nothing to judge → 0.00", payment.Formula.En);
    }

    [Fact]
    public void Compute_NoDataExcluded_LeftOutOfScoreAndMeasuredMaximum()
    {
        var counts = Commune();
        counts[K.DossiersWithFee] = 0;
        counts[K.DossiersPaidOnline] = 0;

        var result = Compute(counts, AllExternals(), IndexDefinition.Default with { NoData = NoDataScoring.Excluded });
        var payment = result.Indicator("onlinePayment.paidOnline");

        Assert.Null(payment.Score);
        Assert.False(payment.Counts);
        Assert.Equal(90m, result.MeasuredMax);
        Assert.Equal(77.60m, result.Total);
        Assert.Equal(86.22m, result.Percent); // 77.60 ÷ 90
        Assert.Equal("0 ÷ 0: nothing to judge → not counted", payment.Formula.En);
    }

    [Fact]
    public void Compute_ComplementWithOneEmptyRate_ThatRateTakesNothingAway()
    {
        var definition = new IndexDefinition(
            "test",
            new LocalizedText("Thử"),
            [
                new IndexGroupDefinition("g", new LocalizedText("G"), 6,
                [
                    IndicatorDefinition.Complement("g.c", new LocalizedText("C"), 6,
                        [new RateTerm(["a"], ["n"]), new RateTerm(["b"], ["m"])], 90),
                ]),
            ],
            [],
            IndexRounding.Portal);

        var result = Compute(new Dictionary<string, long> { ["a"] = 5, ["n"] = 100, ["b"] = 0, ["m"] = 0 }, definition: definition);
        var c = result.Indicator("g.c");

        Assert.Equal(IndicatorStatus.Measured, c.Status);
        Assert.Equal(6m, c.Score); // 95% ≥ 90%
        Assert.Equal("100% − (5 ÷ 100 + 0 ÷ 0 (no data, counts as 0%)) = 95.00% ≥ 90% → full points 6.00", c.Formula.En);
    }

    [Fact]
    public void Compute_FeedbackHandlingIsLinear_NoThreshold()
    {
        // 1 − 2 ÷ 12 = 83.33%; × 6 = 5.00.
        var handling = Compute(Commune()).Indicator("satisfaction.feedbackHandling");

        Assert.Equal(5.00m, handling.Score);
        Assert.Equal("100% − 2 ÷ 12 = 83.33% → 83.33% × 6 = 5.00", handling.Formula.En);
    }

    [Fact]
    public void Compute_MeasureKeyAbsent_IndicatorNotMeasuredAndLeftOutOfMaximum()
    {
        // A centre without an online payment integration leaves the key out rather than sending 0.
        var counts = Commune();
        counts.Remove(K.DossiersPaidOnline);

        var result = Compute(counts, AllExternals());
        var payment = result.Indicator("onlinePayment.paidOnline");

        Assert.Equal(IndicatorStatus.NotMeasured, payment.Status);
        Assert.Null(payment.Score);
        Assert.Equal([K.DossiersPaidOnline], payment.MissingMeasures);
        Assert.Equal("Not measured here: no figure for dossiers.paidOnline", payment.Formula.En);
        Assert.Equal(0m, result.Group("onlinePayment").Score);
        Assert.Equal(0m, result.Group("onlinePayment").MeasuredMax);
        Assert.Equal(90m, result.MeasuredMax);
        Assert.Equal(77.60m, result.Total);
    }

    [Fact]
    public void Compute_MeasureKeyPresentAsZero_ScoresZeroNotNotMeasured()
    {
        var counts = Commune();
        counts[K.DossiersPaidOnline] = 0;

        var payment = Compute(counts).Indicator("onlinePayment.paidOnline");

        Assert.Equal(IndicatorStatus.Measured, payment.Status);
        Assert.Equal(0m, payment.Score);
    }

    [Fact]
    public void Compute_ExternalWithoutValue_NotMeasuredNeverZeroOrFull()
    {
        var result = Compute(Commune());
        var store = result.Indicator("digitisation.personalDataStore");

        Assert.Equal(IndicatorStatus.NotMeasured, store.Status);
        Assert.Null(store.Score);
        Assert.False(store.Counts);
        Assert.Equal("Not measured here: no value configured for this period", store.Formula.En);
        Assert.Equal("Chưa đo tại đây: chưa nhập giá trị cho kỳ này", store.Formula.Vi);
    }

    [Fact]
    public void Compute_ExternalPercent_ScoredLinearlyWithSourceInFormula()
    {
        var result = Compute(Commune(), AllExternals());

        var published = result.Indicator("publicity.proceduresPublishedOnTime");
        Assert.Equal(IndicatorStatus.Measured, published.Status);
        Assert.Equal(4.00m, published.Score);
        Assert.Equal("Configured value (Cổng DVCQG, 30/11/2025): 100.00% → 100.00% × 4 = 4.00", published.Formula.En);

        var linked = result.Indicator("digitisation.populationLinkedProcedures");
        Assert.Equal(1.91m, linked.Score); // 95.5% × 2
        Assert.Equal("Giá trị nhập: 95,50% → 95,50% × 2 = 1,91", linked.Formula.Vi);
    }

    [Fact]
    public void Compute_ExternalPoints_UsedAsGiven()
    {
        var other = Compute(Commune(), AllExternals()).Indicator("publicity.otherCriteria");

        Assert.Equal(7.50m, other.Score);
        Assert.Equal("Configured value: 7.50 / 8", other.Formula.En);
    }

    [Fact]
    public void Compute_ExternalPercentWithThreshold_FullAtOrAbove()
    {
        var definition = IndexDefinition.Default with
        {
            Groups = IndexDefinition.Default.Groups
                .Select(g => g with
                {
                    Indicators = g.Indicators
                        .Select(i => i.Key == "digitisation.personalDataStore" ? i with { FullAtPercent = 50 } : i)
                        .ToList(),
                })
                .ToList(),
        };

        var store = Compute(Commune(), AllExternals(), definition).Indicator("digitisation.personalDataStore");

        Assert.Equal(4.00m, store.Score); // 60% ≥ 50%
        Assert.Equal("Configured value: 60.00% ≥ 50% → full points 4.00", store.Formula.En);
    }

    [Theory]
    [InlineData(ExternalValueKind.Percent, 100.01)]
    [InlineData(ExternalValueKind.Percent, -1)]
    [InlineData(ExternalValueKind.Points, 4.01)]
    [InlineData(ExternalValueKind.Points, -0.5)]
    public void Compute_ExternalValueOutOfRange_RejectedAsInvalidInput(ExternalValueKind kind, decimal value)
    {
        var externals = new Dictionary<string, ExternalValue> { ["digitisation.personalDataStore"] = new(kind, value) };

        var ex = Assert.Throws<DomainRuleException>(() => Compute(Commune(), externals));

        Assert.Equal("quality.external-invalid", ex.Code);
        Assert.Equal(RuleKind.Invalid, ex.Kind);
    }

    [Fact]
    public void Compute_EverythingMeasured_TotalAddsRoundedGroupScores()
    {
        var result = Compute(Commune(), AllExternals());

        Assert.Equal(17.50m, result.Group("publicity").Score);
        Assert.Equal(19.73m, result.Group("progress").Score);
        Assert.Equal(8.26m, result.Group("onlineServices").Score);
        Assert.Equal(2.50m, result.Group("onlinePayment").Score);
        Assert.Equal(16.50m, result.Group("satisfaction").Score);
        Assert.Equal(15.61m, result.Group("digitisation").Score);
        Assert.Equal(80.10m, result.Total);
        Assert.Equal(100m, result.MeasuredMax);
        Assert.Equal(100m, result.Max);
        Assert.True(result.IsComplete);
        Assert.Equal(80.10m, result.Percent);
        Assert.Equal("good", result.Band!.Key);
        Assert.Equal(IndexDefinition.DefaultId, result.DefinitionId);
    }

    [Fact]
    public void Compute_NoExternalValues_ReportsTotalOfMeasuredOutOf78()
    {
        // 80.10 − 18.01 external points; 22 points of External indicators are not measured here.
        var result = Compute(Commune());

        Assert.Equal(62.09m, result.Total);
        Assert.Equal(78m, result.MeasuredMax);
        Assert.False(result.IsComplete);
        Assert.Equal(79.60m, result.Percent); // 62.09 ÷ 78 = 79.6026%
        Assert.Equal("fair", result.Band!.Key);
        Assert.Equal(6m, result.Group("publicity").MeasuredMax);
        Assert.False(result.Group("publicity").IsComplete);
        Assert.True(result.Group("progress").IsComplete);
    }

    [Fact]
    public void Compute_NothingMeasuredAtAll_NoPercentNoBand()
    {
        var result = Compute([]);

        Assert.Equal(0m, result.Total);
        Assert.Equal(0m, result.MeasuredMax);
        Assert.Null(result.Percent);
        Assert.Null(result.Band);
        Assert.All(result.Groups.SelectMany(g => g.Indicators), i => Assert.Equal(IndicatorStatus.NotMeasured, i.Status));
    }

    [Fact]
    public void Compute_ExternalValueForUnknownOrComputedIndicator_ReportedAndIgnored()
    {
        var externals = AllExternals();
        externals["progress.earlyOrOnTime"] = ExternalValue.Points(20);
        externals["digitisation.personalDatastore"] = ExternalValue.Percent(100);

        var result = Compute(Commune(), externals);

        Assert.Equal(["digitisation.personalDatastore", "progress.earlyOrOnTime"], result.IgnoredExternalValues);
        Assert.Equal(19.73m, result.Indicator("progress.earlyOrOnTime").Score);
        Assert.Equal(80.10m, result.Total);
    }

    [Theory]
    [InlineData(90, "excellent")]
    [InlineData(89.99, "good")]
    [InlineData(80, "good")]
    [InlineData(79.99, "fair")]
    [InlineData(70, "fair")]
    [InlineData(69.99, "average")]
    [InlineData(50, "average")]
    [InlineData(49.99, "weak")]
    [InlineData(0, "weak")]
    [InlineData(100, "excellent")]
    public void Compute_TotalAtBandBoundary_FallsInTheBandItReaches(decimal points, string band)
    {
        var result = Scored(points);

        Assert.Equal(points, result.Total);
        Assert.Equal(band, result.Band!.Key);
    }

    [Fact]
    public void Compute_NegativeCount_RejectedAsInvalidInput()
    {
        var counts = Commune();
        counts[K.DossiersOverdue] = -1;

        var ex = Assert.Throws<DomainRuleException>(() => Compute(counts));

        Assert.Equal("quality.measure-invalid", ex.Code);
        Assert.Equal(RuleKind.Invalid, ex.Kind);
    }

    [Fact]
    public void Compute_InvalidDefinition_Rejected()
    {
        var definition = IndexDefinition.Default with { Groups = [IndexDefinition.Default.Groups[0] with { Max = 19 }] };

        var ex = Assert.Throws<DomainRuleException>(() => Compute(Commune(), definition: definition));

        Assert.Equal("quality.definition-invalid", ex.Code);
        Assert.Contains("publicity", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_Scores_CarryExactlyTwoDecimalsAsThePortalShows()
    {
        var counts = Commune();
        counts[K.DossiersWithFee] = 0;
        counts[K.DossiersPaidOnline] = 0;

        var result = Compute(counts);

        Assert.Equal("6.00", result.Indicator("satisfaction.processing").Score!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("10.00", result.Indicator("onlinePayment.paidOnline").Score!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("3.60", result.Indicator("digitisation.digitisedComponents").Score!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("69.59", result.Total.ToString(CultureInfo.InvariantCulture)); // 62.09 − 2.50 + 10.00 (no fee: full points)
        Assert.Equal("0.00", Compute([]).Total.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Compute_SameInputs_SameResult()
    {
        var first = Compute(Commune(), AllExternals());
        var second = Compute(Commune(), AllExternals());

        Assert.Equal(first.Total, second.Total);
        Assert.Equal(
            first.Groups.SelectMany(g => g.Indicators).Select(i => i.Formula.En),
            second.Groups.SelectMany(g => g.Indicators).Select(i => i.Formula.En));
    }
}
