using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using MotCua.Domain.Calendar;

namespace MotCua.Domain.Catalog;

/// <summary>
/// An administrative procedure (thủ tục hành chính) as published in the national database, e.g. <c>1.001193</c>
/// birth registration, or with a local suffix such as <c>1.000948.H38</c>. Its rules live in dated versions: a
/// dossier keeps the version that was in force on the day it was received.
/// </summary>
public sealed partial class Procedure
{
    private readonly List<ProcedureVersion> _versions = [];

    private Procedure()
    {
        Code = string.Empty;
        Name = new LocalizedText(string.Empty);
        Field = string.Empty;
    }

    public Procedure(string code, LocalizedText name, string field)
    {
        Id = Guid.NewGuid();
        Code = NormalizeCode(code);
        Rename(name, field);
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; }

    public LocalizedText Name { get; private set; }

    /// <summary>The field (lĩnh vực), e.g. <c>civil-status</c>, <c>residence</c>, <c>social-protection</c>.</summary>
    public string Field { get; private set; }

    public IReadOnlyList<ProcedureVersion> Versions => _versions;

    public static bool IsValidCode(string? code) => code is { Length: >= 3 and <= 32 } && CodePattern().IsMatch(code);

    public static string NormalizeCode(string code)
    {
        var c = (code ?? string.Empty).Trim().ToUpperInvariant();
        return IsValidCode(c)
            ? c
            : throw new DomainRuleException("catalog.code-invalid", $"'{code}' is not a procedure code (e.g. 1.001193 or 1.000948.H38).", RuleKind.Invalid);
    }

    [MemberNotNull(nameof(Name), nameof(Field))]
    public void Rename(LocalizedText name, string field)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.IsNullOrWhiteSpace(name.Vi) || name.Vi.Length > 300 || name.En?.Length > 300 || name.Id?.Length > 300)
        {
            throw new DomainRuleException("catalog.name-invalid", "A procedure needs a Vietnamese name of at most 300 characters.", RuleKind.Invalid);
        }

        if (string.IsNullOrWhiteSpace(field) || field.Length > 64)
        {
            throw new DomainRuleException("catalog.field-invalid", "A procedure needs a field of at most 64 characters.", RuleKind.Invalid);
        }

        Name = name;
        Field = field.Trim();
    }

    /// <summary>Adds the rules in force from <paramref name="effectiveFrom"/>, or replaces the version already dated that day.</summary>
    public ProcedureVersion SetVersion(ProcedureRules rules, DateOnly effectiveFrom)
    {
        ArgumentNullException.ThrowIfNull(rules);
        rules.Validate();
        var existing = _versions.FirstOrDefault(v => v.EffectiveFrom == effectiveFrom);
        if (existing is not null)
        {
            existing.Replace(rules);
            return existing;
        }

        var version = new ProcedureVersion(Id, effectiveFrom, rules);
        _versions.Add(version);
        return version;
    }

    /// <summary>The version in force on a date: the latest one that took effect on or before it.</summary>
    public ProcedureVersion? VersionOn(DateOnly date) =>
        _versions.Where(v => v.EffectiveFrom <= date).MaxBy(v => v.EffectiveFrom);

    public ProcedureVersion RequireVersionOn(DateOnly date) => VersionOn(date)
        ?? throw new DomainRuleException("catalog.no-version", $"Procedure {Code} has no version in force on {date:yyyy-MM-dd}.");

    [GeneratedRegex(@"^[0-9A-Z]{1,4}(\.[0-9A-Z]{1,12}){1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}

/// <summary>The rules of a procedure that change with the law: time limit, fee, papers, channels, legal basis.</summary>
public sealed record ProcedureRules(
    TimeLimit TimeLimit,
    Fee Fee,
    IReadOnlyList<RequiredPaper> Papers,
    IReadOnlyList<Channel> Channels,
    TimeLimit? ExtendedTimeLimit = null,
    string? LegalBasis = null)
{
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Fee);
        Fee.Validate();
        if (Channels is null || Channels.Count == 0)
        {
            throw new DomainRuleException("catalog.channels-empty", "A procedure must allow at least one channel.", RuleKind.Invalid);
        }

        if (Channels.Any(c => !Enum.IsDefined(c)))
        {
            throw new DomainRuleException("catalog.channel-invalid", "Unknown channel.", RuleKind.Invalid);
        }

        if (Papers is null || Papers.Count > 50 || Papers.Any(p => p is null || string.IsNullOrWhiteSpace(p.Name?.Vi) || p.Name.Vi.Length > 500 || p.Copies is < 1 or > 20))
        {
            throw new DomainRuleException("catalog.papers-invalid", "Each required paper needs a name (at most 500 characters) and 1–20 copies; at most 50 papers.", RuleKind.Invalid);
        }

        if (LegalBasis?.Length > 500)
        {
            throw new DomainRuleException("catalog.legal-basis-invalid", "The legal basis is at most 500 characters.", RuleKind.Invalid);
        }
    }
}

public sealed class ProcedureVersion
{
    private ProcedureVersion()
    {
        Fee = Fee.None;
        Papers = [];
        Channels = [];
    }

    internal ProcedureVersion(Guid procedureId, DateOnly effectiveFrom, ProcedureRules rules)
    {
        Id = Guid.NewGuid();
        ProcedureId = procedureId;
        EffectiveFrom = effectiveFrom;
        Fee = Fee.None;
        Papers = [];
        Channels = [];
        Replace(rules);
    }

    public Guid Id { get; private set; }

    public Guid ProcedureId { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    public TimeLimit TimeLimit { get; private set; }

    /// <summary>The longer limit some procedures allow when verification is needed (e.g. death registration: 3 working days).</summary>
    public TimeLimit? ExtendedTimeLimit { get; private set; }

    public Fee Fee { get; private set; }

    public IReadOnlyList<RequiredPaper> Papers { get; private set; }

    public IReadOnlyList<Channel> Channels { get; private set; }

    public string? LegalBasis { get; private set; }

    public ProcedureRules Rules => new(TimeLimit, Fee, Papers, Channels, ExtendedTimeLimit, LegalBasis);

    public bool Allows(Channel channel) => Channels.Contains(channel);

    internal void Replace(ProcedureRules rules)
    {
        TimeLimit = rules.TimeLimit;
        ExtendedTimeLimit = rules.ExtendedTimeLimit;
        Fee = rules.Fee;
        Papers = [.. rules.Papers];
        Channels = [.. rules.Channels.Distinct().Order()];
        LegalBasis = rules.LegalBasis;
    }
}
