using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Domain.Calendar;
using MotCua.Web.Platform;

namespace MotCua.Web.Features.Errors;

/// <summary>The page shown for any error: it says what happened in plain words and nothing about the code.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(TimeProvider time) : PageModel
{
    public int Code { get; private set; } = 500;

    /// <summary>For 429: when the address may try again (local time) and in how many minutes.</summary>
    public (string At, int Minutes)? RetryAt { get; private set; }

    public void OnGet(int? code) => Show(code);

    public void OnPost(int? code) => Show(code);

    private void Show(int? code)
    {
        Code = code is >= 400 and <= 599 ? code.Value : 500;

        // Re-executed for another request's error: keep that request's status, not 200.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is not null)
        {
            Response.StatusCode = Code;
        }

        if (Code == StatusCodes.Status429TooManyRequests)
        {
            var wait = HttpContext.Items[FailureThrottle.RetryAfterItem] as TimeSpan? ?? TimeSpan.FromMinutes(1);
            FailureThrottle.Mark(HttpContext, wait);
            RetryAt = (WorkingCalendar.ToLocal(time.GetUtcNow() + wait).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), FailureThrottle.Minutes(wait));
        }
    }
}
