using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Quality;
using MotCua.Web.Data;
using MotCua.Web.Data.Calendar;
using MotCua.Web.Data.Quality;
using MotCua.Web.Features.Quality;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Data;

public sealed class DemoDataTests
{
    private static readonly DateTimeOffset Today = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(7));

    private static async Task<(List<(string Number, DossierStatus Status, Timeliness? Timeliness, bool Overdue)> Dossiers, List<string> Sessions)> SeedAsync(TestDatabase database)
    {
        var time = new FakeTimeProvider(Today);
        await TestDatabase.PrepareAsync(database.Settings with { SeedDemoData = true }, time);
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(time).AddMotCuaDatabase(database.Settings).BuildServiceProvider();
        await using var _ = services;
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Web.Data.CallerContext>().UseSystem("test");
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

        var sessions = await OutreachAsync(db);
        await QualityAsync(db);
        return ([.. result.OrderBy(r => r.Number, StringComparer.Ordinal)], sessions);
    }

    /// <summary>The campaigns: past weekends held with their dossiers, the rest re-planned as of today; the sessions as text.</summary>
    private static async Task<List<string>> OutreachAsync(MotCuaDb db)
    {
        var today = DateOnly.FromDateTime(Today.Date);
        var hamlets = await db.Hamlets.ToDictionaryAsync(h => h.Id, h => h.Name);
        var teams = await db.Teams.ToDictionaryAsync(t => t.Id, t => t.Name);
        var campaigns = await db.Campaigns.ToListAsync();
        Assert.Equal(3, campaigns.Count);
        Assert.All(campaigns, c => Assert.Equal("Optimal", c.LastPlan?.Status));
        Assert.Contains(campaigns, c => c.Settings.Target == 700 && c.Settings.Days.SequenceEqual([DayOfWeek.Sunday]));

        var sessions = await db.OutreachSessions.ToListAsync();
        var held = sessions.Where(s => s.Status == Domain.Outreach.SessionStatus.Held).ToList();
        Assert.NotEmpty(held);
        Assert.All(held, s => Assert.True(s.Date < today));
        Assert.All(sessions.Where(s => s.Date >= today), s => Assert.Equal(Domain.Outreach.SessionStatus.Planned, s.Status));
        Assert.Contains(sessions, s => s.Status == Domain.Outreach.SessionStatus.Cancelled);
        Assert.Contains(sessions, s => s.Date >= today);

        // Every outreach dossier came from a session that was held, in its hamlet, on its day.
        var outreach = await db.Dossiers.Where(d => d.Channel == Domain.Catalog.Channel.Outreach).Select(d => new { d.OutreachSessionId, d.Applicant.HamletId, d.ReceivedAt, d.PriorityGroups }).ToListAsync();
        Assert.NotEmpty(outreach);
        var byId = held.ToDictionary(s => s.Id);
        Assert.All(outreach, d =>
        {
            var s = byId[d.OutreachSessionId!.Value];
            Assert.Equal(s.HamletId, d.HamletId);
            Assert.Equal(s.Date, DateOnly.FromDateTime(d.ReceivedAt!.Value.ToOffset(TimeSpan.FromHours(7)).Date));
        });
        Assert.Contains(outreach, d => d.PriorityGroups != Domain.Outreach.PriorityGroup.None);
        Assert.All(held, s => Assert.Contains(outreach, d => d.OutreachSessionId == s.Id));

        // Far hamlets first: the first weekend goes farther out than the commune's median hamlet; Ấp Phú Thuận A is served.
        var chauThanh = campaigns.Single(c => c.Settings.Days.SequenceEqual([DayOfWeek.Saturday]) && c.Settings.Target == 450);
        var km = await db.Hamlets.Where(h => h.UnitId == chauThanh.UnitId).ToDictionaryAsync(h => h.Id, h => h.DistanceKm);
        var median = km.Values.Order().ElementAt(km.Count / 2);
        Assert.All(sessions.Where(s => s.CampaignId == chauThanh.Id && s.Date == chauThanh.Settings.From), s => Assert.True(km[s.HamletId] > median, hamlets[s.HamletId]));
        Assert.Contains(sessions, s => s.CampaignId == chauThanh.Id && hamlets[s.HamletId] == "Ấp Phú Thuận A");

        return [.. sessions.Select(s => $"{s.Date:yyyy-MM-dd} {s.Slot} {teams[s.TeamId]} {hamlets[s.HamletId]} {s.Status} {s.ExpectedCases} {string.Join(',', s.MemberIds)}").Order(StringComparer.Ordinal)];
    }

    /// <summary>Ratings and feedback in every commune, live summaries equal to a full recompute, Lục Yên at full marks on satisfaction.</summary>
    private static async Task QualityAsync(MotCuaDb db)
    {
        var units = await db.Units.AsNoTracking().ToListAsync();
        foreach (var unit in units)
        {
            Assert.True(await db.DossierRatings.AnyAsync(r => r.UnitId == unit.Id), $"{unit.Name} has no ratings.");
            Assert.True(await db.FeedbackItems.AnyAsync(f => f.UnitId == unit.Id), $"{unit.Name} has no feedback.");
        }

        // The seed saved through the ledger (dossiers, then ratings and feedback, then outreach re-planning): nothing to correct.
        var report = await RecomputeQuality.ExecuteAsync(db, default);
        Assert.True(report.SummaryRows > 0);
        Assert.Equal(0, report.SummaryRowsChanged);

        var settings = new QualitySettings(IndexDefinition.Default);
        var lucYen = units.Single(u => u.Name == "Xã Lục Yên");
        var info = new QualityIndexQuery.UnitInfo(lucYen.Id, lucYen.Code, lucYen.Name, lucYen.ProvinceCode);
        var index = await QualityIndexQuery.ForUnitAsync(db, settings, info, QualityPeriod.MonthOf(Today), Today, default);
        Assert.Equal(18m, index.Result.Group("satisfaction").Score);
    }

    [Fact]
    public async Task Seed_FirstRun_GivesEveryScreenSomethingTrueAndIsDeterministic()
    {
        await using var first = await TestDatabase.CreateAsync(empty: true);
        await using var second = await TestDatabase.CreateAsync(empty: true);

        var (a, sessionsA) = await SeedAsync(first);
        var (b, sessionsB) = await SeedAsync(second);
        Assert.Equal(sessionsA, sessionsB);

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
        scope.ServiceProvider.GetRequiredService<Web.Data.CallerContext>().UseSystem("test");
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        Assert.Equal(0, await db.Units.CountAsync());
        Assert.Equal(11, await db.Procedures.CountAsync());
        Assert.Equal(2, await db.CalendarYears.CountAsync());
    }
}
