using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using MotCua.Domain;
using MotCua.Web.Data;
using MotCua.Web.Platform;
using MotCua.Web.Resources;

namespace MotCua.Web.Features.Complaints;

/// <summary>The submitter follows their feedback by its code and secret and says whether the answer satisfies them.</summary>
[AllowAnonymous]
[EnableRateLimiting(Hardening.PublicRateLimit)]
public sealed class FeedbackFollowModel(MotCuaDb db, TimeProvider time, IStringLocalizer<Strings> t, FailureThrottle throttle) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Secret { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }

    public PublicFeedbackResponse? Found { get; private set; }

    public bool Rated { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (throttle.SecretWait(HttpContext) is { } wait)
        {
            return FailureThrottle.TooManyPage(HttpContext, wait);
        }

        var feedback = await RateFeedbackAnswer.FindAsync(db, code, Secret, tracked: false, ct);
        if (feedback is null)
        {
            throttle.SecretFailed(HttpContext);
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Found = await FeedbackQuery.ToPublicAsync(feedback, db, s => t[$"Feedback.Status.{s}"], ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, bool satisfied, CancellationToken ct)
    {
        if (throttle.SecretWait(HttpContext) is { } wait)
        {
            return FailureThrottle.TooManyPage(HttpContext, wait);
        }

        try
        {
            var feedback = await RateFeedbackAnswer.ExecuteAsync(code, Secret, satisfied, db, time, ct);
            if (feedback is null)
            {
                throttle.SecretFailed(HttpContext);
                Response.StatusCode = StatusCodes.Status404NotFound;
                return Page();
            }

            Rated = true;
            Found = await FeedbackQuery.ToPublicAsync(feedback, db, s => t[$"Feedback.Status.{s}"], ct);
            return Page();
        }
        catch (DomainRuleException)
        {
            return await OnGetAsync(code, ct);
        }
    }
}
