using System.Net;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Quality;
using MotCua.Web.Data.Quality;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Quality;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Tests.Infrastructure;
using static MotCua.Web.Tests.Quality.QualityScenario;
using K = MotCua.Domain.Quality.IndexMeasureKeys;

namespace MotCua.Web.Tests.Quality;

/// <summary>The Index 766 API from real dossiers, ratings and feedback, against figures computed by hand.</summary>
public sealed class QualityIndexApiTests
{
    [Fact]
    public async Task Index_145Of147OnTime_ProgressIsThePortals98Point64PercentAnd19Point73()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var dossiers = new List<DossierResponse>();
        for (var i = 0; i < 147; i++)
        {
            dossiers.Add(await ReceiveAsync(unit));
        }

        // Birth registration is due at 17:00 the same day: 145 finish at 10:00, two after closing.
        app.Time.Advance(TimeSpan.FromHours(1));
        foreach (var d in dossiers.Take(145))
        {
            await CompleteAsync(unit, d);
        }

        app.Time.Advance(TimeSpan.FromHours(9));
        foreach (var d in dossiers.Skip(145))
        {
            await CompleteAsync(unit, d);
        }

        var index = await IndexAsync(unit.Client, unit.Code);

        var progress = index.Group("progress");
        Assert.Equal(20m, progress.Max);
        Assert.Equal(19.73m, progress.Score);
        Assert.Equal(145, progress.Numerator);
        Assert.Equal(147, progress.Denominator);
        Assert.Equal("(0 + 145) ÷ 147 × 20 = 19,73", progress.Formula);
        Assert.Equal(2, index.Counts[K.DossiersOverdue]);
        Assert.Equal(147, index.Counts[K.DossiersCompleted]);
    }

    [Fact]
    public async Task Index_ThreeLateAndFiveDislikesOf70_SatisfactionIsThePortals88Point57PercentAnd5Point90()
    {
        await using var app = await MotCuaApp.StartAsync(settings: Unlimited);
        var unit = await app.AddUnitAsync();
        var dossiers = new List<DossierResponse>();
        for (var i = 0; i < 70; i++)
        {
            dossiers.Add(await ReceiveAsync(unit));
        }

        app.Time.Advance(TimeSpan.FromHours(1));
        var done = new List<DossierResponse>();
        foreach (var d in dossiers.Take(67))
        {
            done.Add(await CompleteAsync(unit, d));
        }

        app.Time.Advance(TimeSpan.FromHours(9));
        foreach (var d in dossiers.Skip(67))
        {
            await CompleteAsync(unit, d);
        }

        foreach (var d in done.Take(5))
        {
            Assert.Equal(HttpStatusCode.Created, (await RateAsync(app, d, satisfied: false, guidance: 2)).StatusCode);
        }

        foreach (var d in done.Skip(5).Take(20))
        {
            Assert.Equal(HttpStatusCode.Created, (await RateAsync(app, d, satisfied: true, attitude: 5)).StatusCode);
        }

        var index = await IndexAsync(unit.Client, unit.Code);

        var processing = index.Indicator("satisfaction.processing");
        Assert.Equal(5.90m, processing.Score);
        Assert.Equal("100% − (3 ÷ 70 + 5 ÷ 70) = 88,57% < 90% → 88,57% ÷ 90% × 6 = 5,90", processing.Formula);
        Assert.Equal(IndicatorStatus.NoData, index.Indicator("satisfaction.feedbackOnTime").Status);
        Assert.Equal(17.90m, index.Group("satisfaction").Score);
        Assert.Equal("5,90 + 6,00 + 6,00 = 17,90", index.Group("satisfaction").Formula);
        Assert.Equal(25, index.Counts[MeasureFacts.Extra.RatingsReceived]);
        Assert.Equal(5, index.Counts[MeasureFacts.Extra.RatingsDisliked]);
        Assert.Equal(10, index.Counts[MeasureFacts.Extra.GuidanceSum]);
        Assert.Equal(100, index.Counts[MeasureFacts.Extra.AttitudeSum]);
    }

    [Fact]
    public async Task Index_OpenDossierPastItsDueTime_CountsOverdueWithoutAnySave()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        await ReceiveAsync(unit);

        var before = await IndexAsync(unit.Client, unit.Code);
        app.Time.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));
        var after = await IndexAsync(unit.Client, unit.Code);

        Assert.Equal(0, before.Counts[K.DossiersOverdue]);
        Assert.Equal(1, after.Counts[K.DossiersOverdue]);
        Assert.Equal(1, after.Counts[MeasureFacts.Extra.DossiersOpenOverdue]);
        Assert.Equal(6m, before.Indicator("satisfaction.processing").Score);
        Assert.Equal(0m, after.Indicator("satisfaction.processing").Score);
        Assert.Equal(0, await app.WithDbAsync(async db => (await RecomputeQuality.ExecuteAsync(db, default)).SummaryRowsChanged));
    }

    [Fact]
    public async Task Index_SupplementRequestedBeforeTheDueTime_StopsTheClockUntilTheCitizenReturns()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var d = await ActAsync(unit, await ReceiveAsync(unit, "1.004222"), DossierAction.StartProcessing);
        d = await ActAsync(unit, d, DossierAction.RequestSupplement, "Bản sao sổ hộ khẩu");

        // Seven working days are long gone, but the dossier waits on the citizen.
        app.Time.Advance(TimeSpan.FromDays(20));
        Assert.Equal(0, (await IndexAsync(unit.Client, unit.Code, "2026-03-01")).Counts[K.DossiersOverdue]);

        await ActAsync(unit, d, DossierAction.SupplementReceived);
        app.Time.Advance(TimeSpan.FromDays(14));
        Assert.Equal(1, (await IndexAsync(unit.Client, unit.Code, "2026-03-01")).Counts[K.DossiersOverdue]);
    }

    [Fact]
    public async Task Index_ChannelsFeesAndNotMeasured_AreCountedOrLeftOutHonestly()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        await ReceiveAsync(unit, "1.004222");
        await ActAsync(unit, await ReceiveAsync(unit, "1.004222", Channel.Online), DossierAction.Accept);
        await ReceiveAsync(unit, "1.004222", Channel.Online);
        var assisted = new ApplicantRequest("093080001234", "Nguyễn Văn Hoà", null, null, null, Consent: true);
        Assert.Equal(HttpStatusCode.Created, (await unit.Client.PostJsonAsync("/api/dossiers", new ReceiveDossierRequest(Guid.NewGuid(), "HT.0001", unit.Code, Channel.Counter, assisted, null))).StatusCode);

        var index = await IndexAsync(unit.Client, unit.Code);

        // Not accepted yet and without a legal time limit: outside the cohort.
        Assert.Equal(2, index.Counts[K.DossiersReceived]);
        Assert.Equal(1, index.Counts[K.DossiersByChannelOnline]);
        Assert.Equal(1, index.Counts[K.DossiersByChannelCounter]);
        Assert.Equal(2, index.Counts[K.DossiersWithFee]);
        var online = index.Indicator("onlineServices.onlineDossiers");
        Assert.Equal("1 ÷ (1 + 1 + 0) = 50,00% ≥ 50% → đạt tối đa 12,00", online.Formula);
        Assert.Equal(IndicatorStatus.NotMeasured, index.Indicator("onlinePayment.paidOnline").Status);
        Assert.Null(index.Indicator("onlinePayment.paidOnline").Score);
        Assert.Equal(IndicatorStatus.NotMeasured, index.Indicator("publicity.otherCriteria").Status);
        Assert.False(index.Complete);
        Assert.Equal(54m, index.MeasuredMax);
    }

    [Fact]
    public async Task Externals_AdministratorSetsThemForTheProvince_TheyScoreWithTheirSource()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        await app.AddUnitAsync("000.00.99.T02");

        var put = await app.Client.PutJsonAsync("/api/quality/externals", new ExternalValuesRequest(null, "T01", "2026-03",
        [
            new ExternalValueItem("publicity.otherCriteria", ExternalValueKind.Points, 7.5m, "Cổng DVCQG, 31/03/2026"),
            new ExternalValueItem("digitisation.populationLinkedProcedures", ExternalValueKind.Percent, 95.5m),
        ]));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(4, (await put.ReadAsync<List<ExternalValueResponse>>()).Count);
        var index = await IndexAsync(unit.Client, unit.Code);
        Assert.Equal(7.5m, index.Indicator("publicity.otherCriteria").Score);
        Assert.Equal("Giá trị nhập (Cổng DVCQG, 31/03/2026): 7,50 / 8", index.Indicator("publicity.otherCriteria").Formula);
        Assert.Equal(1.91m, index.Indicator("digitisation.populationLinkedProcedures").Score);
        var quarter = await IndexAsync(unit.Client, unit.Code, "2026-01-01", "2026-03-31");
        Assert.Equal("Giá trị nhập (Ø 1/3: Cổng DVCQG, 31/03/2026): 7,50 / 8", quarter.Indicator("publicity.otherCriteria").Formula);

        var removed = await app.Client.PutJsonAsync("/api/quality/externals", new ExternalValuesRequest(unit.Code, null, "2026-03",
            [new ExternalValueItem("publicity.otherCriteria", ExternalValueKind.Points, null)]));
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(IndicatorStatus.NotMeasured, (await IndexAsync(unit.Client, unit.Code)).Indicator("publicity.otherCriteria").Status);
        Assert.True(await app.WithDbAsync(db => Task.FromResult(db.AuditEntries.Any(a => a.Action == "QualityExternalValue.deleted"))));
    }

    [Theory]
    [InlineData("{\"province\":\"T01\",\"month\":\"2026-03\",\"values\":[{\"indicator\":\"progress.earlyOrOnTime\",\"kind\":\"points\",\"value\":5}]}")]
    [InlineData("{\"province\":\"T01\",\"month\":\"2026-03\",\"values\":[{\"indicator\":\"publicity.otherCriteria\",\"kind\":\"points\",\"value\":9}]}")]
    [InlineData("{\"province\":\"T01\",\"month\":\"2026-03\",\"values\":[{\"indicator\":\"publicity.otherCriteria\",\"kind\":\"percent\",\"value\":101}]}")]
    [InlineData("{\"province\":\"T01\",\"unit\":\"000.00.99.T01\",\"month\":\"2026-03\",\"values\":[{\"indicator\":\"publicity.otherCriteria\",\"kind\":\"percent\",\"value\":1}]}")]
    [InlineData("{\"province\":\"T01\",\"month\":\"2026-13\",\"values\":[{\"indicator\":\"publicity.otherCriteria\",\"kind\":\"percent\",\"value\":1}]}")]
    public async Task Externals_InvalidValues_Are400AndChangeNothing(string body)
    {
        await using var app = await MotCuaApp.StartAsync();
        await app.AddUnitAsync();

        var response = await app.Client.PutAsync("/api/quality/externals", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(0, await app.WithDbAsync(db => Task.FromResult(db.QualityExternalValues.Count())));
    }

    [Fact]
    public async Task Ranking_ProvinceViewer_SeesEveryCommuneRankedWithGroupsAndBand()
    {
        await using var app = await MotCuaApp.StartAsync();
        var good = await app.AddUnitAsync("000.00.99.T01");
        var late = await app.AddUnitAsync("000.00.98.T01");
        await app.AddUnitAsync("000.00.97.T01");
        await app.AddUnitAsync("000.00.99.T02", "T02");
        await CompleteAsync(good, await ReceiveAsync(good));
        var d = await ReceiveAsync(late);
        app.Time.Advance(TimeSpan.FromHours(9));
        await CompleteAsync(late, d);
        var viewer = await app.CreateUserAsync(Roles.ProvinceViewer, province: "T01");

        var ranking = await (await viewer.Client.GetAsync("/api/quality/ranking")).ReadAsync<RankingResponse>();

        Assert.Equal("T01", ranking.Province);
        Assert.Equal(["000.00.97.T01", "000.00.99.T01", "000.00.98.T01"], ranking.Units.Select(u => u.Unit));
        Assert.Equal([1, 2, 3], ranking.Units.Select(u => u.Rank));
        Assert.All(ranking.Units, u => Assert.Equal(3, u.Of));
        Assert.Equal(0m, ranking.Units[2].Groups["progress"]);
        Assert.Equal(20m, ranking.Units[1].Groups["progress"]);
        Assert.Equal("excellent", ranking.Units[0].Band);

        // The leader sees their own rank on their index, but not the table, nor another commune.
        var own = await IndexAsync(late.Client, late.Code);
        Assert.Equal(new RankResponse(3, 3, "Hạng 3/3"), own.Rank);
        Assert.Equal(HttpStatusCode.Forbidden, (await late.Client.GetAsync("/api/quality/ranking")).StatusCode);
        await ProblemAssert.IsProblemAsync(await late.Client.GetAsync($"/api/quality/index?unit={good.Code}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await viewer.Client.GetAsync("/api/quality/ranking?province=T02"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await viewer.Client.GetAsync("/api/quality/index?unit=000.00.99.T02"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Index_CustomPeriodAcrossMonths_AddsDayRowsAtTheEndsToMonthRows()
    {
        await using var app = await MotCuaApp.StartAsync(new DateTimeOffset(2026, 1, 30, 9, 0, 0, TimeSpan.FromHours(7)));
        var unit = await app.AddUnitAsync();
        await ReceiveAsync(unit);
        app.Time.Advance(TimeSpan.FromDays(4));
        await ReceiveAsync(unit);
        app.Time.Advance(TimeSpan.FromDays(28));
        await ReceiveAsync(unit);
        app.Time.Advance(TimeSpan.FromDays(3));
        await ReceiveAsync(unit);

        Assert.Equal(4, (await IndexAsync(unit.Client, unit.Code, "2026-01-30", "2026-03-06")).Counts[K.DossiersReceived]);
        Assert.Equal(3, (await IndexAsync(unit.Client, unit.Code, "2026-01-31", "2026-03-06")).Counts[K.DossiersReceived]);
        Assert.Equal(2, (await IndexAsync(unit.Client, unit.Code, "2026-02-01", "2026-03-05")).Counts[K.DossiersReceived]);
        Assert.Equal(1, (await IndexAsync(unit.Client, unit.Code, "2026-02-01")).Counts[K.DossiersReceived]);
    }

    [Theory]
    [InlineData("from=2026-02-30")]
    [InlineData("from=2026-03-10&to=2026-03-01")]
    [InlineData("from=2020-01-01&to=2026-01-01")]
    [InlineData("to=yesterday")]
    public async Task Index_BadPeriod_Is400(string query)
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();

        await ProblemAssert.IsProblemAsync(await unit.Client.GetAsync($"/api/quality/index?{query}"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Trend_LastMonths_OnePointPerMonthEndingThisMonth()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        await CompleteAsync(unit, await ReceiveAsync(unit));

        var trend = await (await unit.Client.GetAsync("/api/quality/trend?months=3")).ReadAsync<TrendResponse>();

        Assert.Equal(["2026-01", "2026-02", "2026-03"], trend.Months.Select(m => m.Month));
        Assert.Equal(20m, trend.Months[2].Groups["progress"]);
    }
}
