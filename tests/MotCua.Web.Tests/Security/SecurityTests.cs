using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Account;
using MotCua.Web.Features.Admin;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Host;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Tests.Dossiers;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Security;

public sealed class SecurityTests
{
    /// <summary>
    /// Since issue 12 repeated failures stop the addresses they come from (429, even with the right password) instead of
    /// locking the account: from one address they can never reach the account's limit, and when many addresses do, the
    /// owner at an address that has not failed still signs in. An account an administrator locked answers like a wrong password.
    /// </summary>
    [Fact]
    public async Task SignIn_RepeatedFailures_StopTheirAddressesEvenForTheRightPassword_NotTheOwner()
    {
        await using var app = await MotCuaApp.StartAsync(settings: new() { ["MotCua:ForwardedHeaders:KnownProxies:0"] = "127.0.0.1", ["MotCua:Auth:MaxFailedAttempts"] = "10" });
        var user = await app.CreateUserAsync(Roles.CounterOfficer, (await app.AddUnitAsync()).Code);
        Task<HttpResponseMessage> LoginFrom(string address, string password)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new LoginRequest(user.UserName, password)) };
            request.Headers.Add("X-Forwarded-For", address);
            return app.Anonymous.SendAsync(request);
        }

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginFrom("198.51.100.1", "not-the-password")).StatusCode);
        }

        var throttled = await LoginFrom("198.51.100.1", MotCuaApp.Password);
        await ProblemAssert.IsProblemAsync(throttled, HttpStatusCode.TooManyRequests);
        Assert.NotNull(throttled.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await LoginFrom("198.51.100.9", MotCuaApp.Password)).StatusCode);

        // Five more from a second address reach the account's limit (10 here): both addresses are stopped, a third is not.
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginFrom("198.51.100.2", "not-the-password")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginFrom("198.51.100.3", "not-the-password")).StatusCode);
        await ProblemAssert.IsProblemAsync(await LoginFrom("198.51.100.3", MotCuaApp.Password), HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, (await LoginFrom("198.51.100.4", MotCuaApp.Password)).StatusCode);

        // Locked by an administrator: the right password answers like a wrong one.
        await app.WithDbAsync(async db =>
        {
            var u = await db.Users.SingleAsync(x => x.Id == user.Id);
            u.LockoutEnd = DateTimeOffset.MaxValue;
            return await db.SaveChangesAsync();
        });
        var locked = await ProblemAssert.IsProblemAsync(await LoginFrom("198.51.100.5", MotCuaApp.Password), HttpStatusCode.Unauthorized);
        Assert.Equal("auth.failed", locked.GetProperty("code").GetString());

        var audit = await AuditAsync(app, "auth.");
        Assert.Equal(11, audit.Count(a => a.Action == "auth.signin-failed"));
        Assert.Equal(1, audit.Count(a => a.Action == "auth.locked-out"));
        Assert.All(audit.Where(a => a.Action is "auth.signin-failed" or "auth.locked-out"), a => Assert.Equal(user.Id, a.EntityKey));
        Assert.Equal(["198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.5"], audit.Where(a => a.Action is "auth.signin-failed" or "auth.locked-out").Select(a => a.Ip).Distinct().Order());
    }

    [Fact]
    public async Task PublicLookup_Burst_IsRateLimitedWith429()
    {
        await using var app = await MotCuaApp.StartAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            statuses.Add((await app.Anonymous.GetAsync($"/api/public/dossiers/000.00.99.T01-260302-{i + 1:0000}?secret=GUESS{i:000}")).StatusCode);
        }

        Assert.Equal(30, statuses.Count(s => s == HttpStatusCode.NotFound));
        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        var limited = await app.Anonymous.GetAsync("/api/public/dossiers/000.00.99.T01-260302-0001?secret=ABCDEFGH");
        await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter is not null);
    }

    [Fact]
    public async Task SignIn_Burst_IsRateLimitedWith429()
    {
        await using var app = await MotCuaApp.StartAsync(settings: new() { ["MotCua:RateLimits:FailedSignInsPerAddress"] = "5" });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            statuses.Add((await app.Anonymous.PostJsonAsync("/api/auth/login", new LoginRequest($"guess{i}", "password-guess"))).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task Audit_RecordsCreateTransitionPersonalDataReadAndExport_WithPersonalDataMasked()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var d = await (await unit.Client.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code))).ReadAsync<DossierResponse>();
        await unit.Client.PostJsonAsync($"/api/dossiers/{d.Number}/transitions", new TransitionRequest(DossierAction.StartProcessing, null, d.Version, null));
        await unit.Client.GetAsync($"/api/dossiers/{d.Number}");
        await unit.Client.GetAsync("/api/procedures/export?format=csv");

        var audit = await AuditAsync(app);

        var created = Assert.Single(audit, a => a.Action == "Dossier.added");
        Assert.Contains("*********234", created.Changes, StringComparison.Ordinal);
        Assert.Contains("N***** V** H**", created.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("093080001234", created.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Văn Hoà", created.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain(d.LookupSecret!, created.Changes, StringComparison.Ordinal);
        var transition = Assert.Single(audit, a => a.Action == "Dossier.modified");
        Assert.Contains("\"Status\":[\"Received\",\"Processing\"]", transition.Changes, StringComparison.Ordinal);
        Assert.Equal(2, audit.Count(a => a.Action == "DossierEvent.added"));
        // The step's answer carries the applicant in full too (issue 12, finding 10): two reads, each audited.
        var reads = audit.Where(a => a.Action == "personal-data.read").ToList();
        Assert.Equal(2, reads.Count);
        Assert.All(reads, read => Assert.Equal(d.Number, read.Details));
        Assert.Single(audit, a => a.Action == "export" && a.EntityType == "Catalogue");
        Assert.All(audit.Where(a => a.Action.StartsWith("Dossier", StringComparison.Ordinal) || a.Action == "personal-data.read"), a =>
        {
            Assert.NotEqual("anonymous", a.ActorId);
            Assert.Equal("127.0.0.1", a.Ip);
        });
    }

    [Fact]
    public async Task Audit_CannotBeChangedOrDeletedByTheAppOrTheDatabase()
    {
        await using var app = await MotCuaApp.StartAsync();
        await app.Client.GetAsync("/api/procedures/export");

        await app.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.FirstAsync();
            db.AuditEntries.Remove(entry);
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();

            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Action\" = 'nothing'"));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "export"));
            return 0;
        });
    }

    [Fact]
    public async Task Dossier_ProvinceViewerSeesItMaskedAndItsReadIsNotAPersonalDataRead()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var d = await (await unit.Client.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code))).ReadAsync<DossierResponse>();
        var viewer = await app.CreateUserAsync(Roles.ProvinceViewer, province: "T01");
        var elsewhere = await app.CreateUserAsync(Roles.ProvinceViewer, province: "T99");

        var seen = await (await viewer.Client.GetAsync($"/api/dossiers/{d.Number}")).ReadAsync<DossierResponse>();

        Assert.Equal("*********234", seen.Applicant.CitizenId);
        Assert.Equal("N***** V** H**", seen.Applicant.FullName);
        Assert.Equal("09******78", seen.Applicant.Phone);
        Assert.Null(seen.Applicant.Address);
        Assert.Empty(seen.AllowedActions);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.Client.GetAsync($"/api/dossiers/{d.Number}")).StatusCode);
        Assert.DoesNotContain(await AuditAsync(app), a => a.Action == "personal-data.read");
    }

    [Fact]
    public async Task Transition_RoleThatDoesNotTakeThatStep_Is403()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var counter = await unit.AsAsync(Roles.CounterOfficer);
        var d = await (await counter.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code))).ReadAsync<DossierResponse>();
        Assert.DoesNotContain(DossierAction.StartProcessing, d.AllowedActions);
        Assert.Contains(DossierAction.HandOver, d.AllowedActions);

        var response = await counter.PostJsonAsync($"/api/dossiers/{d.Number}/transitions", new TransitionRequest(DossierAction.StartProcessing, null, d.Version, null));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Cookie_IssuedByOneInstance_IsAcceptedByAnotherOnTheSameDatabase()
    {
        await using var first = await MotCuaApp.StartAsync();
        var unit = await first.AddUnitAsync();
        var user = await first.CreateUserAsync(Roles.CounterOfficer, unit.Code);
        await using var second = await MotCuaApp.StartAsync(database: first.Database);

        var login = await first.Anonymous.PostJsonAsync("/api/auth/login?useCookies=true", new LoginRequest(user.UserName, MotCuaApp.Password));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("motcua.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var me = await second.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(user.UserName, (await me.ReadAsync<MeResponse>()).UserName);
    }

    [Fact]
    public async Task KeyRing_WithACertificateConfigured_IsEncryptedInTheDatabase_AndAnotherNodeWithTheCertificateReadsIt()
    {
        var dir = Directory.CreateTempSubdirectory("motcua-keys-");
        try
        {
            var pfx = await KeyCertificateAsync(dir, "keys.pfx");
            var settings = new Dictionary<string, string?> { [KeyProtection.CertificateKey] = pfx, [KeyProtection.PasswordKey] = "mat-khau-chung-chi" };
            await using var first = await MotCuaApp.StartAsync(settings: settings);
            var unit = await first.AddUnitAsync();
            var user = await first.CreateUserAsync(Roles.CounterOfficer, unit.Code);
            var login = await first.Anonymous.PostJsonAsync("/api/auth/login?useCookies=true", new LoginRequest(user.UserName, MotCuaApp.Password));
            var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("motcua.auth=", StringComparison.Ordinal)).Split(';')[0];

            var keys = await first.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal); // the plain master key
            });

            await using var second = await MotCuaApp.StartAsync(settings: settings, database: first.Database);
            using var me = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
            me.Headers.Add("Cookie", cookie);
            Assert.Equal(HttpStatusCode.OK, (await second.Anonymous.SendAsync(me)).StatusCode);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task KeyRing_NewCertificateWithTheOldListedAsPrevious_StillReadsCookiesOfTheOld_WithoutItDoesNot()
    {
        var dir = Directory.CreateTempSubdirectory("motcua-keys-");
        try
        {
            var (old, @new) = (await KeyCertificateAsync(dir, "old.pfx"), await KeyCertificateAsync(dir, "new.pfx"));
            await using var first = await MotCuaApp.StartAsync(settings: new() { [KeyProtection.CertificateKey] = old, [KeyProtection.PasswordKey] = "mat-khau-chung-chi" });
            var user = await first.CreateUserAsync(Roles.CounterOfficer, (await first.AddUnitAsync()).Code);
            var login = await first.Anonymous.PostJsonAsync("/api/auth/login?useCookies=true", new LoginRequest(user.UserName, MotCuaApp.Password));
            var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("motcua.auth=", StringComparison.Ordinal)).Split(';')[0];

            async Task<HttpStatusCode> MeAsync(MotCuaApp node)
            {
                using var me = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
                me.Headers.Add("Cookie", cookie);
                return (await node.Anonymous.SendAsync(me)).StatusCode;
            }

            var rotated = new Dictionary<string, string?>
            {
                [KeyProtection.CertificateKey] = @new, [KeyProtection.PasswordKey] = "mat-khau-chung-chi",
                [$"{KeyProtection.PreviousKey}:0:Path"] = old, [$"{KeyProtection.PreviousKey}:0:Password"] = "mat-khau-chung-chi",
            };
            await using (var second = await MotCuaApp.StartAsync(settings: rotated, database: first.Database))
            {
                Assert.Equal(HttpStatusCode.OK, await MeAsync(second));
            }

            await using var forgetful = await MotCuaApp.StartAsync(settings: new() { [KeyProtection.CertificateKey] = @new, [KeyProtection.PasswordKey] = "mat-khau-chung-chi" }, database: first.Database);
            Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(forgetful));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>A self-signed RSA certificate with its private key, as a password-protected PKCS#12 file in <paramref name="dir"/>.</summary>
    private static async Task<string> KeyCertificateAsync(DirectoryInfo dir, string name)
    {
        var pfx = Path.Combine(dir.FullName, name);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=MotCua key ring {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddYears(5));
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "mat-khau-chung-chi"));
        return pfx;
    }

    [Theory]
    [InlineData("missing.pfx", "does not exist")]
    [InlineData("garbage.pfx", "could not be read")]
    public void KeyRing_CertificateThatCannotBeRead_StopsTheHostWithTheSettingNamed(string file, string expected)
    {
        var dir = Directory.CreateTempSubdirectory("motcua-keys-");
        try
        {
            var path = Path.Combine(dir.FullName, file);
            if (file == "garbage.pfx")
            {
                File.WriteAllText(path, "not a certificate");
            }

            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [KeyProtection.CertificateKey] = path }).Build();
            var error = Assert.Throws<InvalidOperationException>(() => KeyProtection.Certificate(configuration));

            Assert.StartsWith(KeyProtection.CertificateKey, error.Message, StringComparison.Ordinal);
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task CookieApiPost_WithoutAntiforgeryToken_IsRefusedAndWithItAccepted()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var user = await app.CreateUserAsync(Roles.CounterOfficer, unit.Code);
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true };
        using var browser = new HttpClient(handler) { BaseAddress = app.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await browser.PostJsonAsync("/api/auth/login?useCookies=true", new LoginRequest(user.UserName, MotCuaApp.Password))).StatusCode);

        var refused = await browser.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code));
        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.BadRequest);
        Assert.Equal("request.antiforgery", problem.GetProperty("code").GetString());

        var token = await browser.GetFromJsonAsync<AntiforgeryResponse>("/api/auth/antiforgery", Platform.Json.Options);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/dossiers") { Content = JsonContent.Create(DossierRequests.Birth(unit.Code), options: Platform.Json.Options) };
        request.Headers.Add("RequestVerificationToken", token!.Token);
        Assert.Equal(HttpStatusCode.Created, (await browser.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        await using var app = await MotCuaApp.StartAsync();

        var response = await app.Anonymous.GetAsync("/api/public/dossiers/x?secret=y");

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Anonymise_ClosedDossiersPastRetention_RemovesIdentityAndKeepsTheRest()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var closed = await (await unit.Client.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code))).ReadAsync<DossierResponse>();
        await unit.Client.PostJsonAsync($"/api/dossiers/{closed.Number}/transitions", new TransitionRequest(DossierAction.Withdraw, "Công dân xin rút", closed.Version, null));
        var open = await (await unit.Client.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code))).ReadAsync<DossierResponse>();
        app.Time.Advance(TimeSpan.FromDays(400));

        var result = await app.WithDbAsync(db => AnonymiseDossiers.ExecuteAsync(365, dryRun: false, db, app.Time, default));

        Assert.Equal(1, result.Anonymised);
        var after = await (await unit.Client.GetAsync($"/api/dossiers/{closed.Number}")).ReadAsync<DossierResponse>();
        Assert.Equal(Applicant.AnonymisedName, after.Applicant.FullName);
        Assert.Equal("—", after.Applicant.CitizenId);
        Assert.Null(after.Applicant.Phone);
        Assert.Equal(DossierStatus.Withdrawn, after.Status);
        var stillOpen = await (await unit.Client.GetAsync($"/api/dossiers/{open.Number}")).ReadAsync<DossierResponse>();
        Assert.Equal("093080001234", stillOpen.Applicant.CitizenId);
        Assert.Contains(await AuditAsync(app), a => a.Action == "privacy.anonymise" && a.Details!.StartsWith("1 dossiers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UsersAddCommand_PrintsAGeneratedPasswordThatSignsIn()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        using var output = new StringWriter();

        var code = await Commands.RunAsync(app.Services, ["users", "add", "--user", "nguyenvana", "--name", "Nguyễn Văn A", "--role", "counter-officer", "--unit", unit.Code], output);

        Assert.Equal(0, code);
        var password = output.ToString().Split("Password: ")[1].Split(Environment.NewLine)[0].Trim();
        Assert.Equal(16, password.Length);
        var login = await app.Anonymous.PostJsonAsync("/api/auth/login", new LoginRequest("nguyenvana", password));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);

        using var bad = new StringWriter();
        Assert.Equal(2, await Commands.RunAsync(app.Services, ["users", "add", "--user", "x", "--name", "X", "--role", "counter-officer"], bad));
        Assert.Contains("--unit", bad.ToString(), StringComparison.Ordinal);
    }

    private static async Task<List<AuditEntryResponse>> AuditAsync(MotCuaApp app, string? action = null)
    {
        var page = await app.Client.GetFromJsonAsync<AuditPage>($"/api/audit?pageSize=500{(action is null ? string.Empty : "&action=" + action)}", Platform.Json.Options);
        return [.. page!.Items];
    }
}
