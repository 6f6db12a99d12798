using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MotCua.Domain.Units;
using MotCua.Web.Data;
using MotCua.Web.Platform;

namespace MotCua.Web.Tests.Infrastructure;

/// <summary>
/// The real application on a real loopback socket with its own database and a fake clock. One per test.
/// </summary>
public sealed class MotCuaApp : WebApplicationFactory<Program>
{
    /// <summary>Monday 2 March 2026, 09:00 in Vietnam.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    private readonly TestDatabase _database;
    private readonly Dictionary<string, string?> _settings;

    private MotCuaApp(TestDatabase database, DateTimeOffset now, Dictionary<string, string?> settings)
    {
        _database = database;
        _settings = settings;
        Time = new FakeTimeProvider(now);
        Time.SetLocalTimeZone(TimeZoneInfo.Utc);
    }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; private set; } = null!;

    public Uri BaseAddress => Client.BaseAddress!;

    public static async Task<MotCuaApp> StartAsync(DateTimeOffset? now = null, Dictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync();
        var app = new MotCuaApp(database, now ?? DefaultNow, settings ?? []);
        app.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        app.Client = app.CreateClient();
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        var s = _database.Settings;
        builder.UseSetting("ConnectionStrings:Postgres", s.Provider == DatabaseProvider.Postgres ? s.ConnectionString : string.Empty);
        builder.UseSetting("ConnectionStrings:Sqlite", s.Provider == DatabaseProvider.Sqlite ? s.ConnectionString : string.Empty);
        builder.UseSetting("MotCua:Demo:Seed", "false");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });
    }

    public async Task<T> WithDbAsync<T>(Func<MotCuaDb, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<MotCuaDb>());
    }

    /// <summary>Adds a commune with three hamlets; returns its code.</summary>
    public Task<TestUnit> AddUnitAsync(string code = "000.00.99.T01", string province = "T01") =>
        WithDbAsync(async db =>
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
            return new TestUnit(unit.Id, code, [.. hamlets.Select(h => h.Id)]);
        });

    public override async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}

public sealed record TestUnit(Guid Id, string Code, IReadOnlyList<Guid> Hamlets);

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
