using MotCua.Domain.Calendar;

namespace MotCua.Domain.Quality;

/// <summary>
/// Computes one unit's Index 766 for one period from its counts and the values configured for External indicators.
/// </summary>
/// <remarks>
/// <para>Each indicator's points are rounded (2 decimals, half away from zero, as the portal shows them); a group adds
/// its indicators' rounded points and the index adds the groups, so the parts always add up to the whole on screen.</para>
/// <para><b>Not measured</b> (an External indicator with no configured value, or an absent measure key): no score,
/// and both its points and its maximum are left out, so the result reads "<see cref="IndexResult.Total"/> of
/// <see cref="IndexResult.MeasuredMax"/> measured". <see cref="IndexResult.Percent"/> and the band are taken on that
/// measured maximum, and are provisional until <see cref="IndexResult.IsComplete"/>.</para>
/// <para><b>No data</b> (figures known, denominator 0): scored by <see cref="IndexDefinition.NoData"/>, by default full
/// points as the national portal gives when there is nothing to judge, and flagged <see cref="IndicatorStatus.NoData"/>
/// so a dashboard can tell "perfect" from "nothing happened".</para>
/// <para>A ratio above 100% (e.g. more online payments than dossiers with a fee, from data recorded across periods)
/// is capped at 100% and flagged; a complement below 0% is floored at 0%.</para>
/// </remarks>
public static class IndexEngine
{
    public static IndexResult Compute(IndexDefinition definition, IndexMeasures measures, ExternalValues externals)
    {
        ArgumentNullException.ThrowIfNull(definition);
        definition.EnsureValid();
        return ComputeValidated(definition, ExternalKeys(definition), measures, externals);
    }

    /// <summary>Several units' indexes with one definition (a province ranking): the definition is checked once.</summary>
    public static List<IndexResult> ComputeAll(IndexDefinition definition, IReadOnlyList<(IndexMeasures Measures, ExternalValues Externals)> units)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(units);
        definition.EnsureValid();
        var externalKeys = ExternalKeys(definition);
        return [.. units.Select(u => ComputeValidated(definition, externalKeys, u.Measures, u.Externals))];
    }

    private static HashSet<string> ExternalKeys(IndexDefinition definition) => definition.Groups
        .SelectMany(g => g.Indicators)
        .Where(i => i.Kind == IndicatorKind.External)
        .Select(i => i.Key)
        .ToHashSet(StringComparer.Ordinal);

    private static IndexResult ComputeValidated(IndexDefinition definition, HashSet<string> externalKeys, IndexMeasures measures, ExternalValues externals)
    {
        ArgumentNullException.ThrowIfNull(measures);
        ArgumentNullException.ThrowIfNull(externals);
        var groups = new List<GroupResult>(definition.Groups.Count);
        foreach (var group in definition.Groups)
        {
            var indicators = group.Indicators.Select(i => Evaluate(i, definition, measures, externals)).ToList();
            groups.Add(new GroupResult(
                group.Key,
                group.Name,
                group.Max,
                definition.Rounding.Score(indicators.Sum(i => i.Score ?? 0m)),
                indicators.Where(i => i.Counts).Sum(i => i.Max),
                indicators));
        }

        var total = definition.Rounding.Score(groups.Sum(g => g.Score));
        var measuredMax = groups.Sum(g => g.MeasuredMax);
        decimal? percent = measuredMax > 0 ? definition.Rounding.Percent(total / measuredMax * 100m) : null;
        var ignored = externals.Values.Keys.Where(k => !externalKeys.Contains(k)).Order(StringComparer.Ordinal).ToList();

        return new IndexResult(
            definition.Id,
            groups,
            total,
            measuredMax,
            definition.Max,
            percent,
            percent is { } p ? definition.BandFor(p) : null,
            ignored);
    }

    private static IndicatorResult Evaluate(IndicatorDefinition indicator, IndexDefinition definition, IndexMeasures measures, ExternalValues externals) =>
        indicator.Kind switch
        {
            IndicatorKind.Ratio or IndicatorKind.RatioFullAt => EvaluateRatio(indicator, definition, measures),
            IndicatorKind.Complement => EvaluateComplement(indicator, definition, measures),
            IndicatorKind.External => EvaluateExternal(indicator, definition, externals),
            _ => throw new DomainRuleException("quality.definition-invalid", $"Indicator '{indicator.Key}' has an unknown kind.", RuleKind.Invalid),
        };

    private static IndicatorResult EvaluateRatio(IndicatorDefinition indicator, IndexDefinition definition, IndexMeasures measures)
    {
        var missing = Missing(measures, indicator.Numerator!.Concat(indicator.Denominator!));
        if (missing.Count > 0)
        {
            return NotMeasured(indicator, FormulaText.MissingMeasures(missing), missing);
        }

        var numerators = Counts(measures, indicator.Numerator!);
        var denominators = Counts(measures, indicator.Denominator!);
        var numerator = numerators.Sum();
        var denominator = denominators.Sum();
        var rounding = definition.Rounding;
        if (denominator == 0)
        {
            var noData = NoDataScore(indicator, definition);
            return Result(indicator, IndicatorStatus.NoData, noData, numerator, denominator, null, false,
                FormulaText.NoDataRatio(rounding, numerators, denominators, noData, indicator.Max));
        }

        var ratio = (decimal)numerator / denominator;
        var score = rounding.Score(Points(ratio, indicator.FullAtPercent, indicator.Max));
        var formula = indicator.Kind == IndicatorKind.Ratio
            ? FormulaText.LinearRatio(rounding, numerators, denominators, ratio, indicator.Max, score)
            : FormulaText.ThresholdRatio(rounding, numerators, denominators, ratio, indicator.FullAtPercent, indicator.Max, score);
        return Result(indicator, IndicatorStatus.Measured, score, numerator, denominator, ratio, ratio > 1, formula);
    }

    private static IndicatorResult EvaluateComplement(IndicatorDefinition indicator, IndexDefinition definition, IndexMeasures measures)
    {
        var missing = Missing(measures, indicator.Subtract!.SelectMany(t => t.Numerator.Concat(t.Denominator)));
        if (missing.Count > 0)
        {
            return NotMeasured(indicator, FormulaText.MissingMeasures(missing), missing);
        }

        var terms = indicator.Subtract!
            .Select(t => new CountedTerm(Counts(measures, t.Numerator), Counts(measures, t.Denominator)))
            .ToList();
        var rounding = definition.Rounding;
        if (terms.All(t => t.Denominator.Sum() == 0))
        {
            var noData = NoDataScore(indicator, definition);
            return Result(indicator, IndicatorStatus.NoData, noData, null, null, null, false,
                FormulaText.NoDataComplement(rounding, terms, noData, indicator.Max));
        }

        // A rate with nothing under it (e.g. no rated feedback while dossiers exist) takes nothing away.
        var rates = terms.Sum(t => t.Denominator.Sum() == 0 ? 0m : (decimal)t.Numerator.Sum() / t.Denominator.Sum());
        var value = 1m - rates;
        var floored = value < 0;
        if (floored)
        {
            value = 0;
        }

        var score = rounding.Score(Points(value, indicator.FullAtPercent, indicator.Max));
        return Result(indicator, IndicatorStatus.Measured, score, null, null, value, floored,
            FormulaText.Complement(rounding, terms, value, floored, indicator.FullAtPercent, indicator.Max, score));
    }

    private static IndicatorResult EvaluateExternal(IndicatorDefinition indicator, IndexDefinition definition, ExternalValues externals)
    {
        if (!externals.TryGet(indicator.Key, out var configured))
        {
            return NotMeasured(indicator, FormulaText.NoValueConfigured(), []);
        }

        var rounding = definition.Rounding;
        switch (configured.Kind)
        {
            case ExternalValueKind.Percent:
                if (configured.Value is < 0 or > 100)
                {
                    throw new DomainRuleException("quality.external-invalid", $"External value for '{indicator.Key}' must be a percentage from 0 to 100.", RuleKind.Invalid);
                }

                var ratio = configured.Value / 100m;
                var score = rounding.Score(Points(ratio, indicator.FullAtPercent, indicator.Max));
                return Result(indicator, IndicatorStatus.Measured, score, null, null, ratio, false,
                    FormulaText.ExternalPercent(rounding, ratio, configured.Source, indicator.FullAtPercent, indicator.Max, score));
            case ExternalValueKind.Points:
                if (configured.Value < 0 || configured.Value > indicator.Max)
                {
                    throw new DomainRuleException("quality.external-invalid", $"External score for '{indicator.Key}' must be from 0 to {indicator.Max}.", RuleKind.Invalid);
                }

                var points = rounding.Score(configured.Value);
                return Result(indicator, IndicatorStatus.Measured, points, null, null, indicator.Max == 0 ? null : configured.Value / indicator.Max, false,
                    FormulaText.ExternalPoints(rounding, configured.Source, indicator.Max, points));
            default:
                throw new DomainRuleException("quality.external-invalid", $"External value for '{indicator.Key}' has an unknown kind.", RuleKind.Invalid);
        }
    }

    /// <summary>Linear (capped at 100%), or full at or above the threshold and proportional to it below.</summary>
    private static decimal Points(decimal ratio, decimal? fullAtPercent, decimal max)
    {
        var r = Math.Min(ratio, 1m);
        if (fullAtPercent is not { } percent)
        {
            return r * max;
        }

        var threshold = percent / 100m;
        return r >= threshold ? max : r / threshold * max;
    }

    private static decimal? NoDataScore(IndicatorDefinition indicator, IndexDefinition definition) => definition.NoData switch
    {
        NoDataScoring.FullPoints => definition.Rounding.Score(indicator.Max),
        NoDataScoring.Zero => definition.Rounding.Score(0m),
        _ => null,
    };

    private static List<string> Missing(IndexMeasures measures, IEnumerable<string> keys) =>
        keys.Distinct(StringComparer.Ordinal).Where(k => !measures.TryGet(k, out _)).ToList();

    private static List<long> Counts(IndexMeasures measures, IReadOnlyList<string> keys) =>
        keys.Select(k => measures.Counts[k]).ToList();

    private static IndicatorResult NotMeasured(IndicatorDefinition indicator, LocalizedText formula, IReadOnlyList<string> missing) =>
        new(indicator.Key, indicator.Name, indicator.Kind, indicator.Max, IndicatorStatus.NotMeasured, null, null, null, null, false, formula, missing);

    private static IndicatorResult Result(IndicatorDefinition indicator, IndicatorStatus status, decimal? score, long? numerator, long? denominator, decimal? ratio, bool capped, LocalizedText formula) =>
        new(indicator.Key, indicator.Name, indicator.Kind, indicator.Max, status, score, numerator, denominator, ratio, capped, formula, []);
}
