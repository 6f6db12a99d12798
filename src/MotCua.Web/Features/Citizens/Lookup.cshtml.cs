using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Web.Data;
using MotCua.Web.Platform;

namespace MotCua.Web.Features.Citizens;

/// <summary>The citizen's page: where is my dossier, from the number and secret on the receipt or its QR code. No sign-in.</summary>
[EnableRateLimiting(Hardening.PublicRateLimit)]
public sealed class LookupModel(MotCuaDb db, FailureThrottle throttle) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Secret { get; set; }

    public PublicDossierResponse? Found { get; private set; }

    public bool Searched { get; private set; }

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

        Searched = true;
        Found = await PublicDossiersApi.FindAsync(Number?.Trim() ?? string.Empty, Secret, db, Localization.Culture(), ct);
        if (Found is null)
        {
            throttle.SecretFailed(HttpContext);
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
