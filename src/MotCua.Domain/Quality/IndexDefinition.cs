using System.Globalization;
using System.Text.Json.Serialization;
using MotCua.Domain.Calendar;

namespace MotCua.Domain.Quality;

/// <summary>How an Index 766 indicator turns figures into points.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IndicatorKind>))]
public enum IndicatorKind
{
    /// <summary>Linear: numerator ÷ denominator × max, the ratio capped at 100%.</summary>
    Ratio = 1,

    /// <summary>Full points at or above a threshold, else ratio × max ÷ threshold (e.g. online dossiers: full at ≥ 50%).</summary>
    RatioFullAt = 2,

    /// <summary>
    /// 100% minus the sum of one or more rates (floored at 0%), then full at or above an optional threshold. The
    /// satisfaction formula of Decision 766: 100% − (overdue rate + rate with a complaint or "dislike"), full at ≥ 90%.
    /// </summary>
    Complement = 3,

    /// <summary>
    /// A value configured per period because it depends on systems outside MotCua (the province's procedure
    /// publication, the national portal, the personal data store, the population database). Without a configured
    /// value the indicator is "not measured here": never invented, never 0, never full.
    /// </summary>
    External = 4,
}

/// <summary>How an indicator whose denominator is 0 (nothing to judge: no dossiers, no fee, no feedback) scores.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NoDataScoring>))]
public enum NoDataScoring
{
    /// <summary>Full points, as the national portal does: a commune that received no feedback is not penalised for it. The default.</summary>
    FullPoints = 1,

    /// <summary>Left out of the score and of the measured maximum, like a not-measured indicator.</summary>
    Excluded = 2,

    /// <summary>Zero points.</summary>
    Zero = 3,
}

/// <summary>One rate subtracted from 100% by a <see cref="IndicatorKind.Complement"/> indicator: Σ numerator ÷ Σ denominator.</summary>
/// <param name="Numerator">Measure keys (see <see cref="IndexMeasureKeys"/>) whose counts are added for the numerator.</param>
/// <param name="Denominator">Measure keys whose counts are added for the denominator.</param>
public sealed record RateTerm(IReadOnlyList<string> Numerator, IReadOnlyList<string> Denominator);

/// <summary>
/// One sub-indicator of Index 766 and how it is scored. <see cref="Max"/> is its weight in points; all weights and
/// thresholds are data so that a province (or a later decision) can override them per period.
/// </summary>
/// <param name="Key">Stable identifier, e.g. <c>progress.onTime</c>; external values are keyed by it.</param>
/// <param name="Max">Points at full marks (the weight of the indicator inside its group).</param>
/// <param name="Numerator">For <see cref="IndicatorKind.Ratio"/> and <see cref="IndicatorKind.RatioFullAt"/>: measure keys added for the numerator.</param>
/// <param name="Denominator">For ratios: measure keys added for the denominator (e.g. the three channels for the online share).</param>
/// <param name="Subtract">For <see cref="IndicatorKind.Complement"/>: the rates subtracted from 100%.</param>
/// <param name="FullAtPercent">"Full points at ≥ x%": required for <see cref="IndicatorKind.RatioFullAt"/>, optional for Complement and External (percent values), absent for Ratio.</param>
/// <param name="Description">What the indicator measures and, for External ones, where the value comes from.</param>
public sealed record IndicatorDefinition(
    string Key,
    LocalizedText Name,
    IndicatorKind Kind,
    decimal Max,
    IReadOnlyList<string>? Numerator = null,
    IReadOnlyList<string>? Denominator = null,
    IReadOnlyList<RateTerm>? Subtract = null,
    decimal? FullAtPercent = null,
    LocalizedText? Description = null)
{
    public static IndicatorDefinition Ratio(string key, LocalizedText name, decimal max, IReadOnlyList<string> numerator, IReadOnlyList<string> denominator, LocalizedText? description = null) =>
        new(key, name, IndicatorKind.Ratio, max, numerator, denominator, Description: description);

    public static IndicatorDefinition RatioFullAt(string key, LocalizedText name, decimal max, IReadOnlyList<string> numerator, IReadOnlyList<string> denominator, decimal fullAtPercent, LocalizedText? description = null) =>
        new(key, name, IndicatorKind.RatioFullAt, max, numerator, denominator, FullAtPercent: fullAtPercent, Description: description);

    public static IndicatorDefinition Complement(string key, LocalizedText name, decimal max, IReadOnlyList<RateTerm> subtract, decimal? fullAtPercent, LocalizedText? description = null) =>
        new(key, name, IndicatorKind.Complement, max, Subtract: subtract, FullAtPercent: fullAtPercent, Description: description);

    public static IndicatorDefinition External(string key, LocalizedText name, decimal max, LocalizedText description, decimal? fullAtPercent = null) =>
        new(key, name, IndicatorKind.External, max, FullAtPercent: fullAtPercent, Description: description);
}

/// <summary>A group of Index 766 (e.g. "Satisfaction", 18 points); its indicators' maxima must add up to <see cref="Max"/>.</summary>
public sealed record IndexGroupDefinition(string Key, LocalizedText Name, decimal Max, IReadOnlyList<IndicatorDefinition> Indicators);

/// <summary>
/// A rating band: a result whose percentage of the (measured) maximum is at least <see cref="MinPercent"/> falls in
/// it, unless a higher band takes it. Bands are not official (Decision 766 ranks by score only), so they are data.
/// </summary>
public sealed record IndexBand(string Key, decimal MinPercent, LocalizedText Name);

/// <summary>How scores are rounded. The national portal shows each indicator's points with 2 decimals, rounded half away from zero.</summary>
/// <param name="ScoreDecimals">Decimals of each indicator's points; groups and the total add the rounded points, so they carry the same decimals.</param>
/// <param name="PercentDecimals">Decimals of the percentages shown in formulas and of the percentage a band is chosen by.</param>
/// <param name="Mode">Midpoint rule.</param>
public sealed record IndexRounding(
    int ScoreDecimals = 2,
    int PercentDecimals = 2,
    [property: JsonConverter(typeof(JsonStringEnumConverter<MidpointRounding>))] MidpointRounding Mode = MidpointRounding.AwayFromZero)
{
    public static IndexRounding Portal { get; } = new();

    /// <summary>Points rounded and carried with exactly <see cref="ScoreDecimals"/> decimals (6 → 6.00), so they print and serialise as the portal shows them.</summary>
    public decimal Score(decimal value) => Math.Round(value, ScoreDecimals, Mode) + ZeroWithScale(ScoreDecimals);

    public decimal Percent(decimal value) => Math.Round(value, PercentDecimals, Mode) + ZeroWithScale(PercentDecimals);

    // Adding a zero of scale n gives a decimal at least n decimals long without changing its value.
    private static decimal ZeroWithScale(int decimals) => new(0, 0, 0, false, (byte)decimals);
}

/// <summary>
/// The Index 766 scoring scheme (Decision 766/QĐ-TTg of 23 June 2022, "Bộ chỉ số chỉ đạo, điều hành và đánh giá
/// chất lượng phục vụ người dân, doanh nghiệp"): groups of indicators, their weights and thresholds, rounding, the
/// no-data rule and the rating bands. <see cref="Default"/> follows the national portal; the web app may load an
/// override per period from JSON (the records serialise with System.Text.Json as they are).
/// </summary>
/// <param name="Id">Identifies the scheme (e.g. <c>qd766-2022</c>); results from different schemes are not ranked together.</param>
public sealed partial record IndexDefinition(
    string Id,
    LocalizedText Name,
    IReadOnlyList<IndexGroupDefinition> Groups,
    IReadOnlyList<IndexBand> Bands,
    IndexRounding Rounding,
    NoDataScoring NoData = NoDataScoring.FullPoints)
{
    /// <summary>The sum of the groups' maxima: 100 for Decision 766.</summary>
    [JsonIgnore]
    public decimal Max => Groups.Sum(g => g.Max);

    /// <summary>The highest band whose <see cref="IndexBand.MinPercent"/> the percentage reaches, or null when none does.</summary>
    public IndexBand? BandFor(decimal percent) =>
        Bands.OrderByDescending(b => b.MinPercent).FirstOrDefault(b => percent >= b.MinPercent);

    /// <summary>Every problem that would make scores meaningless; empty when the definition is usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Id))
        {
            problems.Add("The definition needs an id.");
        }

        if (Groups is null || Groups.Count == 0)
        {
            problems.Add("The definition needs at least one group.");
            return problems;
        }

        var groupKeys = new HashSet<string>(StringComparer.Ordinal);
        var indicatorKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in Groups)
        {
            if (string.IsNullOrWhiteSpace(group.Key) || !groupKeys.Add(group.Key))
            {
                problems.Add($"Group key '{group.Key}' is empty or repeated.");
            }

            if (group.Indicators is null || group.Indicators.Count == 0)
            {
                problems.Add($"Group '{group.Key}' has no indicators.");
                continue;
            }

            var sum = group.Indicators.Sum(i => i.Max);
            if (sum != group.Max)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"Group '{group.Key}' is worth {group.Max} but its indicators add up to {sum}."));
            }

            foreach (var indicator in group.Indicators)
            {
                if (string.IsNullOrWhiteSpace(indicator.Key) || !indicatorKeys.Add(indicator.Key))
                {
                    problems.Add($"Indicator key '{indicator.Key}' is empty or repeated.");
                }

                ValidateIndicator(indicator, problems);
            }
        }

        if (Rounding is null || Rounding.ScoreDecimals is < 0 or > 6 || Rounding.PercentDecimals is < 0 or > 6)
        {
            problems.Add("Rounding needs 0–6 decimals for scores and percentages.");
        }

        var bandKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var band in Bands ?? [])
        {
            if (string.IsNullOrWhiteSpace(band.Key) || !bandKeys.Add(band.Key))
            {
                problems.Add($"Band key '{band.Key}' is empty or repeated.");
            }

            if (band.MinPercent is < 0 or > 100)
            {
                problems.Add($"Band '{band.Key}' must start between 0% and 100%.");
            }
        }

        if (!Enum.IsDefined(NoData))
        {
            problems.Add("Unknown no-data rule.");
        }

        return problems;
    }

    /// <summary>Throws <see cref="DomainRuleException"/> (invalid input) listing every problem <see cref="Validate"/> finds.</summary>
    public void EnsureValid()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new DomainRuleException("quality.definition-invalid", string.Join(" ", problems), RuleKind.Invalid);
        }
    }

    private static void ValidateIndicator(IndicatorDefinition indicator, List<string> problems)
    {
        var key = indicator.Key;
        if (indicator.Max < 0)
        {
            problems.Add($"Indicator '{key}' has a negative maximum.");
        }

        if (indicator.FullAtPercent is { } t && t is <= 0 or > 100)
        {
            problems.Add($"Indicator '{key}': the full-points threshold must be above 0% and at most 100%.");
        }

        var hasRatio = indicator.Numerator is not null || indicator.Denominator is not null;
        switch (indicator.Kind)
        {
            case IndicatorKind.Ratio:
            case IndicatorKind.RatioFullAt:
                if (!HasKeys(indicator.Numerator) || !HasKeys(indicator.Denominator))
                {
                    problems.Add($"Indicator '{key}' needs numerator and denominator measure keys.");
                }

                if (indicator.Subtract is not null)
                {
                    problems.Add($"Indicator '{key}' is a ratio and cannot subtract rates.");
                }

                if (indicator.Kind == IndicatorKind.Ratio && indicator.FullAtPercent is not null)
                {
                    problems.Add($"Indicator '{key}' is linear; use {nameof(IndicatorKind.RatioFullAt)} for a full-points threshold.");
                }

                if (indicator.Kind == IndicatorKind.RatioFullAt && indicator.FullAtPercent is null)
                {
                    problems.Add($"Indicator '{key}' needs its full-points threshold.");
                }

                break;
            case IndicatorKind.Complement:
                if (indicator.Subtract is null || indicator.Subtract.Count == 0
                    || indicator.Subtract.Any(term => term is null || !HasKeys(term.Numerator) || !HasKeys(term.Denominator)))
                {
                    problems.Add($"Indicator '{key}' needs at least one rate to subtract, each with numerator and denominator keys.");
                }

                if (hasRatio)
                {
                    problems.Add($"Indicator '{key}' is a complement; put its rates under {nameof(IndicatorDefinition.Subtract)}.");
                }

                break;
            case IndicatorKind.External:
                if (hasRatio || indicator.Subtract is not null)
                {
                    problems.Add($"Indicator '{key}' is external and takes no measure keys.");
                }

                break;
            default:
                problems.Add($"Indicator '{key}' has an unknown kind.");
                break;
        }
    }

    private static bool HasKeys(IReadOnlyList<string>? keys) =>
        keys is { Count: > 0 } && keys.All(k => !string.IsNullOrWhiteSpace(k));
}
