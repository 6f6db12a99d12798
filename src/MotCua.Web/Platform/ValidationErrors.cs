using MotCua.Domain;

namespace MotCua.Web.Platform;

/// <summary>Collects field errors at the edge so that one response lists every problem with the input.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>Runs a domain constructor or parser; a <see cref="DomainRuleException"/> becomes an error on <paramref name="field"/>.</summary>
    public T? Try<T>(string field, Func<T> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        try
        {
            return create();
        }
        catch (DomainRuleException ex)
        {
            Add(field, ex.Message);
            return default;
        }
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public IResult ToResult() => Problems.Invalid(ToDictionary());

    public override string ToString() => string.Join("; ", _errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
}
