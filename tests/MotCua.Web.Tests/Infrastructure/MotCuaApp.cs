using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MotCua.Domain.Units;
using MotCua.Web.Data;
using MotCua.Web.Data.Identity;
using MotCua.Web.Features.Account;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Tests.Infrastructure;

/// <summary>
/// The real application on a real loopback socket with its own database and a fake clock. One per test.
/// </summary>
public sealed class MotCuaApp : WebApplicationFactory<Program>
{
    /// <summary>Monday 2 March 2026, 09:00 in Vietnam.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;
    private readonly Dictionary<string, string?> _settings;

    private MotCuaApp(TestDatabase database, bool ownsDatabase, DateTimeOffset now, Dictionary<string, string?> settings)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
        _settings = settings;
        Time = new FakeTimeProvider(now);
        Time.SetLocalTimeZone(TimeZoneInfo.Utc);
    }

    public const string Password = "Test-password-2026";

    public FakeTimeProvider Time { get; }

    /// <summary>Signed in as an administrator (catalogue, calendar, audit; no dossiers).</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>No credentials.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    public Uri BaseAddress => Anonymous.BaseAddress!;

    public TestDatabase Database => _database;

    /// <param name="port">A fixed loopback port (to restart a server where its clients expect it); 0 picks a free one.</param>
    public static async Task<MotCuaApp> StartAsync(DateTimeOffset? now = null, Dictionary<string, string?>? settings = null, TestDatabase? database = null, int port = 0)
    {
        var owns = database is null;
        database ??= await TestDatabase.CreateAsync();
        var app = new MotCuaApp(database, owns, now ?? DefaultNow, settings ?? []);
        app.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        app.StartServer();
        app.Anonymous = app.CreateClient();
        app.Client = (await app.CreateUserAsync(Roles.Administrator)).Client;
        return app;
    }

    /// <summary>Creates an account and returns a client signed in with its bearer token.</summary>
    public async Task<TestUser> CreateUserAsync(string role, string? unitCode = null, string? province = null, string? fullName = null)
    {
        var userName = $"{role}-{Guid.NewGuid():N}"[..32];
        var user = await WithDbAsync(async db =>
        {
            using var scope = Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            Guid? unitId = unitCode is null ? null : await db.Units.Where(u => u.Code == unitCode).Select(u => u.Id).SingleAsync();
            var u = new StaffUser { UserName = userName, FullName = fullName ?? $"Cán bộ {role}", UnitId = unitId, ProvinceCode = province };
            var created = await users.CreateAsync(u, Password);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(u, role);
            return u;
        });
        var client = CreateClient();
        var login = await client.PostJsonAsync("/api/auth/login", new LoginRequest(userName, Password));
        Assert.True(login.IsSuccessStatusCode, $"Sign-in of {userName} failed: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        var token = await login.Content.ReadFromJsonAsync<AccessTokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return new TestUser(user.Id, userName, role, client);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        var s = _database.Settings;
        builder.UseSetting("ConnectionStrings:Postgres", s.Provider == DatabaseProvider.Postgres ? s.ConnectionString : string.Empty);
        builder.UseSetting("ConnectionStrings:Sqlite", s.Provider == DatabaseProvider.Sqlite ? s.ConnectionString : string.Empty);
        builder.UseSetting("MotCua:Demo:Seed", "false");
        builder.UseSetting("MotCua:Auth:TokenLifetime", "3650.00:00:00");
        builder.UseSetting("MotCua:RateLimits:SignInPerMinute", "1000");

        // As with passwords below: 600,000 PBKDF2 rounds per offline PIN would slow every field test without testing anything.
        builder.UseSetting("MotCua:Field:PinIterations", "1000");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);

            // Hashing a test password 100,000 times per account would make every test slower without testing anything.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000);
        });
    }

    /// <summary>Runs work against the database with the application's own (unscoped) view.</summary>
    public async Task<T> WithDbAsync<T>(Func<MotCuaDb, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CallerContext>().UseSystem("test");
        return await work(scope.ServiceProvider.GetRequiredService<MotCuaDb>());
    }

    /// <summary>Adds a commune with three hamlets and a centre leader signed in as <see cref="TestUnit.Client"/>.</summary>
    public async Task<TestUnit> AddUnitAsync(string code = "000.00.99.T01", string province = "T01")
    {
        var (id, hamlets) = await WithDbAsync(async db =>
        {
            if (!await db.Provinces.AnyAsync(p => p.Code == province))
            {
                db.Provinces.Add(new Province(province, $"Tỉnh thử {province}"));
            }

            var unit = new Unit(code, $"Xã thử {code}", province);
            db.Units.Add(unit);
            var hamlets = Enumerable.Range(1, 3).Select(i => new Hamlet(unit.Id, $"Ấp {i}", 2 * i, 5 * i, 500, null)).ToList();
            db.Hamlets.AddRange(hamlets);
            await db.SaveChangesAsync();
            return (unit.Id, hamlets.Select(h => h.Id).ToList());
        });
        var leader = await CreateUserAsync(Roles.CentreLeader, code);
        return new TestUnit(id, code, hamlets, leader.Client, this);
    }

    public override async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        Anonymous?.Dispose();
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>A test commune; <see cref="Client"/> is signed in as its centre leader.</summary>
public sealed record TestUnit(Guid Id, string Code, IReadOnlyList<Guid> Hamlets, HttpClient Client, MotCuaApp App)
{
    public async Task<HttpClient> AsAsync(string role) => (await App.CreateUserAsync(role, Code)).Client;
}

public sealed record TestUser(string Id, string UserName, string Role, HttpClient Client);

public static class HttpExtensions
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await response.Content.ReadFromJsonAsync<T>(Json.Options) ?? throw new InvalidOperationException("Empty body.");
    }

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string url, T body) =>
        client.PostAsJsonAsync(url, body, Json.Options);

    public static Task<HttpResponseMessage> PutJsonAsync<T>(this HttpClient client, string url, T body) =>
        client.PutAsJsonAsync(url, body, Json.Options);
}
