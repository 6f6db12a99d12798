using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Data.Dossiers;
using MotCua.Web.Platform;

namespace MotCua.Web.Features.Citizens;

public sealed record PublicDossierResponse(
    string Number,
    DossierStatus Status,
    int StatusCode,
    string StatusText,
    string Procedure,
    string ProcedureName,
    string ApplicantName,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? DueAt,
    bool ReadyToCollect);

/// <summary>What a citizen sees with the number and secret printed on the receipt: status and due date, names masked.</summary>
public static class PublicDossiersApi
{
    public static RouteGroupBuilder MapPublicDossiersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/public/dossiers").WithTags("Public").AllowAnonymous().RequireRateLimiting(Hardening.PublicRateLimit);
        group.MapGet("/{number}", LookupAsync).WithName("LookupDossier")
            .WithSummary("Status and due date of a dossier for the citizen holding its number and secret; a wrong secret and an unknown number answer the same 404.")
            .Produces<PublicDossierResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static async Task<PublicDossierResponse?> FindAsync(string number, string? secret, MotCuaDb db, string culture, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!CitizenKey.TryRead(number, secret, out var n))
        {
            return null;
        }

        // The citizen holds the number and the secret; that, not a staff scope, is what grants this read.
        var row = await db.Dossiers.AsNoTracking().IgnoreQueryFilters()
            .Where(d => d.Number == n)
            .Select(d => new { d.Number, d.Status, d.ProcedureCode, d.ProcedureId, d.Applicant.FullName, d.ReceivedAt, d.DueAt, d.LookupSecret })
            .SingleOrDefaultAsync(ct);
        if (!CitizenKey.Matches(row?.LookupSecret, secret) || row is null)
        {
            return null;
        }

        var name = await db.Procedures.AsNoTracking().Where(p => p.Id == row.ProcedureId).Select(p => p.Name).SingleAsync(ct);
        return new PublicDossierResponse(
            row.Number.ToString(), row.Status, (int)row.Status, StatusText.For(row.Status, culture), row.ProcedureCode, name.For(culture),
            Applicant.MaskName(row.FullName),
            row.ReceivedAt is { } r ? WorkingCalendar.ToLocal(r) : null,
            row.DueAt is { } d ? WorkingCalendar.ToLocal(d) : null,
            row.Status == DossierStatus.Processed);
    }

    private static async Task<IResult> LookupAsync(string number, string? secret, MotCuaDb db, FailureThrottle throttle, HttpContext http, CancellationToken ct)
    {
        if (throttle.SecretWait(http) is { } wait)
        {
            return FailureThrottle.TooMany(http, wait);
        }

        var found = await FindAsync(number, secret, db, Localization.Culture(http), ct);
        if (found is null)
        {
            throttle.SecretFailed(http);
            return Problems.NotFound("No dossier matches this number and secret. Check both on your receipt.");
        }

        return TypedResults.Ok(found);
    }
}

/// <summary>A dossier's state in plain words for citizens.</summary>
public static class StatusText
{
    public static string For(DossierStatus status, string culture) => culture switch
    {
        "en" => status switch
        {
            DossierStatus.NewlyRegistered => "Submitted, waiting for the centre to accept it",
            DossierStatus.Received => "Received by the centre",
            DossierStatus.NotAccepted => "Not accepted",
            DossierStatus.Processing => "Being processed",
            DossierStatus.SupplementRequested => "Waiting for you to bring more papers",
            DossierStatus.AwaitingPayment => "Waiting for you to pay the fee",
            DossierStatus.Withdrawn => "Withdrawn at your request",
            DossierStatus.Stopped => "Processing stopped",
            DossierStatus.Processed => "Ready to collect",
            DossierStatus.ResultReturned => "Result handed over",
            _ => status.ToString(),
        },
        "id" => status switch
        {
            DossierStatus.NewlyRegistered => "Terkirim, menunggu diterima oleh pusat layanan",
            DossierStatus.Received => "Diterima oleh pusat layanan",
            DossierStatus.NotAccepted => "Tidak diterima",
            DossierStatus.Processing => "Sedang diproses",
            DossierStatus.SupplementRequested => "Menunggu Anda melengkapi dokumen",
            DossierStatus.AwaitingPayment => "Menunggu pembayaran biaya",
            DossierStatus.Withdrawn => "Ditarik atas permintaan Anda",
            DossierStatus.Stopped => "Pemrosesan dihentikan",
            DossierStatus.Processed => "Siap diambil",
            DossierStatus.ResultReturned => "Hasil sudah diserahkan",
            _ => status.ToString(),
        },
        _ => status switch
        {
            DossierStatus.NewlyRegistered => "Đã nộp, chờ Trung tâm tiếp nhận",
            DossierStatus.Received => "Trung tâm đã tiếp nhận",
            DossierStatus.NotAccepted => "Không được tiếp nhận",
            DossierStatus.Processing => "Đang giải quyết",
            DossierStatus.SupplementRequested => "Chờ ông/bà bổ sung giấy tờ",
            DossierStatus.AwaitingPayment => "Chờ ông/bà nộp phí, lệ phí",
            DossierStatus.Withdrawn => "Đã rút theo đề nghị của ông/bà",
            DossierStatus.Stopped => "Đã dừng giải quyết",
            DossierStatus.Processed => "Đã có kết quả, mời ông/bà đến nhận",
            DossierStatus.ResultReturned => "Đã trả kết quả",
            _ => status.ToString(),
        },
    };
}
