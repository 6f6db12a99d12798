namespace MotCua.Domain;

/// <summary>
/// A business rule refused an operation. The web edge turns it into RFC 9457 problem details
/// (422 for a forbidden transition or rule, 400 for a malformed value) and never a 500.
/// </summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string code, string message)
        : base(message)
    {
        Code = code;
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

    /// <summary>A stable machine-readable code, e.g. <c>dossier.transition-forbidden</c>.</summary>
    public string Code { get; } = "rule";

    /// <summary>True when the input was malformed rather than the operation forbidden (400 rather than 422).</summary>
    public bool IsInvalidInput { get; init; }

    /// <summary>True when the caller acted on a stale version of the record (409).</summary>
    public bool IsConflict { get; init; }

    /// <summary>Each rule broken, when there are several (e.g. a hand-moved outreach session); shown as a list.</summary>
    public IReadOnlyList<string> Violations { get; init; } = [];
}
