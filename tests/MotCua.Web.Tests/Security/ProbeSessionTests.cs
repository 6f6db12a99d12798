using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Account;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Tests.FieldSync;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Security;

/// <summary>
/// Finding 6 of the probe (issue 12): the old cookie still worked after logout, bearer logout changed nothing and a
/// refresh token worked again and again, also after logout. Now sign-out ends every session on the server and each
/// refresh token works once; a second use ends its whole family.
/// </summary>
public sealed class ProbeSessionTests
{
    [Fact]
    public async Task Probe6_TheCookie_IsRefusedAfterLogout_FromTheApiAndFromThePage()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var user = await app.CreateUserAsync(Roles.CounterOfficer, unit.Code);

        // The API: sign in with a cookie, keep it, sign out, send the kept cookie again.
        using var browser = FieldForms.Browser(app.BaseAddress);
        var login = await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new LoginRequest(user.UserName, MotCuaApp.Password));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("motcua.auth=", StringComparison.Ordinal)).Split(';')[0];
        Assert.Equal(HttpStatusCode.OK, (await WithCookie(app, cookie, "/api/auth/me")).StatusCode);
        var token = (await (await browser.GetAsync("/api/auth/antiforgery")).ReadAsync<AntiforgeryResponse>()).Token;
        using (var logout = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout"))
        {
            logout.Headers.Add("RequestVerificationToken", token);
            Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(logout)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookie(app, cookie, "/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await WithCookie(app, cookie, "/dossiers")).StatusCode);

        // The page: sign in on /login, keep the cookie, press "sign out", use the kept cookie.
        var jar = new CookieContainer();
        using var page = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = jar }) { BaseAddress = app.BaseAddress };
        await FieldForms.PostFormAsync(page, "/login", "/login", new() { ["UserName"] = user.UserName, ["Password"] = MotCuaApp.Password });
        var pageCookie = "motcua.auth=" + jar.GetCookies(app.BaseAddress)["motcua.auth"]!.Value;
        Assert.Equal(HttpStatusCode.OK, (await WithCookie(app, pageCookie, "/api/auth/me")).StatusCode);
        await FieldForms.PostFormAsync(page, "/dossiers", "/logout", []);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookie(app, pageCookie, "/api/auth/me")).StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "auth.signout" && a.EntityKey == user.Id)));
    }

    [Fact]
    public async Task Probe6_BearerAndRefreshTokens_AreRefusedAfterLogout()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var user = await app.CreateUserAsync(Roles.Specialist, unit.Code);
        var tokens = await LoginAsync(app, user.UserName);
        using var client = Bearer(app, tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/dossiers")).StatusCode);
        var refresh = await app.Anonymous.PostJsonAsync("/api/auth/refresh", new RefreshRequest(tokens.RefreshToken));
        Assert.Equal("auth.refresh-invalid", (await ProblemAssert.IsProblemAsync(refresh, HttpStatusCode.Unauthorized)).GetProperty("code").GetString());

        // The officer signs in again: a new session works.
        using var again = Bearer(app, (await LoginAsync(app, user.UserName)).AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Probe6_ARefreshTokenUsedTwice_Is401_AndEndsItsWholeFamily()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var user = await app.CreateUserAsync(Roles.CounterOfficer, unit.Code);
        var first = await LoginAsync(app, user.UserName);
        var other = await LoginAsync(app, user.UserName);

        // The owner refreshes: a new pair, and the first refresh token is spent.
        var second = await (await app.Anonymous.PostJsonAsync("/api/auth/refresh", new RefreshRequest(first.RefreshToken))).ReadAsync<AccessTokenResponse>();
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        using var owner = Bearer(app, second.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/auth/me")).StatusCode);

        // A thief replays the stolen first token: refused, and everything descended from it dies with it.
        await ProblemAssert.IsProblemAsync(await app.Anonymous.PostJsonAsync("/api/auth/refresh", new RefreshRequest(first.RefreshToken)), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await app.Anonymous.PostJsonAsync("/api/auth/refresh", new RefreshRequest(second.RefreshToken)), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, (await owner.GetAsync("/api/auth/me")).StatusCode);
        using var firstAccess = Bearer(app, first.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await firstAccess.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "auth.refresh-reuse" && a.EntityKey == user.Id)));

        // Another sign-in of the same account (another family) is untouched.
        using var elsewhere = Bearer(app, other.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous.PostJsonAsync("/api/auth/refresh", new RefreshRequest(other.RefreshToken))).StatusCode);
    }

    private static async Task<AccessTokenResponse> LoginAsync(MotCuaApp app, string userName)
    {
        var response = await app.Anonymous.PostJsonAsync("/api/auth/login", new LoginRequest(userName, MotCuaApp.Password));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AccessTokenResponse>())!;
    }

    private static HttpClient Bearer(MotCuaApp app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<HttpResponseMessage> WithCookie(MotCuaApp app, string cookie, string url)
    {
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }
}
