using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace MotCua.Domain.Quality;

/// <summary>
/// The counts behind one unit's Index 766 for one period, keyed by <see cref="IndexMeasureKeys"/>. An absent key
/// means the figure is not known (the indicator is "not measured here"); 0 means it is known to be none.
/// </summary>
public sealed class IndexMeasures
{
    private readonly Dictionary<string, long> _counts;

    [JsonConstructor]
    public IndexMeasures(IReadOnlyDictionary<string, long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        _counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, value) in counts)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                throw new DomainRuleException("quality.measure-invalid", "A measure needs a key.", RuleKind.Invalid);
            }

            if (value < 0)
            {
                throw new DomainRuleException("quality.measure-invalid", $"Measure '{key}' is a count and cannot be negative.", RuleKind.Invalid);
            }

            _counts[key] = value;
        }
    }

    public static IndexMeasures Empty { get; } = new(new Dictionary<string, long>());

    public IReadOnlyDictionary<string, long> Counts => _counts;

    public bool TryGet(string key, out long value) => _counts.TryGetValue(key, out value);
}

/// <summary>How a configured value for an <see cref="IndicatorKind.External"/> indicator is expressed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExternalValueKind>))]
public enum ExternalValueKind
{
    /// <summary>A rate 0–100 (e.g. 95.5 for 95.5% of procedures linked to population data), scored like a ratio, with the indicator's threshold if it has one.</summary>
    Percent = 1,

    /// <summary>Points already scored elsewhere (e.g. read off the national portal), 0 to the indicator's maximum, used as they are.</summary>
    Points = 2,
}

/// <summary>A value configured for one External indicator and one period.</summary>
/// <param name="Source">Where the value was read, e.g. "Cổng DVCQG, 30/11/2025"; shown in the formula.</param>
public sealed record ExternalValue(ExternalValueKind Kind, decimal Value, string? Source = null)
{
    public static ExternalValue Percent(decimal value, string? source = null) => new(ExternalValueKind.Percent, value, source);

    public static ExternalValue Points(decimal value, string? source = null) => new(ExternalValueKind.Points, value, source);
}

/// <summary>Values configured per period for indicators that depend on systems outside MotCua, keyed by indicator key.</summary>
public sealed class ExternalValues
{
    private readonly Dictionary<string, ExternalValue> _values;

    [JsonConstructor]
    public ExternalValues(IReadOnlyDictionary<string, ExternalValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = new Dictionary<string, ExternalValue>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            _values[key] = value ?? throw new DomainRuleException("quality.external-invalid", $"External value '{key}' is empty.", RuleKind.Invalid);
        }
    }

    public static ExternalValues Empty { get; } = new(new Dictionary<string, ExternalValue>());

    public IReadOnlyDictionary<string, ExternalValue> Values => _values;

    public bool TryGet(string key, [MaybeNullWhen(false)] out ExternalValue value) => _values.TryGetValue(key, out value);
}
