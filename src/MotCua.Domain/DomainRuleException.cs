namespace MotCua.Domain;

/// <summary>What kind of refusal a broken rule is; the web edge maps each kind to one status, in one place.</summary>
public enum RuleKind
{
    /// <summary>The operation is not allowed by the rules (or the state of the record): 422.</summary>
    Forbidden,

    /// <summary>A value was malformed or refers to nothing usable: 400.</summary>
    Invalid,

    /// <summary>The caller acted on a stale version of the record, or the same thing raced in: 409.</summary>
    Conflict,

    /// <summary>The record asked for does not exist (or is outside the caller's scope): 404.</summary>
    NotFound,
}

/// <summary>
/// A business rule refused an operation. The web edge turns it into RFC 9457 problem details by its
/// <see cref="Kind"/> (Platform's <c>Problems</c>), and never a 500.
/// </summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string code, string message, RuleKind kind = RuleKind.Forbidden)
        : base(message)
    {
        Code = code;
        Kind = kind;
    }

    public DomainRuleException()
        : this("rule", "A business rule was broken.")
    {
    }

    public DomainRuleException(string message)
        : this("rule", message)
    {
    }

    public DomainRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "rule";
    }

    /// <summary>A stable machine-readable code, e.g. <c>dossier.transition-forbidden</c>; pages translate it as <c>Problem.{code}</c>.</summary>
    public string Code { get; } = "rule";

    public RuleKind Kind { get; }

    /// <summary>Each rule broken, when there are several (e.g. a hand-moved outreach session); shown as a list.</summary>
    public IReadOnlyList<string> Violations { get; init; } = [];
}
