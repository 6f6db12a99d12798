using System.Text.Json;
using MotCua.Domain.Calendar;
using MotCua.Domain.Quality;
using static MotCua.Domain.Tests.Quality.QualityFixtures;

namespace MotCua.Domain.Tests.Quality;

public sealed class IndexDefinitionTests
{
    private static readonly IndexDefinition Default = IndexDefinition.Default;
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Default_Groups_MatchDecision766AndAddUpTo100()
    {
        Assert.Equal(
            [("publicity", 18m), ("progress", 20m), ("onlineServices", 12m), ("onlinePayment", 10m), ("satisfaction", 18m), ("digitisation", 22m)],
            Default.Groups.Select(g => (g.Key, g.Max)));
        Assert.Equal(100m, Default.Max);
    }

    [Fact]
    public void Default_EveryGroup_IndicatorWeightsAddUpToTheGroup()
    {
        Assert.All(Default.Groups, g => Assert.Equal(g.Max, g.Indicators.Sum(i => i.Max)));
        Assert.Equal(100m, Default.Groups.SelectMany(g => g.Indicators).Sum(i => i.Max));
    }

    [Fact]
    public void Default_SubIndicatorWeights_AreThoseOfDomainSection5()
    {
        decimal[] Weights(string group) => Default.Groups.Single(g => g.Key == group).Indicators.Select(i => i.Max).ToArray();

        Assert.Equal([6m, 4m, 8m], Weights("publicity"));
        Assert.Equal([20m], Weights("progress"));
        Assert.Equal([12m], Weights("onlineServices"));
        Assert.Equal([10m], Weights("onlinePayment"));
        Assert.Equal([6m, 6m, 6m], Weights("satisfaction"));
        Assert.Equal([6m, 4m, 2m, 4m, 2m, 2m, 2m], Weights("digitisation"));
    }

    [Fact]
    public void Default_Thresholds_OnlineAt50SatisfactionAt90ReuseAt80()
    {
        var indicators = Default.Groups.SelectMany(g => g.Indicators).ToDictionary(i => i.Key);

        Assert.Equal(50m, indicators["onlineServices.onlineDossiers"].FullAtPercent);
        Assert.Equal(IndicatorKind.RatioFullAt, indicators["onlineServices.onlineDossiers"].Kind);
        Assert.Equal(90m, indicators["satisfaction.processing"].FullAtPercent);
        Assert.Equal(IndicatorKind.Complement, indicators["satisfaction.processing"].Kind);
        Assert.Equal(80m, indicators["digitisation.dataReuse"].FullAtPercent);
        Assert.Null(indicators["progress.earlyOrOnTime"].FullAtPercent);
        Assert.Equal(IndicatorKind.Ratio, indicators["progress.earlyOrOnTime"].Kind);
    }

    [Fact]
    public void Default_ExternalIndicators_AreTheOnesOutsideMotCuaWorth22()
    {
        var external = Default.Groups.SelectMany(g => g.Indicators).Where(i => i.Kind == IndicatorKind.External).ToList();

        Assert.Equal(
            ["publicity.proceduresPublishedOnTime", "publicity.otherCriteria", "digitisation.personalDataStore",
             "digitisation.populationDataUse", "digitisation.populationLinkedProcedures", "digitisation.electronicCertifiedCopies"],
            external.Select(i => i.Key));
        Assert.Equal(22m, external.Sum(i => i.Max));
        Assert.All(external, i => Assert.NotNull(i.Description));
    }

    [Fact]
    public void Default_Validate_FindsNoProblem()
    {
        Assert.Empty(Default.Validate());
    }

    [Fact]
    public void Default_MeasureKeys_EveryKeyUsedIsDefinedAndEveryDefinedKeyIsUsed()
    {
        var used = Default.Groups
            .SelectMany(g => g.Indicators)
            .SelectMany(i => (i.Numerator ?? []).Concat(i.Denominator ?? []).Concat((i.Subtract ?? []).SelectMany(t => t.Numerator.Concat(t.Denominator))))
            .ToHashSet();

        Assert.Equal(IndexMeasureKeys.All.Keys.Order(), used.Order());
    }

    [Fact]
    public void MeasureKeys_IntegrationDependent_AreOnlinePaymentPortalSyncAndElectronicResult()
    {
        Assert.Equal(
            [IndexMeasureKeys.DossiersElectronicResult, IndexMeasureKeys.DossiersPaidOnline, IndexMeasureKeys.DossiersSyncedToNationalPortal],
            IndexMeasureKeys.All.Where(kv => kv.Value == MeasureSource.OwnDataWithIntegration).Select(kv => kv.Key).Order());
        Assert.Equal(19, IndexMeasureKeys.All.Count);
    }

    [Theory]
    [InlineData(100, "excellent")]
    [InlineData(90, "excellent")]
    [InlineData(89.99, "good")]
    [InlineData(80, "good")]
    [InlineData(79.99, "fair")]
    [InlineData(70, "fair")]
    [InlineData(69.99, "average")]
    [InlineData(50, "average")]
    [InlineData(49.99, "weak")]
    [InlineData(0, "weak")]
    public void BandFor_DefaultBands_BoundaryBelongsToTheHigherBand(decimal percent, string band)
    {
        Assert.Equal(band, Default.BandFor(percent)!.Key);
    }

    [Fact]
    public void BandFor_NoBandReached_Null()
    {
        var definition = Default with { Bands = [new IndexBand("top", 50, new LocalizedText("Cao"))] };

        Assert.Null(definition.BandFor(49.99m));
    }

    [Fact]
    public void Json_DefaultRoundTrip_SameJsonAndSameScores()
    {
        var json = JsonSerializer.Serialize(Default);
        var back = JsonSerializer.Deserialize<IndexDefinition>(json)!;

        Assert.Equal(json, JsonSerializer.Serialize(back));
        Assert.Contains("\"Kind\":\"RatioFullAt\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Mode\":\"AwayFromZero\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Max\":100", json, StringComparison.Ordinal);
        Assert.Empty(back.Validate());
        Assert.Equal(Compute(Commune(), AllExternals()).Total, Compute(Commune(), AllExternals(), back).Total);
        Assert.Equal(Compute(Commune()).Percent, Compute(Commune(), definition: back).Percent);
    }

    [Fact]
    public void Json_WebDefaultsRoundTrip_CamelCaseKeepsEveryValue()
    {
        var options = Web;

        var json = JsonSerializer.Serialize(Default, options);
        var back = JsonSerializer.Deserialize<IndexDefinition>(json, options)!;

        Assert.Contains("\"fullAtPercent\":50", json, StringComparison.Ordinal);
        Assert.Equal(json, JsonSerializer.Serialize(back, options));
        Assert.Equal(Default.NoData, back.NoData);
        Assert.Equal(Default.Rounding, back.Rounding);
        Assert.Equal(Default.Bands.Select(b => (b.Key, b.MinPercent)), back.Bands.Select(b => (b.Key, b.MinPercent)));
        Assert.Equal(
            Default.Groups.SelectMany(g => g.Indicators).Select(i => (i.Key, i.Kind, i.Max, i.FullAtPercent, i.Name.En)),
            back.Groups.SelectMany(g => g.Indicators).Select(i => (i.Key, i.Kind, i.Max, i.FullAtPercent, i.Name.En)));
    }

    [Fact]
    public void Json_HandWrittenOverride_SplitsOnlineServicesIntoConfiguredSubWeights()
    {
        // A province's override for one period: online services 12 = 8 for online dossiers (full at ≥ 50%)
        // + 4 for procedures offered fully online, a figure from the provincial system.
        const string json = """
            {
              "id": "qd766-2022-lc-2026q1",
              "name": { "vi": "Chỉ số 766 (Lào Cai, quý I/2026)" },
              "groups": [
                {
                  "key": "onlineServices",
                  "name": { "vi": "Cung cấp dịch vụ trực tuyến", "en": "Online public services" },
                  "max": 12,
                  "indicators": [
                    { "key": "onlineServices.onlineDossiers", "name": { "vi": "Hồ sơ trực tuyến" }, "kind": "RatioFullAt", "max": 8,
                      "numerator": ["dossiers.byChannel.online"],
                      "denominator": ["dossiers.byChannel.counter", "dossiers.byChannel.online", "dossiers.byChannel.post"],
                      "fullAtPercent": 50 },
                    { "key": "onlineServices.proceduresOnline", "name": { "vi": "TTHC cung cấp trực tuyến toàn trình" }, "kind": "External", "max": 4 }
                  ]
                }
              ],
              "bands": [ { "key": "good", "minPercent": 80, "name": { "vi": "Tốt" } }, { "key": "weak", "minPercent": 0, "name": { "vi": "Yếu" } } ],
              "rounding": { "scoreDecimals": 2, "percentDecimals": 2, "mode": "AwayFromZero" },
              "noData": "FullPoints"
            }
            """;

        var definition = JsonSerializer.Deserialize<IndexDefinition>(json, Web)!;
        var result = Compute(
            Commune(),
            new Dictionary<string, ExternalValue> { ["onlineServices.proceduresOnline"] = ExternalValue.Percent(75) },
            definition);

        Assert.Empty(definition.Validate());
        Assert.Equal(12m, definition.Max);
        Assert.Equal(5.50m, result.Indicator("onlineServices.onlineDossiers").Score); // 34.4% ÷ 50% × 8 = 5.504
        Assert.Equal(3.00m, result.Indicator("onlineServices.proceduresOnline").Score); // 75% × 4
        Assert.Equal(8.50m, result.Total);
        Assert.Equal(70.83m, result.Percent);
        Assert.Equal("weak", result.Band!.Key);
    }

    [Fact]
    public void Validate_IndicatorsNotAddingUpToGroup_Reported()
    {
        var publicity = Default.Groups[0];
        var definition = Default with { Groups = [publicity with { Indicators = publicity.Indicators.Take(2).ToList() }] };

        var problem = Assert.Single(definition.Validate());

        Assert.Contains("'publicity' is worth 18 but its indicators add up to 10", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RatioFullAtWithoutThreshold_Reported()
    {
        var definition = WithOnlyIndicator(IndicatorDefinition.RatioFullAt("x", new LocalizedText("X"), 12, ["a"], ["b"], 50) with { FullAtPercent = null });

        Assert.Contains(definition.Validate(), p => p.Contains("threshold", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100.5)]
    [InlineData(-5)]
    public void Validate_ThresholdOutsideZeroToHundred_Reported(decimal threshold)
    {
        var definition = WithOnlyIndicator(IndicatorDefinition.RatioFullAt("x", new LocalizedText("X"), 12, ["a"], ["b"], threshold));

        Assert.NotEmpty(definition.Validate());
    }

    [Fact]
    public void Validate_LinearRatioWithThreshold_Reported()
    {
        var definition = WithOnlyIndicator(IndicatorDefinition.Ratio("x", new LocalizedText("X"), 12, ["a"], ["b"]) with { FullAtPercent = 50 });

        Assert.Contains(definition.Validate(), p => p.Contains("linear", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ExternalWithMeasureKeys_Reported()
    {
        var definition = WithOnlyIndicator(IndicatorDefinition.External("x", new LocalizedText("X"), 12, new LocalizedText("Tỉnh")) with { Numerator = ["a"] });

        Assert.Contains(definition.Validate(), p => p.Contains("external", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ComplementWithoutRates_Reported()
    {
        var definition = WithOnlyIndicator(IndicatorDefinition.Complement("x", new LocalizedText("X"), 12, [], 90));

        Assert.Contains(definition.Validate(), p => p.Contains("rate to subtract", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_RepeatedIndicatorKey_Reported()
    {
        var extra = new IndexGroupDefinition("extra", new LocalizedText("Thêm"), 20, Default.Groups[1].Indicators);
        var definition = Default with { Groups = [.. Default.Groups, extra] };

        Assert.Contains(definition.Validate(), p => p.Contains("'progress.earlyOrOnTime' is empty or repeated", StringComparison.Ordinal));
    }

    [Fact]
    public void EnsureValid_Problems_ThrowsInvalidInputListingThem()
    {
        var definition = Default with { Id = " ", Bands = [new IndexBand("x", 120, new LocalizedText("X"))] };

        var ex = Assert.Throws<DomainRuleException>(definition.EnsureValid);

        Assert.Equal("quality.definition-invalid", ex.Code);
        Assert.Equal(RuleKind.Invalid, ex.Kind);
        Assert.Contains("id", ex.Message, StringComparison.Ordinal);
        Assert.Contains("between 0% and 100%", ex.Message, StringComparison.Ordinal);
    }

    private static IndexDefinition WithOnlyIndicator(IndicatorDefinition indicator) =>
        Default with { Groups = [new IndexGroupDefinition("g", new LocalizedText("G"), indicator.Max, [indicator])] };
}
