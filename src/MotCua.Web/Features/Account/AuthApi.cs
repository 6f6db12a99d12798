using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
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
            .WithSummary("Signs in with user name and password: a bearer token (default) or the sign-in cookie (useCookies=true). Wrong passwords are throttled per account name and address (429 with Retry-After), and an unknown account, a wrong password and a locked account answer the same 401.")
            .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/refresh", RefreshAsync).AllowAnonymous().RequireRateLimiting(Hardening.SignInRateLimit)
            .WithSummary("Exchanges a refresh token for a new access token and a new refresh token. Each refresh token works once: one used again answers 401 and ends the whole sign-in (every token descended from it).")
            .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/logout", LogoutAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("Signs out: every cookie, access token and refresh token of the account stops working at once (its security stamp changes).");
        group.MapGet("/me", MeAsync).RequireAuthorization(Policies.Staff).WithSummary("The signed-in user.");
        group.MapGet("/antiforgery", (HttpContext http, IAntiforgery antiforgery) => TypedResults.Ok(new AntiforgeryResponse(antiforgery.GetAndStoreTokens(http).RequestToken!)))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("The token a cookie-signed-in client sends as the RequestVerificationToken header on state-changing API calls.");
        return group;
    }

    /// <summary>How long an API sign-in lasts however often it is refreshed (<c>MotCua:Auth:SessionLifetime</c>, default 30 days).</summary>
    public static TimeSpan SessionLifetime(IConfiguration configuration) => configuration.GetValue("MotCua:Auth:SessionLifetime", TimeSpan.FromDays(30));

    private static async Task<IResult> LoginAsync([FromBody] LoginRequest? request, bool? useCookies, SignInManager<StaffUser> signIn, MotCuaDb db, FailureThrottle throttle,
        SignInGuard guard, TimeProvider time, IConfiguration configuration, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request?.UserName) || string.IsNullOrEmpty(request.Password) || request.UserName.Length > 256 || request.Password.Length > 256)
        {
            return Problems.Invalid("userName", "The user name and password are required.");
        }

        var attempt = await SignInAttempt.CheckAsync(request.UserName, request.Password, "api", http, signIn, db, throttle, guard, ct);
        switch (attempt.Result)
        {
            case SignInAttempt.Result.Throttled:
                return FailureThrottle.TooMany(http, attempt.RetryAfter!.Value);
            case SignInAttempt.Result.Failed:
                return Problems.Result(ProblemKind.SignIn, "auth.failed", "The user name or password is wrong, or the account is locked for a while.");
        }

        var user = attempt.User!;
        if (useCookies == true)
        {
            await signIn.SignInAsync(user, isPersistent: false);
            return TypedResults.Empty;
        }

        var family = new RefreshTokenFamily(user.Id, time.GetUtcNow(), SessionLifetime(configuration));
        db.RefreshTokenFamilies.Add(family);
        await db.SaveChangesAsync(ct);
        return TypedResults.SignIn(Sessions.WithFamily(await signIn.CreateUserPrincipalAsync(user), family), authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<IResult> RefreshAsync([FromBody] RefreshRequest? request, SignInManager<StaffUser> signIn, IOptionsMonitor<BearerTokenOptions> options, MotCuaDb db,
        FailureThrottle throttle, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request?.RefreshToken) || request.RefreshToken.Length > 4096)
        {
            return Problems.Invalid("refreshToken", "The refresh token is required.");
        }

        var address = FailureThrottle.AddressOf(http);
        if (throttle.RetryAfter(throttle.Rules.SignInPerAddress, address) is { } wait)
        {
            return FailureThrottle.TooMany(http, wait);
        }

        var now = time.GetUtcNow();
        var ticket = options.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        var familyId = Sessions.FamilyOf(ticket?.Principal);
        var tokenId = Sessions.TokenOf(ticket?.Principal);
        var family = familyId is { } f ? await db.RefreshTokenFamilies.SingleOrDefaultAsync(x => x.Id == f, ct) : null;
        if (ticket?.Properties.ExpiresUtc is not { } expires || now >= expires || family is null || tokenId is null || !family.IsActive(now))
        {
            throttle.Fail(throttle.Rules.SignInPerAddress, address);
            return Invalid();
        }

        if (family.CurrentToken != tokenId)
        {
            // Used before: whoever holds this token now, the sign-in it came from is no longer trusted by anyone.
            return await RevokeAsync(family, "reuse", db, now, ct);
        }

        if (await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return await RevokeAsync(family, "account", db, now, ct);
        }

        family.Rotate(now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The same token raced in twice: the loser is a reuse.
            db.ChangeTracker.Clear();
            var again = await db.RefreshTokenFamilies.SingleAsync(x => x.Id == family.Id, ct);
            return await RevokeAsync(again, "reuse", db, now, ct);
        }

        return TypedResults.SignIn(Sessions.WithFamily(await signIn.CreateUserPrincipalAsync(user), family), authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static IResult Invalid() => Problems.Result(ProblemKind.SignIn, "auth.refresh-invalid", "The refresh token is not valid any more; sign in again.");

    private static async Task<IResult> RevokeAsync(RefreshTokenFamily family, string reason, MotCuaDb db, DateTimeOffset now, CancellationToken ct)
    {
        family.Revoke(now, reason);
        db.Caller.ActorId = family.UserId;
        if (reason == "reuse")
        {
            db.Audit(AuditActions.RefreshReuse, nameof(StaffUser), family.UserId, $"a refresh token of the sign-in of {family.CreatedAt:O} was used twice: that sign-in is ended");
        }

        await db.SaveChangesAsync(ct);
        return Invalid();
    }

    private static async Task<NoContent> LogoutAsync(SignInManager<StaffUser> signIn, MotCuaDb db, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        await EndSession.ExecuteAsync(http, signIn, db, time, "api", ct);
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
