using MotCua.Domain;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Platform;

/// <summary>Rate limits, security headers and cross-site request protection for cookie-authenticated API calls.</summary>
public static class Hardening
{
    public const string PublicRateLimit = "public";

    /// <summary>Sign-in, token refresh and field enrolment: guesses of a secret.</summary>
    public const string SignInRateLimit = "signin";

    public static IServiceCollection AddMotCuaHardening(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var signInPerMinute = configuration.GetValue("MotCua:RateLimits:SignInPerMinute", 10);
        var publicPerMinute = configuration.GetValue("MotCua:RateLimits:PublicPerMinute", 30);
        services.AddAntiforgery(o => o.HeaderName = "RequestVerificationToken");
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                var retry = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(10);
                ctx.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

                await Problems.Result(ProblemKind.TooMany, "request.rate-limited", "Too many attempts from this address; wait a minute and try again.").ExecuteAsync(ctx.HttpContext);
            };

            // Per client address: guessing passwords or dossier secrets needs many tries, a person needs a few.
            o.AddPolicy(SignInRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(Client(http), _ =>
                new FixedWindowRateLimiterOptions { PermitLimit = signInPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(PublicRateLimit, http => RateLimitPartition.GetSlidingWindowLimiter(Client(http), _ =>
                new SlidingWindowRateLimiterOptions { PermitLimit = publicPerMinute, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0 }));
        });
        return services;
    }

    private static string Client(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// Headers on every response: no framing, no MIME sniffing, no referrer (public lookup links carry the secret),
    /// and a content security policy that allows only the app's own scripts, styles, fonts and images.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var h = http.Response.Headers;
            h.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; "
                + "media-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=()";
            h["Cross-Origin-Opener-Policy"] = "same-origin";

            // Pages, API answers, PDFs and scans carry personal data or secrets: no browser or proxy keeps a copy. Only the
            // static files (served before routing, so without an endpoint) may be cached.
            if (http.GetEndpoint() is not null || http.Response.StatusCode >= 400)
            {
                h.CacheControl = "no-store";
                h.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        });
        await next(http);
    });

    /// <summary>A NUL character in the path or query is never meaningful here and PostgreSQL cannot store it: refuse it at the door.</summary>
    public static IApplicationBuilder UseInputGuards(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Request.QueryString.Value?.Contains("%00", StringComparison.Ordinal) == true || http.Request.Path.Value?.Contains('\0', StringComparison.Ordinal) == true)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await Problems.Result(RuleKind.Invalid, "request.invalid-characters", "The address contains a NUL character.").ExecuteAsync(http);
            return;
        }

        await next(http);
    });

    /// <summary>
    /// A state-changing API call authenticated by the sign-in cookie must carry the antiforgery token in a header, so
    /// another site cannot make the officer's browser send it. Bearer-token and field-device clients are not exposed to this and skip it.
    /// </summary>
    public static IApplicationBuilder UseApiAntiforgery(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var request = http.Request;
        if (request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
            && http.User.Identity?.IsAuthenticated == true
            && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
            && !request.Headers.Authorization.ToString().StartsWith(DeviceCredentials.Scheme + " ", StringComparison.Ordinal))
        {
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                await Problems.Result(RuleKind.Invalid, "request.antiforgery", "The antiforgery token is missing or out of date: reload the page and try again.").ExecuteAsync(http);
                return;
            }
        }

        await next(http);
    });
}
