using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.HttpOverrides;
using MotCua.Domain;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Platform;

/// <summary>
/// Rate limits, forwarded headers from trusted proxies, cookie security, security headers and cross-site request
/// protection for cookie-authenticated API calls.
/// </summary>
public static class Hardening
{
    /// <summary>
    /// A flood guard on what the public sends (POST) per address: feedback, ratings. Page views and lookups (GET) are
    /// never counted; wrong secrets are, by <see cref="FailureThrottle"/>.
    /// </summary>
    public const string PublicRateLimit = "public";

    /// <summary>Sign-in, token refresh and field enrolment: a flood guard on POSTs per address; wrong passwords and codes are counted by <see cref="FailureThrottle"/>.</summary>
    public const string SignInRateLimit = "signin";

    /// <summary>The configuration keys a province's reverse proxies are listed under (issue 14 relies on them).</summary>
    public const string KnownProxiesKey = "MotCua:ForwardedHeaders:KnownProxies";

    public const string KnownNetworksKey = "MotCua:ForwardedHeaders:KnownNetworks";

    public static IServiceCollection AddMotCuaHardening(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var signInPerMinute = configuration.GetValue("MotCua:RateLimits:SignInPerMinute", 60);
        var publicPerMinute = configuration.GetValue("MotCua:RateLimits:PublicPerMinute", 30);
        services.AddSingleton(FailureThrottle.Settings.From(configuration));
        services.AddSingleton<FailureThrottle>();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "RequestVerificationToken";
            o.Cookie = new SecureCookieBuilder { Name = o.Cookie.Name, HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true };
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                var retry = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(10);
                FailureThrottle.Mark(ctx.HttpContext, retry);

                // A page gets the error page in the reader's language (re-executed for the status); the API problem details.
                if (ctx.HttpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    await Problems.Result(ProblemKind.TooMany, "request.rate-limited", "Too many requests from this address; wait a minute and try again.").ExecuteAsync(ctx.HttpContext);
                }
            };

            // Per client address, and only what writes: a burst of POSTs is a flood, a burst of page views is a busy centre.
            o.AddPolicy(SignInRateLimit, http => Writes(http) ? RateLimitPartition.GetFixedWindowLimiter(FailureThrottle.AddressOf(http), _ =>
                new FixedWindowRateLimiterOptions { PermitLimit = signInPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }) : RateLimitPartition.GetNoLimiter("read"));
            o.AddPolicy(PublicRateLimit, http => Writes(http) ? RateLimitPartition.GetSlidingWindowLimiter(FailureThrottle.AddressOf(http), _ =>
                new SlidingWindowRateLimiterOptions { PermitLimit = publicPerMinute, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0 }) : RateLimitPartition.GetNoLimiter("read"));
        });
        services.Configure<ForwardedHeadersOptions>(o => ConfigureForwardedHeaders(o, configuration));
        return services;
    }

    private static bool Writes(HttpContext http) => !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method);

    /// <summary>
    /// Forwarded headers (<c>X-Forwarded-For</c>, <c>X-Forwarded-Proto</c>) are believed only when they come from a proxy
    /// listed under <see cref="KnownProxiesKey"/> (<c>:0</c>, <c>:1</c>, … IP addresses) or inside a network under
    /// <see cref="KnownNetworksKey"/> (CIDR). With none listed they are ignored: anybody can write those headers.
    /// </summary>
    public static void ConfigureForwardedHeaders(ForwardedHeadersOptions o, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(configuration);
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        o.KnownProxies.Clear();
        o.KnownIPNetworks.Clear();

        // Each hop is checked: an address is taken only from a proxy that is itself trusted, however long the chain.
        o.ForwardLimit = null;
        foreach (var (key, value) in Entries(configuration, KnownProxiesKey))
        {
            o.KnownProxies.Add(IPAddress.TryParse(value, out var ip) ? ip : throw new InvalidOperationException($"{key} must be an IP address, not '{value}'."));
        }

        foreach (var (key, value) in Entries(configuration, KnownNetworksKey))
        {
            o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(value, out var network) ? network : throw new InvalidOperationException($"{key} must be a network in CIDR notation (e.g. 10.0.0.0/8), not '{value}'."));
        }
    }

    /// <summary>Whether any trusted proxy is configured (else the forwarded-headers middleware is not even added).</summary>
    public static bool TrustsProxies(IConfiguration configuration) =>
        Entries(configuration, KnownProxiesKey).Any() || Entries(configuration, KnownNetworksKey).Any();

    private static IEnumerable<(string Key, string Value)> Entries(IConfiguration configuration, string section) =>
        configuration.GetSection(section).GetChildren().Where(c => !string.IsNullOrWhiteSpace(c.Value)).Select(c => (c.Path, c.Value!.Trim()));

    /// <summary>First in the pipeline: the client's address and scheme as the trusted proxy saw them, for everything after.</summary>
    public static IApplicationBuilder UseTrustedForwardedHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return TrustsProxies(app.ApplicationServices.GetRequiredService<IConfiguration>()) ? app.UseForwardedHeaders() : app;
    }

    /// <summary>
    /// Whether a cookie is marked <c>Secure</c>: always when the request is HTTPS (directly, or as a trusted proxy says);
    /// outside Development and Testing also for a plain-HTTP request from another machine, so a misconfigured proxy
    /// makes sign-in fail rather than send the cookie in clear. Only a plain-HTTP request from this same machine (the
    /// loopback developer run, a field laptop on 127.0.0.1:5090) gets cookies without it.
    /// </summary>
    public static bool SecureCookie(HttpContext http, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(environment);
        if (http.Request.IsHttps)
        {
            return true;
        }

        return !environment.IsDevelopment() && !environment.IsEnvironment("Testing") && http.Connection.RemoteIpAddress is { } ip && !IPAddress.IsLoopback(ip);
    }

    /// <summary>
    /// Headers on every response: no framing, no MIME sniffing, no referrer (public lookup links carry the secret),
    /// and a content security policy that allows only the app's own scripts, styles, fonts and images.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var environment = http.RequestServices.GetRequiredService<IHostEnvironment>();
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
            if (http.Request.IsHttps && !environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
            {
                h.StrictTransportSecurity = "max-age=31536000";
            }

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

/// <summary>A cookie marked <c>Secure</c> as <see cref="Hardening.SecureCookie"/> decides for the request.</summary>
public sealed class SecureCookieBuilder : RequestPathBaseCookieBuilder
{
    public override CookieOptions Build(HttpContext context, DateTimeOffset expiresFrom)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = base.Build(context, expiresFrom);
        options.Secure = Hardening.SecureCookie(context, context.RequestServices.GetRequiredService<IHostEnvironment>());
        return options;
    }
}
