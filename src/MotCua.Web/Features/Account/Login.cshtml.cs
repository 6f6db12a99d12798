using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using MotCua.Web.Data;
using MotCua.Web.Data.Audit;
using MotCua.Web.Data.Identity;
using MotCua.Web.Platform;
using MotCua.Web.Resources;

namespace MotCua.Web.Features.Account;

[EnableRateLimiting(Hardening.SignInRateLimit)]
public sealed class LoginModel(SignInManager<StaffUser> signIn, MotCuaDb db, CallerContext caller, IStringLocalizer<Strings> t) : PageModel
{
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

        var name = UserName.Trim();
        var result = await signIn.PasswordSignInAsync(name, Password, isPersistent: false, lockoutOnFailure: true);
        var user = await signIn.UserManager.FindByNameAsync(name);
        caller.ActorId = user?.Id ?? "anonymous";
        caller.ActorName = name;
        db.Audit(result.Succeeded ? AuditActions.SignIn : result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed, "StaffUser", user?.Id, "page");
        await db.SaveChangesAsync(ct);
        if (!result.Succeeded)
        {
            Error = result.IsLockedOut ? t["Login.LockedOut"] : t["Login.Failed"];
            return Page();
        }

        // A language picked on the sign-in page is the officer's choice from now on; otherwise the interface speaks the
        // language they chose last time, on any computer.
        var picked = Request.Cookies.ContainsKey(CookieRequestCultureProvider.DefaultCookieName) ? Localization.Culture() : null;
        if (picked is not null && picked != user!.Culture)
        {
            user.Culture = picked;
            await signIn.UserManager.UpdateAsync(user);
            await signIn.RefreshSignInAsync(user);
        }

        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(Localization.CultureNameOf(user!.Culture))),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365) });
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
