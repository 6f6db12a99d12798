using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Web.Data;
using MotCua.Web.Data.Identity;

namespace MotCua.Web.Platform.Auth;

/// <summary>
/// Server-side checks of every staff sign-in on every request: the account's security stamp (changed by signing out,
/// a password reset or a lock, so every cookie and bearer token issued before stops working at once, on every node), and
/// for API tokens the refresh-token family they belong to (revoked by sign-out or by a refresh token used twice).
/// </summary>
public static class Sessions
{
    /// <summary>The refresh-token family (one API sign-in) an access or refresh token belongs to.</summary>
    public const string FamilyClaim = "motcua:session";

    /// <summary>The refresh token a token pair was issued as: only the family's current one may be used to refresh.</summary>
    public const string TokenClaim = "motcua:token";

    public static Guid? FamilyOf(ClaimsPrincipal? user) => Guid.TryParse(user?.FindFirstValue(FamilyClaim), out var id) ? id : null;

    public static Guid? TokenOf(ClaimsPrincipal? user) => Guid.TryParse(user?.FindFirstValue(TokenClaim), out var id) ? id : null;

    /// <summary>A principal for API tokens: the account's claims plus its family and current refresh token.</summary>
    public static ClaimsPrincipal WithFamily(ClaimsPrincipal principal, RefreshTokenFamily family)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(family);
        var identity = (ClaimsIdentity)principal.Identity!;
        foreach (var old in identity.FindAll(c => c.Type is FamilyClaim or TokenClaim).ToList())
        {
            identity.RemoveClaim(old);
        }

        identity.AddClaim(new Claim(FamilyClaim, family.Id.ToString()));
        identity.AddClaim(new Claim(TokenClaim, family.CurrentToken.ToString()));
        return principal;
    }

    /// <summary>Right after authentication: a staff principal whose stamp or family is no longer valid becomes anonymous.</summary>
    public static IApplicationBuilder UseSessionChecks(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated == true && user.Identity.AuthenticationType != DeviceCredentials.Scheme && !await ValidAsync(http, user))
        {
            if (http.Request.Cookies.ContainsKey("motcua.auth"))
            {
                await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            }

            http.User = new ClaimsPrincipal(new ClaimsIdentity());
        }

        await next(http);
    });

    private static async Task<bool> ValidAsync(HttpContext http, ClaimsPrincipal user)
    {
        var stampType = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = user.FindFirstValue(stampType);
        if (id is null || stamp is null)
        {
            return false;
        }

        var db = http.RequestServices.GetRequiredService<MotCuaDb>();
        var current = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleOrDefaultAsync(http.RequestAborted);
        if (current is null || !string.Equals(current, stamp, StringComparison.Ordinal))
        {
            return false;
        }

        return FamilyOf(user) is not { } family
            || await db.RefreshTokenFamilies.AsNoTracking().AnyAsync(f => f.Id == family && f.RevokedAt == null, http.RequestAborted);
    }
}
