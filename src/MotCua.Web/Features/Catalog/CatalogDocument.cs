using System.Globalization;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalog;
using MotCua.Web.Platform;

namespace MotCua.Web.Features.Catalog;

/// <summary>The exchange format of a procedure catalogue (JSON): what a province imports and exports.</summary>
public sealed record CatalogDocument(IReadOnlyList<ProcedureDocument>? Procedures);

public sealed record ProcedureDocument(string? Code, string? Field, LocalizedTextDocument? Name, IReadOnlyList<VersionDocument>? Versions);

public sealed record VersionDocument(
    DateOnly? EffectiveFrom,
    string? TimeLimit,
    string? ExtendedTimeLimit,
    FeeDocument? Fee,
    IReadOnlyList<Channel>? Channels,
    IReadOnlyList<PaperDocument>? Papers,
    string? LegalBasis);

public sealed record FeeDocument(FeeKind Kind, long Amount = 0, long? OnlineAmount = null, int FirstPages = 0, long NextPageAmount = 0, long? Cap = null)
{
    public static FeeDocument From(Fee f) => new(f.Kind, f.Amount, f.OnlineAmount, f.FirstPages, f.NextPageAmount, f.Cap);

    public Fee ToDomain() => new(Kind, Amount, OnlineAmount, FirstPages, NextPageAmount, Cap);
}

public sealed record PaperDocument(LocalizedTextDocument? Name, PaperForm Form = PaperForm.Original, int Copies = 1, bool Optional = false);

public static class CatalogMapping
{
    public static ProcedureDocument ToDocument(Procedure p) => new(
        p.Code,
        p.Field,
        LocalizedTextDocument.From(p.Name),
        [.. p.Versions.OrderBy(v => v.EffectiveFrom).Select(ToDocument)]);

    public static VersionDocument ToDocument(ProcedureVersion v) => new(
        v.EffectiveFrom,
        v.TimeLimit.ToString(),
        v.ExtendedTimeLimit?.ToString(),
        FeeDocument.From(v.Fee),
        v.Channels,
        [.. v.Papers.Select(p => new PaperDocument(LocalizedTextDocument.From(p.Name), p.Form, p.Copies, p.Optional))],
        v.LegalBasis);

    /// <summary>Validates a whole document; every problem is reported with its path, and nothing is returned if any is found.</summary>
    public static IReadOnlyList<ParsedProcedure>? Parse(CatalogDocument? document, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (document?.Procedures is not { Count: > 0 } procedures)
        {
            errors.Add("procedures", "The catalogue has no procedures.");
            return null;
        }

        if (procedures.Count > 5000)
        {
            errors.Add("procedures", "At most 5000 procedures per import.");
            return null;
        }

        var result = new List<ParsedProcedure>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < procedures.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"procedures[{i}]");
            var p = procedures[i];
            if (p is null)
            {
                errors.Add(path, "A procedure is required.");
                continue;
            }

            var code = p.Code is null ? null : errors.Try($"{path}.code", () => Procedure.NormalizeCode(p.Code));
            if (p.Code is null)
            {
                errors.Add($"{path}.code", "The code is required.");
            }
            else if (code is not null && !seen.Add(code))
            {
                errors.Add($"{path}.code", $"Procedure {code} appears twice.");
            }

            var name = p.Name?.ToDomain();
            if (name is null)
            {
                errors.Add($"{path}.name.vi", "The Vietnamese name is required.");
            }

            if (string.IsNullOrWhiteSpace(p.Field))
            {
                errors.Add($"{path}.field", "The field is required.");
            }

            if (p.Versions is not { Count: > 0 })
            {
                errors.Add($"{path}.versions", "At least one version is required.");
                continue;
            }

            var versions = new List<(DateOnly, ProcedureRules)>();
            for (var j = 0; j < p.Versions.Count; j++)
            {
                var rules = ParseVersion(p.Versions[j], string.Create(CultureInfo.InvariantCulture, $"{path}.versions[{j}]"), errors);
                if (rules is not null)
                {
                    versions.Add(rules.Value);
                }
            }

            if (versions.Select(v => v.Item1).Distinct().Count() != versions.Count)
            {
                errors.Add($"{path}.versions", "Two versions have the same effective date.");
            }

            if (code is not null && name is not null && !string.IsNullOrWhiteSpace(p.Field))
            {
                // Catches over-long names and fields with the domain's own rules.
                errors.Try(path, () => new Procedure(code, name, p.Field));
                result.Add(new ParsedProcedure(code, name, p.Field.Trim(), versions));
            }
        }

        return errors.Any ? null : result;
    }

    private static (DateOnly, ProcedureRules)? ParseVersion(VersionDocument? v, string path, ValidationErrors errors)
    {
        if (v is null)
        {
            errors.Add(path, "A version is required.");
            return null;
        }

        var ok = true;
        if (v.EffectiveFrom is not { } from || from.Year is < 1990 or > 2100)
        {
            errors.Add($"{path}.effectiveFrom", "The effective date is required (1990–2100).");
            ok = false;
            from = default;
        }

        if (!TimeLimit.TryParse(v.TimeLimit, out var limit))
        {
            errors.Add($"{path}.timeLimit", $"'{v.TimeLimit}' is not a time limit (none, same-day, Nd or Nh).");
            ok = false;
        }

        TimeLimit? extended = null;
        if (v.ExtendedTimeLimit is not null)
        {
            if (TimeLimit.TryParse(v.ExtendedTimeLimit, out var ext))
            {
                extended = ext;
            }
            else
            {
                errors.Add($"{path}.extendedTimeLimit", $"'{v.ExtendedTimeLimit}' is not a time limit.");
                ok = false;
            }
        }

        var papers = new List<RequiredPaper>();
        foreach (var (paper, k) in (v.Papers ?? []).Select((x, k) => (x, k)))
        {
            var name = paper?.Name?.ToDomain();
            if (paper is null || name is null)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}.papers[{k}].name.vi"), "Each paper needs a Vietnamese name.");
                ok = false;
                continue;
            }

            papers.Add(new RequiredPaper(name, paper.Form, paper.Copies, paper.Optional));
        }

        if (!ok)
        {
            return null;
        }

        var rules = new ProcedureRules(limit, v.Fee?.ToDomain() ?? Fee.None, papers, v.Channels ?? [], extended, string.IsNullOrWhiteSpace(v.LegalBasis) ? null : v.LegalBasis.Trim());
        return errors.Try(path, () =>
        {
            rules.Validate();
            return ((DateOnly, ProcedureRules)?)(from, rules);
        });
    }
}

public sealed record ParsedProcedure(string Code, LocalizedText Name, string Field, IReadOnlyList<(DateOnly EffectiveFrom, ProcedureRules Rules)> Versions);
