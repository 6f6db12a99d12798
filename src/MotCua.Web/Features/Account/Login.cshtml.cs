using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using MotCua.Web.Data;
using MotCua.Web.Data.Identity;
using MotCua.Web.Platform;
using MotCua.Web.Resources;

namespace MotCua.Web.Features.Account;

[EnableRateLimiting(Hardening.SignInRateLimit)]
public sealed class LoginModel(SignInManager<StaffUser> signIn, MotCuaDb db, FailureThrottle throttle, SignInGuard guard, TimeProvider time, NodeRole node, IStringLocalizer<Strings> t) : PageModel
{
    /// <summary>On a field laptop members sign in with the PIN set for that laptop, not their password.</summary>
    public bool FieldKit => node.IsFieldKit;

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password) || UserName.Length > 256 || Password.Length > 256)
        {
            Error = t["Login.Required"];
            return Page();
        }

        var attempt = await SignInAttempt.CheckAsync(UserName, Password, "page", HttpContext, signIn, db, throttle, guard, ct);
        if (attempt.Result == SignInAttempt.Result.Throttled)
        {
            FailureThrottle.Mark(HttpContext, attempt.RetryAfter!.Value);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Error = string.Format(System.Globalization.CultureInfo.CurrentCulture, t["Throttle.SignIn"], WhenText(attempt.RetryAfter.Value), FailureThrottle.Minutes(attempt.RetryAfter.Value));
            return Page();
        }

        if (attempt.Result == SignInAttempt.Result.Failed)
        {
            // The same words for an unknown account, a wrong password and a locked account.
            Error = t["Login.Failed"];
            return Page();
        }

        var user = attempt.User!;
        await signIn.SignInAsync(user, isPersistent: false);

        // A language picked on the sign-in page is the officer's choice from now on; otherwise the interface speaks the
        // language they chose last time, on any computer.
        var picked = Request.Cookies.ContainsKey(CookieRequestCultureProvider.DefaultCookieName) ? Localization.Culture() : null;
        if (picked is not null && picked != user.Culture)
        {
            user.Culture = picked;
            await signIn.UserManager.UpdateAsync(user);
            await signIn.RefreshSignInAsync(user);
        }

        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(Localization.CultureNameOf(user.Culture))),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365), Secure = Request.IsHttps });
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    /// <summary>The local time the address may try again, as the reader reads times.</summary>
    private string WhenText(TimeSpan wait) => Domain.Calendar.WorkingCalendar.ToLocal(time.GetUtcNow() + wait).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
