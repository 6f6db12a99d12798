using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MotCua.Web.Data;
using MotCua.Web.Data.Audit;
using MotCua.Web.Data.Identity;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Features.Account;

public sealed record LoginRequest(string? UserName, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record AntiforgeryResponse(string Token);

public sealed record MeResponse(string Id, string UserName, string FullName, IReadOnlyList<string> Roles, string? Unit, string? Province, string Culture);

/// <summary>
/// Sign-in for pages (cookie) and API clients (bearer token), built on ASP.NET Core Identity's sign-in manager and
/// bearer token handler. Identity's own MapIdentityApi is not mapped because it exposes self-registration.
/// </summary>
public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Sign-in");
        group.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(Hardening.SignInRateLimit)
            .WithSummary("Signs in with user name and password: a bearer token (default) or the sign-in cookie (useCookies=true). Repeated failures lock the account.")
            .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/refresh", RefreshAsync).AllowAnonymous().RequireRateLimiting(Hardening.SignInRateLimit)
            .WithSummary("Exchanges a refresh token for a new access token.").Produces<AccessTokenResponse>();
        group.MapPost("/logout", LogoutAsync).RequireAuthorization(Policies.Staff).WithSummary("Ends the cookie session.");
        group.MapGet("/me", MeAsync).RequireAuthorization(Policies.Staff).WithSummary("The signed-in user.");
        group.MapGet("/antiforgery", (HttpContext http, IAntiforgery antiforgery) => TypedResults.Ok(new AntiforgeryResponse(antiforgery.GetAndStoreTokens(http).RequestToken!)))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("The token a cookie-signed-in client sends as the RequestVerificationToken header on state-changing API calls.");
        return group;
    }

    private static async Task<IResult> LoginAsync([FromBody] LoginRequest? request, bool? useCookies, SignInManager<StaffUser> signIn, MotCuaDb db, CallerContext caller, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request?.UserName) || string.IsNullOrEmpty(request.Password) || request.UserName.Length > 256 || request.Password.Length > 256)
        {
            return Problems.Invalid("userName", "The user name and password are required.");
        }

        signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.UserName.Trim(), request.Password, isPersistent: false, lockoutOnFailure: true);
        var user = await signIn.UserManager.FindByNameAsync(request.UserName.Trim());
        caller.ActorId = user?.Id ?? "anonymous";
        caller.ActorName = request.UserName.Trim();
        if (result.Succeeded)
        {
            db.Audit(AuditActions.SignIn, "StaffUser", user?.Id, null);
            await db.SaveChangesAsync(ct);
            return TypedResults.Empty;
        }

        db.Audit(result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed, "StaffUser", user?.Id, null);
        await db.SaveChangesAsync(ct);
        return result.IsLockedOut
            ? Problems.Result(ProblemKind.SignIn, "auth.locked-out", "Too many failed attempts: the account is locked for a while. Ask an administrator if you need it now.")
            : Problems.Result(ProblemKind.SignIn, "auth.failed", "The user name or password is wrong.");
    }

    private static async Task<IResult> RefreshAsync([FromBody] RefreshRequest? request, SignInManager<StaffUser> signIn, IOptionsMonitor<BearerTokenOptions> options, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(request?.RefreshToken) || request.RefreshToken.Length > 4096)
        {
            return Problems.Invalid("refreshToken", "The refresh token is required.");
        }

        var ticket = options.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return Problems.Result(ProblemKind.SignIn, "auth.refresh-invalid", "The refresh token is not valid any more; sign in again.");
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<NoContent> LogoutAsync(SignInManager<StaffUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static async Task<IResult> MeAsync(HttpContext http, UserManager<StaffUser> users)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return Problems.Result(ProblemKind.SignIn, "auth.unknown-user", "The account no longer exists.");
        }

        return TypedResults.Ok(new MeResponse(user.Id, user.UserName ?? string.Empty, user.FullName, [.. await users.GetRolesAsync(user)],
            http.User.UnitCodeOf(), http.User.FindFirst(StaffClaims.Province)?.Value, user.Culture));
    }
}
