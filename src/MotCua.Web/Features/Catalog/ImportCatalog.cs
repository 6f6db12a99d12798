using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalog;
using MotCua.Web.Data;
using MotCua.Web.Platform;

namespace MotCua.Web.Features.Catalog;

/// <summary>
/// Loads a catalogue: procedures are matched by code; each version is added, or replaced when one with the same
/// effective date exists. Versions missing from the import are kept, since dossiers point at them.
/// </summary>
public static class ImportCatalog
{
    public sealed record Result(int ProceduresCreated, int ProceduresUpdated, int VersionsWritten);

    /// <summary>Imports a catalogue in the exchange format (JSON, CSV, a field kit's, the shipped seed); null with every error added when it is invalid or empty.</summary>
    public static async Task<Result?> ExecuteAsync(CatalogDocument document, MotCuaDb db, ValidationErrors errors, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var parsed = CatalogMapping.Parse(document, errors);
        return parsed is null || errors.Any ? null : await ExecuteAsync(parsed, db, ct);
    }

    public static async Task<Result> ExecuteAsync(IReadOnlyList<ParsedProcedure> procedures, MotCuaDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(procedures);
        ArgumentNullException.ThrowIfNull(db);
        var codes = procedures.Select(p => p.Code).ToList();
        var existing = await db.Procedures.Include(p => p.Versions).Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, ct);
        int created = 0, updated = 0, versions = 0;
        foreach (var parsed in procedures)
        {
            if (existing.TryGetValue(parsed.Code, out var procedure))
            {
                procedure.Rename(parsed.Name, parsed.Field);
                updated++;
            }
            else
            {
                procedure = new Procedure(parsed.Code, parsed.Name, parsed.Field);
                db.Procedures.Add(procedure);
                created++;
            }

            foreach (var (from, rules) in parsed.Versions)
            {
                var before = procedure.Versions.Count;
                var version = procedure.SetVersion(rules, from);
                if (procedure.Versions.Count > before)
                {
                    db.Entry(version).State = EntityState.Added;
                }

                versions++;
            }
        }

        await db.SaveChangesAsync(ct);
        return new Result(created, updated, versions);
    }
}
