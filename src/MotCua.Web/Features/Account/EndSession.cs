using Microsoft.AspNetCore.Identity;
using MotCua.Web.Data;
using MotCua.Web.Data.Audit;
using MotCua.Web.Data.Identity;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Features.Account;

/// <summary>
/// Signing out ends the account's sessions on the server, not only in this browser: the security stamp changes (every
/// cookie and bearer token issued before is refused from the next request, on every node) and the API sign-in's
/// refresh-token family is revoked.
/// </summary>
public static class EndSession
{
    public static async Task ExecuteAsync(HttpContext http, SignInManager<StaffUser> signIn, MotCuaDb db, TimeProvider time, string channel, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        if (await signIn.UserManager.GetUserAsync(http.User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
            if (Sessions.FamilyOf(http.User) is { } id && await db.RefreshTokenFamilies.FindAsync([id], ct) is { } family)
            {
                family.Revoke(time.GetUtcNow(), "sign-out");
            }

            db.Audit(AuditActions.SignOut, nameof(StaffUser), user.Id, channel);
            await db.SaveChangesAsync(ct);
        }

        await signIn.SignOutAsync();
    }
}
