using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Data.Identity;
using MotCua.Web.Platform;

namespace MotCua.Web.Features.Account;

/// <summary>Switches the interface language; for a signed-in officer it is remembered on the account.</summary>
public sealed class LanguageModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(string? culture, string? returnUrl)
    {
        var language = Localization.SupportedCultures.Contains(culture) ? culture! : "vi";
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(Localization.CultureNameOf(language))),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365), Secure = Request.IsHttps });
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user && user.Culture != language)
        {
            user.Culture = language;
            await users.UpdateAsync(user);
            await signIn.RefreshSignInAsync(user);
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
