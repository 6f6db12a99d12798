using Microsoft.Extensions.Localization;
using MotCua.Domain;

namespace MotCua.Web.Platform;

/// <summary>
/// Collects field errors at the edge so that one response lists every problem with the input. Each error has a
/// stable code besides its English message: the API answers the messages, a page shows <c>Problem.{code}</c> in the
/// reader's language (<see cref="ProblemText"/>).
/// </summary>
public sealed class ValidationErrors
{
    /// <summary>The code of an error that names none: the page shows its English message.</summary>
    public const string GenericCode = "validation";

    private readonly Dictionary<string, List<(string Code, string Message)>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message, string code = GenericCode)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add((code, message));
    }

    /// <summary>Runs a domain constructor or parser; a <see cref="DomainRuleException"/> becomes an error on <paramref name="field"/> with its code.</summary>
    public T? Try<T>(string field, Func<T> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        try
        {
            return create();
        }
        catch (DomainRuleException ex)
        {
            Add(field, ex.Message, ex.Code);
            return default;
        }
    }

    /// <summary>Every error: the field, its code and its English message.</summary>
    public IEnumerable<(string Field, string Code, string Message)> Entries =>
        _errors.SelectMany(e => e.Value.Select(v => (e.Key, v.Code, v.Message)));

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.Select(v => v.Message).ToArray(), StringComparer.Ordinal);

    public IResult ToResult() => Problems.Invalid(ToDictionary());

    public override string ToString() => string.Join("; ", _errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value.Select(v => v.Message))}"));
}

/// <summary>What a page shows for a refusal: the translation of <c>Problem.{code}</c>, or the English message when there is none.</summary>
public static class ProblemText
{
    public static string Explain(this IStringLocalizer t, string code, string fallback)
    {
        ArgumentNullException.ThrowIfNull(t);
        var text = t[$"Problem.{code}"];
        return text.ResourceNotFound ? fallback : text.Value;
    }

    public static string Explain(this IStringLocalizer t, DomainRuleException rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return t.Explain(rule.Code, rule.Message);
    }
}
