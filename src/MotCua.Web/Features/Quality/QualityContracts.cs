using System.Globalization;
using MotCua.Domain.Quality;

namespace MotCua.Web.Features.Quality;

/// <summary>One indicator with the arithmetic behind its score.</summary>
/// <param name="Status">measured, noData (nothing to judge: full points by default) or notMeasured (left out of the total).</param>
public sealed record IndicatorResponse(
    string Key,
    string Name,
    IndicatorKind Kind,
    decimal Max,
    IndicatorStatus Status,
    decimal? Score,
    long? Numerator,
    long? Denominator,
    decimal? Ratio,
    string Formula);

/// <summary>One group: its points, and for a group of one ratio its numerator and denominator; <see cref="Formula"/> always says how the score came about.</summary>
public sealed record GroupResponse(
    string Key,
    string Name,
    decimal Max,
    decimal Score,
    decimal MeasuredMax,
    long? Numerator,
    long? Denominator,
    string Formula,
    IReadOnlyList<IndicatorResponse> Indicators);

public sealed record RankResponse(int Rank, int Of, string Label);

public sealed record QualityIndexResponse(
    string Unit,
    string UnitName,
    string Province,
    DateOnly From,
    DateOnly To,
    DateTimeOffset AsOf,
    string Definition,
    decimal Total,
    decimal MeasuredMax,
    decimal Max,
    decimal? Percent,
    string? Band,
    string? BandName,
    bool Complete,
    IReadOnlyList<GroupResponse> Groups,
    IReadOnlyDictionary<string, long> Counts,
    RankResponse? Rank);

public sealed record RankingItem(
    int Rank,
    int Of,
    string Unit,
    string UnitName,
    decimal Total,
    decimal MeasuredMax,
    decimal? Percent,
    bool Complete,
    string? Band,
    string? BandName,
    IReadOnlyDictionary<string, decimal> Groups);

public sealed record RankingResponse(string Province, DateOnly From, DateOnly To, DateTimeOffset AsOf, IReadOnlyList<RankingItem> Units);

public sealed record TrendItem(string Month, decimal Total, decimal MeasuredMax, decimal? Percent, IReadOnlyDictionary<string, decimal> Groups);

public sealed record TrendResponse(string Unit, IReadOnlyList<TrendItem> Months);

/// <param name="Unit">One commune's code, or give <paramref name="Province"/> to set the same values for every commune of it.</param>
/// <param name="Month">yyyy-MM.</param>
public sealed record ExternalValuesRequest(string? Unit, string? Province, string? Month, IReadOnlyList<ExternalValueItem>? Values);

/// <param name="Indicator">The key of an External indicator, e.g. publicity.otherCriteria.</param>
/// <param name="Kind">percent (0–100) or points (0 to the indicator's maximum).</param>
/// <param name="Value">The value; null removes the one configured.</param>
/// <param name="Source">Where it was read, e.g. "Cổng DVCQG, 30/11/2026".</param>
public sealed record ExternalValueItem(string? Indicator, ExternalValueKind? Kind, decimal? Value, string? Source = null);

public sealed record ExternalValueResponse(string Unit, string Month, string Indicator, ExternalValueKind Kind, decimal Value, string? Source, string SetBy, DateTimeOffset SetAt);

public static class QualityResponses
{
    public static QualityIndexResponse Index(QualityIndexQuery.UnitIndex index, string culture, UnitRank? rank)
    {
        ArgumentNullException.ThrowIfNull(index);
        var r = index.Result;
        return new QualityIndexResponse(
            index.Unit.Code, index.Unit.Name, index.Unit.ProvinceCode, index.Period.From, index.Period.To, Domain.Calendar.WorkingCalendar.ToLocal(index.AsOf),
            r.DefinitionId, r.Total, r.MeasuredMax, r.Max, r.Percent, r.Band?.Key, r.Band?.Name.For(culture), r.IsComplete,
            [.. r.Groups.Select(g => Group(g, culture))],
            index.Counts,
            rank is null ? null : new RankResponse(rank.Rank, rank.Of, rank.Label.For(culture)));
    }

    public static GroupResponse Group(GroupResult g, string culture)
    {
        ArgumentNullException.ThrowIfNull(g);
        var single = g.Indicators.Count == 1 ? g.Indicators[0] : null;
        return new GroupResponse(
            g.Key, g.Name.For(culture), g.Max, g.Score, g.MeasuredMax, single?.Numerator, single?.Denominator,
            single is not null ? single.Formula.For(culture) : GroupFormula(g, culture),
            [.. g.Indicators.Select(i => new IndicatorResponse(i.Key, i.Name.For(culture), i.Kind, i.Max, i.Status, i.Score, i.Numerator, i.Denominator, i.Ratio, i.Formula.For(culture)))]);
    }

    /// <summary>"6,00 + 5,50 + — = 11,50": the indicators' points added up ("—" for one not measured).</summary>
    public static string GroupFormula(GroupResult g, string culture)
    {
        ArgumentNullException.ThrowIfNull(g);
        var numbers = culture.StartsWith("vi", StringComparison.Ordinal) ? CultureInfo.GetCultureInfo("vi-VN") : CultureInfo.InvariantCulture;
        var parts = g.Indicators.Select(i => i.Score is { } s ? s.ToString("F2", numbers) : "—");
        return $"{string.Join(" + ", parts)} = {g.Score.ToString("F2", numbers)}";
    }

    public static RankingItem Ranking(QualityIndexQuery.RankingRow row, string culture)
    {
        ArgumentNullException.ThrowIfNull(row);
        var r = row.Index.Result;
        return new RankingItem(row.Rank.Rank, row.Rank.Of, row.Unit.Code, row.Unit.Name, r.Total, r.MeasuredMax, r.Percent, r.IsComplete,
            r.Band?.Key, r.Band?.Name.For(culture), row.Rank.GroupScores);
    }
}
