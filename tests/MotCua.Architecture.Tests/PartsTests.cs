using ArchUnitNET.Domain;
using ArchUnitNET.Loader;

namespace MotCua.Architecture.Tests;

/// <summary>
/// The parts of MotCua and the only arrows allowed between them (docs/architecture.md, "Parts and arrows"):
/// <code>
/// Host ──► Features/&lt;X&gt; ──► Platform ──► Data ──► Domain ◄── Planning
/// </code>
/// Every type of every assembly is given a part (generated Razor views by their page's folder), and every dependency
/// the compiler left in the IL — signatures, fields, attributes, generic arguments and method bodies — is checked.
/// A new arrow is a decision: change <see cref="Allowed"/> and write a decision record.
/// </summary>
public sealed class PartsTests
{
    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Loaded = new(() => new ArchLoader()
        .LoadAssemblies(typeof(Web.Host.App).Assembly, typeof(Domain.DomainRuleException).Assembly, typeof(Planning.PlanResult).Assembly)
        .Build());

    /// <summary>Part → the parts it may use (besides itself). "Feature" means any one feature folder using itself only.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Domain"] = [],
        ["Planning"] = ["Domain"],
        ["Data"] = ["Domain"],
        ["Resources"] = [],
        ["Platform"] = ["Data", "Domain", "Resources"],
        ["Feature"] = ["Platform", "Data", "Domain", "Planning", "Resources"],
        ["Host"] = ["Feature", "Platform", "Data", "Domain", "Planning", "Resources"],
    };

    /// <summary>
    /// What one feature may use of another: only these named public use cases (and their input and output records).
    /// Everything else two features share lives in Domain, Data or Platform.
    /// </summary>
    private static readonly (string From, string To, string Type)[] PublicUseCases =
    [
        // The counter page and a synced field dossier receive through the one intake use case.
        ("Intake", "Dossiers", "ReceiveDossier"),
        ("FieldSync", "Dossiers", "ReceiveDossier"),

        // A field kit carries the catalogue in its exchange format and loads it on the laptop.
        ("FieldSync", "Catalog", "CatalogDocument"),
        ("FieldSync", "Catalog", "ExportCatalog"),
        ("FieldSync", "Catalog", "ImportCatalog"),

        // The public schedule page shows the coming outreach sessions of a hamlet.
        ("Citizens", "Outreach", "PublicScheduleQuery"),
        ("Citizens", "Outreach", "PublicSessionResponse"),
        ("Citizens", "Outreach", "PublicProcedure"),
    ];

    [Fact]
    public void EveryArrowIsAllowed()
    {
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in Loaded.Value.Types)
        {
            var from = PartOf(type);
            if (from is null)
            {
                continue;
            }

            foreach (var dependency in type.Dependencies)
            {
                var to = PartOf(dependency.Target);
                if (to is null || to == from || IsAllowed(from, to, dependency.Target))
                {
                    continue;
                }

                violations.Add($"{from} → {to}: {Describe(type)} uses {Describe(dependency.Target)}");
            }
        }

        Assert.True(violations.Count == 0, $"{violations.Count} forbidden arrows:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void EveryTypeOfOursHasAPart()
    {
        var unknown = Loaded.Value.Types
            .Where(t => (t.Namespace?.FullName ?? string.Empty).StartsWith("MotCua", StringComparison.Ordinal) && PartOf(t) is null)
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(unknown);
    }

    [Fact]
    public void FeaturesAreFound()
    {
        // The classification must see the parts it judges, or the arrow test would pass on nothing.
        var parts = Loaded.Value.Types.Select(PartOf).OfType<string>().ToHashSet();
        Assert.Contains("Data", parts);
        Assert.Contains("Platform", parts);
        Assert.Contains("Host", parts);
        Assert.Contains("Feature:Dossiers", parts);
        Assert.Contains("Feature:FieldSync", parts);
        Assert.Contains("Feature:Intake", parts);
        Assert.True(Loaded.Value.Types.Count(t => t.Name.StartsWith("Features_", StringComparison.Ordinal) && PartOf(t) is not null) > 20, "Razor views are classified.");
    }

    private static bool IsAllowed(string from, string to, IType target)
    {
        var fromKind = from.StartsWith("Feature:", StringComparison.Ordinal) ? "Feature" : from;
        var toKind = to.StartsWith("Feature:", StringComparison.Ordinal) ? "Feature" : to;
        if (fromKind == "Feature" && toKind == "Feature")
        {
            var declaring = OuterName(target);
            return PublicUseCases.Any(u => "Feature:" + u.From == from && "Feature:" + u.To == to && u.Type == declaring);
        }

        return toKind != "Feature" || fromKind == "Host"
            ? Allowed[fromKind].Contains(toKind)
            : false;
    }

    /// <summary>The part a type belongs to, or null for types that are not ours (framework, compiler-generated helpers).</summary>
    internal static string? PartOf(IType type)
    {
        var ns = type.Namespace?.FullName ?? string.Empty;
        if (ns is "AspNetCoreGeneratedDocument" or "MotCua.Web.Features")
        {
            // Razor views: Features_Dossiers_Details, Features_Shared__Layout, Features__ViewImports.
            var name = OuterName(type);
            if (!name.StartsWith("Features_", StringComparison.Ordinal))
            {
                return null;
            }

            var folder = name["Features_".Length..].Split('_')[0];
            return folder.Length == 0 ? "Host" : "Feature:" + folder;
        }

        if (ns.StartsWith("MotCua.Domain", StringComparison.Ordinal))
        {
            return "Domain";
        }

        if (ns.StartsWith("MotCua.Planning", StringComparison.Ordinal))
        {
            return "Planning";
        }

        if (ns.StartsWith("MotCua.Web.Features.", StringComparison.Ordinal))
        {
            return "Feature:" + ns["MotCua.Web.Features.".Length..].Split('.')[0];
        }

        return ns switch
        {
            _ when ns.StartsWith("MotCua.Web.Data", StringComparison.Ordinal) => "Data",
            _ when ns.StartsWith("MotCua.Web.Platform", StringComparison.Ordinal) => "Platform",
            _ when ns.StartsWith("MotCua.Web.Resources", StringComparison.Ordinal) => "Resources",
            _ when ns.StartsWith("MotCua.Web.Host", StringComparison.Ordinal) || ns == "MotCua.Web" => "Host",
            "" when OuterName(type) is "Program" => "Host",
            _ => null,
        };
    }

    private static string OuterName(IType type)
    {
        var name = type.FullName;
        var ns = type.Namespace?.FullName ?? string.Empty;
        var local = ns.Length > 0 && name.StartsWith(ns + ".", StringComparison.Ordinal) ? name[(ns.Length + 1)..] : name;
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? local : local[..plus];
    }

    private static string Describe(IType type) => type.Namespace?.FullName is { Length: > 0 } ns ? ns + "." + OuterName(type) : OuterName(type);
}
