using System.Globalization;
using MotCua.Domain.Calendar;

namespace MotCua.Domain.Quality;

/// <summary>The counts behind one subtracted rate of a complement.</summary>
internal sealed record CountedTerm(IReadOnlyList<long> Numerator, IReadOnlyList<long> Denominator);

/// <summary>Writes an indicator's arithmetic with its actual numbers, in Vietnamese (decimal comma) and English.</summary>
internal sealed class FormulaText
{
    private static readonly NumberFormatInfo ViNumbers = NumberFormatInfo.ReadOnly(new NumberFormatInfo
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
    });

    private static readonly FormulaText Vi = new(
        ViNumbers,
        full: "đạt tối đa",
        capped: "tính tối đa 100%",
        nothingToJudge: "không có gì để đánh giá",
        notCounted: "không tính điểm",
        noDataTerm: "không có dữ liệu, tính 0%",
        configured: "Giá trị nhập",
        notMeasured: "Chưa đo tại đây",
        noValue: "chưa nhập giá trị cho kỳ này",
        missing: "thiếu số liệu");

    private static readonly FormulaText En = new(
        CultureInfo.InvariantCulture.NumberFormat,
        full: "full points",
        capped: "capped at 100%",
        nothingToJudge: "nothing to judge",
        notCounted: "not counted",
        noDataTerm: "no data, counts as 0%",
        configured: "Configured value",
        notMeasured: "Not measured here",
        noValue: "no value configured for this period",
        missing: "no figure for");

    private readonly NumberFormatInfo _numbers;
    private readonly string _full;
    private readonly string _capped;
    private readonly string _nothingToJudge;
    private readonly string _notCounted;
    private readonly string _noDataTerm;
    private readonly string _configured;
    private readonly string _notMeasured;
    private readonly string _noValue;
    private readonly string _missing;

    private FormulaText(
        NumberFormatInfo numbers,
        string full,
        string capped,
        string nothingToJudge,
        string notCounted,
        string noDataTerm,
        string configured,
        string notMeasured,
        string noValue,
        string missing)
    {
        _numbers = numbers;
        _full = full;
        _capped = capped;
        _nothingToJudge = nothingToJudge;
        _notCounted = notCounted;
        _noDataTerm = noDataTerm;
        _configured = configured;
        _notMeasured = notMeasured;
        _noValue = noValue;
        _missing = missing;
    }

    /// <summary>Linear ratio, as the portal writes it: "(980 + 15) ÷ 1009 × 20 = 19.72".</summary>
    public static LocalizedText LinearRatio(IndexRounding rounding, IReadOnlyList<long> numerator, IReadOnlyList<long> denominator, decimal ratio, decimal max, decimal score) =>
        Both(t => ratio > 1
            ? $"{t.Operand(numerator)} ÷ {t.Operand(denominator)} = {t.Percent(rounding, ratio)}, {t._capped} → 100% × {t.Plain(max)} = {t.Score(rounding, score)}"
            : $"{t.Operand(numerator)} ÷ {t.Operand(denominator)} × {t.Plain(max)} = {t.Score(rounding, score)}");

    /// <summary>A ratio with a full-points threshold: "120 ÷ 430 = 27.91% &lt; 50% → 27.91% ÷ 50% × 12 = 6.70".</summary>
    public static LocalizedText ThresholdRatio(IndexRounding rounding, IReadOnlyList<long> numerator, IReadOnlyList<long> denominator, decimal ratio, decimal? fullAtPercent, decimal max, decimal score) =>
        Both(t => $"{t.Operand(numerator)} ÷ {t.Operand(denominator)} = {t.Percent(rounding, ratio)}{t.Tail(rounding, ratio, fullAtPercent, max, score)}");

    /// <summary>"100% − (50 ÷ 700 + 30 ÷ 700) = 88.57% &lt; 90% → 88.57% ÷ 90% × 6 = 5.90".</summary>
    public static LocalizedText Complement(IndexRounding rounding, IReadOnlyList<CountedTerm> terms, decimal value, bool floored, decimal? fullAtPercent, decimal max, decimal score) =>
        Both(t =>
        {
            var lhs = t.ComplementLeft(terms, markEmptyRates: true);
            var head = floored ? $"{lhs} < 0% → {t.Percent(rounding, 0)}" : $"{lhs} = {t.Percent(rounding, value)}";
            return head + t.Tail(rounding, value, fullAtPercent, max, score);
        });

    public static LocalizedText ExternalPercent(IndexRounding rounding, decimal ratio, string? source, decimal? fullAtPercent, decimal max, decimal score) =>
        Both(t => $"{t._configured}{Source(source)}: {t.Percent(rounding, ratio)}{t.Tail(rounding, ratio, fullAtPercent, max, score)}");

    public static LocalizedText ExternalPoints(IndexRounding rounding, string? source, decimal max, decimal score) =>
        Both(t => $"{t._configured}{Source(source)}: {t.Score(rounding, score)} / {t.Plain(max)}");

    public static LocalizedText NoValueConfigured() => Both(t => $"{t._notMeasured}: {t._noValue}");

    public static LocalizedText MissingMeasures(IReadOnlyList<string> keys) => Both(t => $"{t._notMeasured}: {t._missing} {string.Join(", ", keys)}");

    public static LocalizedText NoDataRatio(IndexRounding rounding, IReadOnlyList<long> numerator, IReadOnlyList<long> denominator, decimal? score, decimal max) =>
        Both(t => $"{t.Operand(numerator)} ÷ {t.Operand(denominator)}: {t.NoDataTail(rounding, score, max)}");

    public static LocalizedText NoDataComplement(IndexRounding rounding, IReadOnlyList<CountedTerm> terms, decimal? score, decimal max) =>
        Both(t => $"{t.ComplementLeft(terms, markEmptyRates: false)}: {t.NoDataTail(rounding, score, max)}");

    private static LocalizedText Both(Func<FormulaText, string> write) => new(write(Vi), write(En));

    private static string Source(string? source) => string.IsNullOrWhiteSpace(source) ? string.Empty : $" ({source.Trim()})";

    private string Tail(IndexRounding rounding, decimal ratio, decimal? fullAtPercent, decimal max, decimal score)
    {
        if (fullAtPercent is { } t)
        {
            return ratio >= t / 100m
                ? $" ≥ {Plain(t)}% → {_full} {Score(rounding, score)}"
                : $" < {Plain(t)}% → {Percent(rounding, ratio)} ÷ {Plain(t)}% × {Plain(max)} = {Score(rounding, score)}";
        }

        return ratio > 1
            ? $", {_capped} → 100% × {Plain(max)} = {Score(rounding, score)}"
            : $" → {Percent(rounding, ratio)} × {Plain(max)} = {Score(rounding, score)}";
    }

    private string NoDataTail(IndexRounding rounding, decimal? score, decimal max) => score switch
    {
        null => $"{_nothingToJudge} → {_notCounted}",
        { } s when s == max => $"{_nothingToJudge} → {_full} {Score(rounding, s)}",
        { } s => $"{_nothingToJudge} → {Score(rounding, s)}",
    };

    private string ComplementLeft(IReadOnlyList<CountedTerm> terms, bool markEmptyRates)
    {
        var parts = terms.Select(term => markEmptyRates && term.Denominator.Sum() == 0
            ? $"{Operand(term.Numerator)} ÷ {Operand(term.Denominator)} ({_noDataTerm})"
            : $"{Operand(term.Numerator)} ÷ {Operand(term.Denominator)}").ToList();
        return parts.Count == 1 ? $"100% − {parts[0]}" : $"100% − ({string.Join(" + ", parts)})";
    }

    private string Operand(IReadOnlyList<long> counts) => counts.Count == 1
        ? counts[0].ToString(_numbers)
        : $"({string.Join(" + ", counts.Select(c => c.ToString(_numbers)))})";

    private string Percent(IndexRounding rounding, decimal ratio) =>
        rounding.Percent(ratio * 100m).ToString("F" + rounding.PercentDecimals.ToString(CultureInfo.InvariantCulture), _numbers) + "%";

    private string Score(IndexRounding rounding, decimal score) =>
        score.ToString("F" + rounding.ScoreDecimals.ToString(CultureInfo.InvariantCulture), _numbers);

    private string Plain(decimal value) => value.ToString("0.##", _numbers);
}
