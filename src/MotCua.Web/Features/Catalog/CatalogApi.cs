using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalog;
using MotCua.Web.Data;
using MotCua.Web.Data.Audit;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Features.Catalog;

public sealed record ProcedureSummaryResponse(
    string Code,
    string Field,
    LocalizedTextDocument Name,
    DateOnly? EffectiveFrom,
    string? TimeLimit,
    FeeDocument? Fee,
    IReadOnlyList<Channel> Channels);

public sealed record ProcedureResponse(string Code, string Field, LocalizedTextDocument Name, VersionDocument? Current, IReadOnlyList<VersionDocument> Versions);

public sealed record ImportCatalogResponse(int ProceduresCreated, int ProceduresUpdated, int VersionsWritten);

public static class CatalogApi
{
    public const long MaxImportBytes = 5 * 1024 * 1024;

    public static RouteGroupBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/procedures").WithTags("Catalogue").RequireAuthorization(Policies.Staff);
        group.MapGet("/", ListAsync).WithName("ListProcedures").WithSummary("Procedures with the version in force today; q filters by code or name.");
        group.MapGet("/export", ExportAsync).WithName("ExportCatalogue").WithSummary("The whole catalogue with every version, as JSON (default) or CSV.");
        group.MapGet("/{code}", GetAsync).WithName("GetProcedure");
        group.MapPost("/import", ImportAsync).WithName("ImportCatalogue")
            .WithSummary("Loads procedures from JSON (application/json) or CSV (text/csv); all or nothing.")
            .Accepts<CatalogDocument>("application/json", "text/csv")
            .RequireAuthorization(Policies.ManageCatalogue);
        return group;
    }

    private static async Task<Ok<List<ProcedureSummaryResponse>>> ListAsync(string? q, MotCuaDb db, TimeProvider time, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Domain.Calendar.WorkingCalendar.VietnamOffset).DateTime);
        var procedures = await db.Procedures.AsNoTracking().Include(p => p.Versions).OrderBy(p => p.Code).ToListAsync(ct);
        var term = q?.Trim();
        var list = procedures
            .Where(p => string.IsNullOrEmpty(term) || Matches(p, term))
            .Select(p =>
            {
                var v = p.VersionOn(today) ?? p.Versions.MinBy(x => x.EffectiveFrom);
                return new ProcedureSummaryResponse(p.Code, p.Field, LocalizedTextDocument.From(p.Name), v?.EffectiveFrom, v?.TimeLimit.ToString(),
                    v is null ? null : FeeDocument.From(v.Fee), v?.Channels ?? []);
            })
            .ToList();
        return TypedResults.Ok(list);
    }

    private static bool Matches(Procedure p, string term)
    {
        var folded = TextSearch.Fold(term);
        return p.Code.Contains(term, StringComparison.OrdinalIgnoreCase)
            || TextSearch.Fold(p.Name.Vi).Contains(folded, StringComparison.Ordinal)
            || TextSearch.Fold(p.Name.En ?? string.Empty).Contains(folded, StringComparison.Ordinal)
            || TextSearch.Fold(p.Name.Id ?? string.Empty).Contains(folded, StringComparison.Ordinal);
    }

    private static async Task<IResult> GetAsync(string code, MotCuaDb db, TimeProvider time, CancellationToken ct)
    {
        if (!Procedure.IsValidCode(code.Trim().ToUpperInvariant()))
        {
            return Problems.NotFound($"No procedure has the code '{code}'.");
        }

        var normalized = code.Trim().ToUpperInvariant();
        var p = await db.Procedures.AsNoTracking().Include(x => x.Versions).SingleOrDefaultAsync(x => x.Code == normalized, ct);
        if (p is null)
        {
            return Problems.NotFound($"No procedure has the code '{code}'.");
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Domain.Calendar.WorkingCalendar.VietnamOffset).DateTime);
        var doc = CatalogMapping.ToDocument(p);
        var current = p.VersionOn(today);
        return TypedResults.Ok(new ProcedureResponse(p.Code, p.Field, doc.Name!, current is null ? null : CatalogMapping.ToDocument(current), doc.Versions!));
    }

    private static async Task<IResult> ExportAsync(string? format, MotCuaDb db, CancellationToken ct)
    {
        if (format is not null && format.ToLowerInvariant() is not ("json" or "csv"))
        {
            return Problems.Invalid("format", "The format is json or csv.");
        }

        db.Audit(AuditActions.Export, "Catalogue", null, $"format={format ?? "json"}");
        await db.SaveChangesAsync(ct);
        var procedures = await db.Procedures.AsNoTracking().Include(p => p.Versions).OrderBy(p => p.Code).ToListAsync(ct);
        var catalogue = ExportCatalog.Document(procedures);
        return (format ?? "json").ToLowerInvariant() switch
        {
            "json" => TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(catalogue, Json.Options), "application/json", "motcua-catalogue.json"),
            "csv" => TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(CatalogCsv.Write(catalogue.Procedures!))).ToArray(), "text/csv; charset=utf-8", "motcua-catalogue.csv"),
            _ => Problems.Invalid("format", "The format is json or csv."),
        };
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, MotCuaDb db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (request.ContentLength > MaxImportBytes)
        {
            return Problems.Result(ProblemKind.TooLarge, "request.too-large", $"A catalogue file is at most {MaxImportBytes / 1024 / 1024} MB.");
        }

        CatalogDocument? document;
        using var limited = new StreamReader(request.Body, Encoding.UTF8);
        var text = await ReadLimitedAsync(limited, MaxImportBytes, ct);
        if (text is null)
        {
            return Problems.Result(ProblemKind.TooLarge, "request.too-large", $"A catalogue file is at most {MaxImportBytes / 1024 / 1024} MB.");
        }

        switch (mediaType)
        {
            case "application/json":
                try
                {
                    document = JsonSerializer.Deserialize<CatalogDocument>(text, Json.Options);
                }
                catch (JsonException ex)
                {
                    return Problems.Invalid("body", $"The JSON is not a catalogue: {ex.Message}");
                }

                break;
            case "text/csv":
                document = CatalogCsv.Read(text, errors);
                break;
            default:
                return Problems.Result(ProblemKind.MediaType, "request.media-type", "Send the catalogue as application/json or text/csv.");
        }

        var result = document is null || errors.Any ? null : await ImportCatalog.ExecuteAsync(document, db, errors, ct);
        if (result is null)
        {
            return errors.Any ? errors.ToResult() : Problems.Invalid("body", "The catalogue is empty.");
        }

        return TypedResults.Ok(new ImportCatalogResponse(result.ProceduresCreated, result.ProceduresUpdated, result.VersionsWritten));
    }

    private static async Task<string?> ReadLimitedAsync(StreamReader reader, long maxBytes, CancellationToken ct)
    {
        var buffer = new char[8192];
        var sb = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer, ct)) > 0)
        {
            sb.Append(buffer, 0, read);
            if (sb.Length > maxBytes)
            {
                return null;
            }
        }

        return sb.ToString();
    }
}
