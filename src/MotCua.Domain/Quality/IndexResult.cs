using System.Text.Json.Serialization;
using MotCua.Domain.Calendar;

namespace MotCua.Domain.Quality;

/// <summary>Whether an indicator could be judged.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IndicatorStatus>))]
public enum IndicatorStatus
{
    /// <summary>Scored from MotCua's counts, or from a value configured for an External indicator.</summary>
    Measured = 1,

    /// <summary>
    /// The figures are known but the denominator is 0: nothing to judge (no dossiers, no fee, no feedback). Scored
    /// by <see cref="IndexDefinition.NoData"/>: full points by default, as the national portal does.
    /// </summary>
    NoData = 2,

    /// <summary>
    /// Not measured here: an External indicator without a configured value, or a measure key absent from the
    /// counts. No score; left out of the total and of the measured maximum.
    /// </summary>
    NotMeasured = 3,
}

/// <summary>One indicator's outcome, with the arithmetic that produced it.</summary>
/// <param name="Score">Points, rounded as the portal does; null when the indicator does not count (not measured, or no data under <see cref="NoDataScoring.Excluded"/>).</param>
/// <param name="Numerator">For ratios: the summed numerator counts.</param>
/// <param name="Denominator">For ratios: the summed denominator counts.</param>
/// <param name="Ratio">The rate judged, 0–1 or more: numerator ÷ denominator before the 100% cap, the complement for Complement indicators, the configured percent ÷ 100 for External ones.</param>
/// <param name="IsCapped">The ratio went above 100% (or a complement below 0%) and was limited.</param>
/// <param name="Formula">The computation with the actual numbers, e.g. "(1200 + 33) ÷ 1250 × 20 = 19.73" (Vietnamese with decimal commas).</param>
/// <param name="MissingMeasures">Measure keys that were absent, when that is why the indicator is not measured.</param>
public sealed record IndicatorResult(
    string Key,
    LocalizedText Name,
    IndicatorKind Kind,
    decimal Max,
    IndicatorStatus Status,
    decimal? Score,
    long? Numerator,
    long? Denominator,
    decimal? Ratio,
    bool IsCapped,
    LocalizedText Formula,
    IReadOnlyList<string> MissingMeasures)
{
    /// <summary>Whether the indicator's points and maximum enter its group's total.</summary>
    public bool Counts => Score is not null;
}

/// <summary>One group's outcome.</summary>
/// <param name="Score">Sum of the counted indicators' rounded points.</param>
/// <param name="MeasuredMax">Sum of the maxima of the counted indicators: the most this group could show with what is measured.</param>
public sealed record GroupResult(
    string Key,
    LocalizedText Name,
    decimal Max,
    decimal Score,
    decimal MeasuredMax,
    IReadOnlyList<IndicatorResult> Indicators)
{
    public bool IsComplete => MeasuredMax == Max;
}

/// <summary>
/// One unit's Index 766 for one period. <see cref="Total"/> adds only what was measured, and <see cref="MeasuredMax"/>
/// says out of how much, so a dashboard can show "72.40 of 78 measured" rather than an invented figure out of 100.
/// </summary>
/// <param name="Total">Sum of the groups' scores (points actually earned on counted indicators).</param>
/// <param name="MeasuredMax">Sum of the counted indicators' maxima; equals <see cref="Max"/> when every indicator counts.</param>
/// <param name="Max">The scheme's maximum (100).</param>
/// <param name="Percent">Total ÷ MeasuredMax × 100, rounded to the percent decimals; equals the total when complete. Null when nothing counts.</param>
/// <param name="Band">The band <see cref="Percent"/> falls in; provisional while <see cref="IsComplete"/> is false.</param>
/// <param name="IgnoredExternalValues">Configured external values whose key names no External indicator of the scheme (a typo, or an indicator that became computed).</param>
public sealed record IndexResult(
    string DefinitionId,
    IReadOnlyList<GroupResult> Groups,
    decimal Total,
    decimal MeasuredMax,
    decimal Max,
    decimal? Percent,
    IndexBand? Band,
    IReadOnlyList<string> IgnoredExternalValues)
{
    public bool IsComplete => MeasuredMax == Max;

    public GroupResult Group(string key) =>
        Groups.FirstOrDefault(g => string.Equals(g.Key, key, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"No group '{key}'.");

    public IndicatorResult Indicator(string key) =>
        Groups.SelectMany(g => g.Indicators).FirstOrDefault(i => string.Equals(i.Key, key, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"No indicator '{key}'.");
}
