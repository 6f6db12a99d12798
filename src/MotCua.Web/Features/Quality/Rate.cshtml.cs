using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Quality;
using MotCua.Web.Data;
using MotCua.Web.Data.Dossiers;
using MotCua.Web.Platform;

namespace MotCua.Web.Features.Quality;

/// <summary>
/// The citizen rates the service: from the receipt's QR code (the lookup page links here once the result is ready) or on
/// the counter's kiosk (<c>?kiosk=1</c>: large buttons, no sign-in, back to the start after each rating). One rating per
/// dossier; rating again replaces it.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(Hardening.PublicRateLimit)]
public sealed class RateModel(MotCuaDb db, TimeProvider time, FailureThrottle throttle) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Secret { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Kiosk { get; set; }

    public Dossier? Dossier { get; private set; }

    public string? ProcedureName { get; private set; }

    public DossierRating? Existing { get; private set; }

    public bool Searched { get; private set; }

    public bool Thanked { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Number) && string.IsNullOrWhiteSpace(Secret))
        {
            return Page();
        }

        if (throttle.SecretWait(HttpContext) is { } wait)
        {
            return FailureThrottle.TooManyPage(HttpContext, wait);
        }

        await FindAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(bool? satisfied, int? guidance, int? attitude, int? speed, string? comment, CancellationToken ct)
    {
        if (throttle.SecretWait(HttpContext) is { } wait)
        {
            return FailureThrottle.TooManyPage(HttpContext, wait);
        }

        if (!await FindAsync(ct))
        {
            return Page();
        }

        if (satisfied is null)
        {
            Error = "Rating.ChooseLike";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        try
        {
            var outcome = await RateDossier.ExecuteAsync(
                new RateDossier.Input(Number!, Secret!, satisfied.Value, new RatingAnswers(guidance, attitude, speed), comment, Kiosk ? RatingSource.Kiosk : RatingSource.Qr), db, time, ct);
            Thanked = outcome is not null;
            Existing = outcome?.Rating;
        }
        catch (DomainRuleException ex)
        {
            Error = ex.Code == "rating.change-limit" ? "Rating.ChangeLimit" : ex.Kind == RuleKind.Invalid ? "Rating.Invalid" : "Rating.NotYet";
            Response.StatusCode = Problems.StatusOf(ex.Kind);
        }

        return Page();
    }

    private async Task<bool> FindAsync(CancellationToken ct)
    {
        Searched = true;
        Dossier = await CitizenKey.FindDossierAsync(db, Number, Secret, ct);
        if (Dossier is null)
        {
            throttle.SecretFailed(HttpContext);
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        var culture = Localization.Culture();
        ProcedureName = (await db.Procedures.AsNoTracking().Where(p => p.Id == Dossier.ProcedureId).Select(p => p.Name).SingleAsync(ct)).For(culture);

        // The citizen proved they hold the dossier with its secret.
        Existing = await db.DossierRatings.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(r => r.DossierId == Dossier.Id, ct);
        return true;
    }
}
