using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Account;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Security;

/// <summary>
/// Findings 7, 8 and 12 of the probe (issue 12): behind a reverse proxy everybody shared one identity; rate limits
/// counted page views (an 11th /login a minute gave 429, public pages stopped at 30 a minute with raw English JSON);
/// lockout told which accounts exist and let anyone lock a chosen account.
/// </summary>
public sealed class ProbeProxyAndThrottleTests
{
    private const string Proxy = "MotCua:ForwardedHeaders:KnownProxies:0";

    [Fact]
    public async Task Probe7_FromAConfiguredProxy_EachForwardedClientIsItsOwn_ForLimitsAuditAndSecureCookies()
    {
        await using var app = await MotCuaApp.StartAsync(settings: new() { [Proxy] = "127.0.0.1" });
        var unit = await app.AddUnitAsync();
        var user = await app.CreateUserAsync(Roles.CounterOfficer, unit.Code);

        // Wrong receipt codes from one citizen behind the proxy stop that citizen only.
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await Lookup(app, "203.0.113.1", i)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await Lookup(app, "203.0.113.1", 99)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Lookup(app, "203.0.113.2", 99)).StatusCode);

        // The trail records the client's address; the cookie is Secure when the proxy says the client came over HTTPS.
        var login = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login?useCookies=true") { Content = JsonContent.Create(new LoginRequest(user.UserName, MotCuaApp.Password)) };
        login.Headers.Add("X-Forwarded-For", "198.51.100.7");
        login.Headers.Add("X-Forwarded-Proto", "https");
        var signedIn = await app.Anonymous.SendAsync(login);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Contains("secure", Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("motcua.auth=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("198.51.100.7", await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "auth.signin" && a.EntityKey == user.Id && a.Details == "api").OrderBy(a => a.Id).Select(a => a.Ip).LastAsync()));
    }

    [Fact]
    public async Task Probe7_WithoutAConfiguredProxy_ForwardedHeadersAreIgnored()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var user = await app.CreateUserAsync(Roles.CounterOfficer, unit.Code);
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await Lookup(app, $"203.0.113.{i + 1}", i)).StatusCode);
        }

        // Writing a new X-Forwarded-For each time buys nothing: the address is the connection's.
        var limited = await Lookup(app, "203.0.113.200", 99);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);

        var login = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login?useCookies=true") { Content = JsonContent.Create(new LoginRequest(user.UserName, MotCuaApp.Password)) };
        login.Headers.Add("X-Forwarded-For", "198.51.100.7");
        login.Headers.Add("X-Forwarded-Proto", "https");
        var signedIn = await app.Anonymous.SendAsync(login);
        Assert.DoesNotContain("secure", Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("motcua.auth=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("127.0.0.1", await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "auth.signin" && a.EntityKey == user.Id && a.Details == "api").OrderBy(a => a.Id).Select(a => a.Ip).LastAsync()));
    }

    [Fact]
    public async Task Probe7_InProduction_APlainHttpSignInFromAnotherMachine_GetsASecureCookie_ALoopbackOneDoesNot()
    {
        await using var app = await MotCuaApp.StartAsync(settings: new() { [Proxy] = "127.0.0.1", ["environment"] = "Production" });
        var unit = await app.AddUnitAsync();
        var user = await app.CreateUserAsync(Roles.CounterOfficer, unit.Code);
        async Task<string> CookieFrom(string? forwardedFor)
        {
            var login = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login?useCookies=true") { Content = JsonContent.Create(new LoginRequest(user.UserName, MotCuaApp.Password)) };
            if (forwardedFor is not null)
            {
                login.Headers.Add("X-Forwarded-For", forwardedFor);
            }

            var response = await app.Anonymous.SendAsync(login);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("motcua.auth=", StringComparison.Ordinal));
        }

        Assert.Contains("secure", await CookieFrom("198.51.100.7"), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", await CookieFrom(null), StringComparison.OrdinalIgnoreCase);

        // Over HTTPS (as the proxy says) browsers are told to stay on HTTPS.
        using var https = new HttpRequestMessage(HttpMethod.Get, "/login");
        https.Headers.Add("X-Forwarded-For", "198.51.100.7");
        https.Headers.Add("X-Forwarded-Proto", "https");
        var page = await app.Anonymous.SendAsync(https);
        Assert.Equal("max-age=31536000", page.Headers.TryGetValues("Strict-Transport-Security", out var hsts) ? hsts.Single() : null);
    }

    [Fact]
    public async Task Probe8_PageViews_AreNeverLimited_WrongCodesGetAPageSayingWhenToRetry()
    {
        await using var app = await MotCuaApp.StartAsync();
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/login")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/tra-cuu")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/phan-anh")).StatusCode);
        }

        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/tra-cuu?number=000.00.99.T01-260302-{i + 1:0000}&secret=GUESS{i:000}")).StatusCode);
        }

        var vi = await browser.GetAsync("/tra-cuu?number=000.00.99.T01-260302-0001&secret=ABCDEFGH");
        Assert.Equal(HttpStatusCode.TooManyRequests, vi.StatusCode);
        Assert.Equal("text/html", vi.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(vi.Headers.RetryAfter);
        var html = WebUtility.HtmlDecode(await vi.Content.ReadAsStringAsync());
        Assert.Contains("Vui lòng thử lại lúc 09:15", html, StringComparison.Ordinal);

        using var en = new HttpRequestMessage(HttpMethod.Get, "/danh-gia/000.00.99.T01-260302-0001?secret=ABCDEFGH");
        en.Headers.AcceptLanguage.ParseAdd("en");
        var english = await browser.SendAsync(en);
        Assert.Equal(HttpStatusCode.TooManyRequests, english.StatusCode);
        Assert.Contains("Please try again at 09:15", WebUtility.HtmlDecode(await english.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // The address may try again once its failures leave the window.
        app.Time.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/tra-cuu?number=000.00.99.T01-260302-0001&secret=ABCDEFGH")).StatusCode);
    }

    [Fact]
    public async Task Probe12_AnUnknownAccount_AnswersExactlyLikeAKnownOne_AndNobodyCanLockTheAdministratorOut()
    {
        await using var app = await MotCuaApp.StartAsync(settings: new() { [Proxy] = "127.0.0.1" });
        var admin = await app.CreateUserAsync(Roles.Administrator);
        async Task<(HttpStatusCode, string?, string?)> TryAsync(string name, string password, string from)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new LoginRequest(name, password)) };
            request.Headers.Add("X-Forwarded-For", from);
            var response = await app.Anonymous.SendAsync(request);
            System.Text.Json.JsonElement? body = response.StatusCode == HttpStatusCode.OK ? null : await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            return (response.StatusCode, body?.GetProperty("code").GetString(), body?.GetProperty("detail").GetString());
        }

        var known = new List<(HttpStatusCode, string?, string?)>();
        var unknown = new List<(HttpStatusCode, string?, string?)>();
        for (var i = 0; i < 7; i++)
        {
            known.Add(await TryAsync(admin.UserName, $"guess-{i}-password", "203.0.113.10"));
            unknown.Add(await TryAsync("khong-ton-tai", $"guess-{i}-password", "203.0.113.11"));
        }

        Assert.Equal(unknown, known);
        Assert.Equal(5, known.Count(k => k.Item1 == HttpStatusCode.Unauthorized));
        Assert.Equal(2, known.Count(k => k.Item1 == HttpStatusCode.TooManyRequests));

        // An hour of tries from one address (5 every quarter) never locks the administrator.
        for (var quarter = 0; quarter < 4; quarter++)
        {
            app.Time.Advance(TimeSpan.FromMinutes(16));
            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, (await TryAsync(admin.UserName, "still-guessing", "203.0.113.10")).Item1);
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await TryAsync(admin.UserName, MotCuaApp.Password, "192.0.2.50")).Item1);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == admin.Id).Select(u => u.LockoutEnd != null).SingleAsync()));

        // What was typed as a user name is nowhere in the trail.
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => (a.ActorName != null && a.ActorName.Contains("khong-ton-tai")) || (a.Details != null && a.Details.Contains("khong-ton-tai")))));
        var pseudonyms = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "auth.signin-failed" && a.EntityKey == null).Select(a => a.Details!).Distinct().ToListAsync());
        Assert.StartsWith("api: unknown account #", Assert.Single(pseudonyms), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Lookup(MotCuaApp app, string from, int guess)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/public/dossiers/000.00.99.T01-260302-{guess + 1:0000}?secret=GUESS{guess:000}");
        request.Headers.Add("X-Forwarded-For", from);
        return app.Anonymous.SendAsync(request);
    }
}
