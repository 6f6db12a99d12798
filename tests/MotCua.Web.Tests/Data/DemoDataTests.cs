using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Data;

public sealed class DemoDataTests
{
    private static readonly DateTimeOffset Today = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(7));

    private static async Task<List<(string Number, DossierStatus Status, Timeliness? Timeliness, bool Overdue)>> SeedAsync(TestDatabase database)
    {
        var time = new FakeTimeProvider(Today);
        await TestDatabase.PrepareAsync(database.Settings with { SeedDemoData = true }, time);
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(time).AddMotCuaDatabase(database.Settings).BuildServiceProvider();
        await using var _ = services;
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Platform.Auth.CallerContext>().UseSystem("test");
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        var result = new List<(string Number, DossierStatus Status, Timeliness? Timeliness, bool Overdue)>();
        var calendars = new Dictionary<Guid, WorkingCalendar>();
        foreach (var d in await db.Dossiers.AsNoTracking().Include(x => x.Events).AsSplitQuery().ToListAsync())
        {
            if (!calendars.TryGetValue(d.UnitId, out var calendar))
            {
                calendars[d.UnitId] = calendar = await db.LoadCalendarAsync(d.UnitId, default);
            }

            result.Add((d.Number.ToString(), d.Status, d.TimelinessAt(Today, calendar), d.IsOverdue(Today, calendar)));
        }

        Assert.Equal(4, await db.Units.CountAsync());
        Assert.Equal(18, await db.Hamlets.CountAsync(h => h.UnitId == db.Units.Single(u => u.Name == "Xã Châu Thành").Id));
        Assert.Equal(22, await db.Hamlets.CountAsync(h => h.UnitId == db.Units.Single(u => u.Name == "Phường Vị Thanh 1").Id));
        Assert.True(await db.Hamlets.AnyAsync(h => h.Name == "Ấp Phú Thuận A" && h.DistanceKm > 14));

        // The sequence counters continue after the seeded numbers.
        var codes = await db.Units.ToDictionaryAsync(u => u.Id, u => u.Code);
        var highest = result.GroupBy(r => r.Number[..^5]).ToDictionary(g => g.Key, g => g.Max(r => int.Parse(r.Number[^4..], System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var seq in await db.DossierSequences.ToListAsync())
        {
            Assert.Equal(highest[$"{codes[seq.UnitId]}-{seq.Day:yyMMdd}"], seq.Last);
        }

        return [.. result.OrderBy(r => r.Number, StringComparer.Ordinal)];
    }

    [Fact]
    public async Task Seed_FirstRun_GivesEveryScreenSomethingTrueAndIsDeterministic()
    {
        await using var first = await TestDatabase.CreateAsync(empty: true);
        await using var second = await TestDatabase.CreateAsync(empty: true);

        var a = await SeedAsync(first);
        var b = await SeedAsync(second);

        Assert.InRange(a.Count, 3000, 20000);
        Assert.Equal(a.Count, a.Select(x => x.Number).Distinct().Count());
        foreach (var status in Enum.GetValues<DossierStatus>())
        {
            Assert.Contains(a, x => x.Status == status);
        }

        Assert.Contains(a, x => x.Timeliness == Timeliness.Early);
        Assert.Contains(a, x => x.Timeliness == Timeliness.OnTime);
        Assert.Contains(a, x => x.Timeliness == Timeliness.Late);
        Assert.Contains(a, x => x.Overdue);
        Assert.True(a.Count(x => x.Timeliness == Timeliness.Early) > a.Count(x => x.Timeliness == Timeliness.Late), "Most dossiers should end early.");
        Assert.Equal(a.Select(x => (x.Number, x.Status)), b.Select(x => (x.Number, x.Status)));
    }

    [Fact]
    public async Task Seed_WhenTurnedOff_LeavesNoDemoUnits()
    {
        await using var database = await TestDatabase.CreateAsync(empty: true);

        await TestDatabase.PrepareAsync(database.Settings with { SeedDemoData = false });

        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddMotCuaDatabase(database.Settings).BuildServiceProvider();
        await using var _ = services;
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Platform.Auth.CallerContext>().UseSystem("test");
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        Assert.Equal(0, await db.Units.CountAsync());
        Assert.Equal(11, await db.Procedures.CountAsync());
        Assert.Equal(2, await db.CalendarYears.CountAsync());
    }
}
