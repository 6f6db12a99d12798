using MotCua.Browser.Tests.Support;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Quality;
using MotCua.Web.Features.Complaints;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Quality;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Tests.Dossiers;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Browser.Tests.Quality;

/// <summary>
/// A centre leader opens the Index 766 dashboard, reads the formulas, drills into the late dossiers and opens one; a
/// province viewer opens the ranking and sorts it; staff handle a complaint; an administrator enters external values.
/// Every page is checked with axe-core and photographed at laptop and phone sizes.
/// </summary>
public sealed class QualityDashboardTests(BrowserFixture browser)
{
    private static readonly Dictionary<string, string?> Unlimited = new() { ["MotCua:RateLimits:PublicPerMinute"] = "100000" };

    [Fact]
    public async Task Leader_DrillsIntoLateDossiers_AndProvinceViewer_SortsTheRanking()
    {
        await using var app = await MotCuaApp.StartAsync(settings: Unlimited);
        var unit = await app.AddUnitAsync();
        var other = await app.AddUnitAsync("000.00.98.T01");
        var (late, feedbackCode) = await SeedAsync(app, unit, other);
        var leader = await app.CreateUserAsync(Roles.CentreLeader, unit.Code, fullName: "Trần Văn Phúc");
        var viewer = await app.CreateUserAsync(Roles.ProvinceViewer, province: "T01", fullName: "Trung tâm PVHCC tỉnh");
        var admin = await app.CreateUserAsync(Roles.Administrator, fullName: "Quản trị hệ thống");

        await using (var context = await Ui.NewContextAsync(browser.Browser, app.BaseAddress))
        {
            var page = await context.NewPageAsync();
            var shots = new Shots(browser.Browser, app.BaseAddress, "vi");
            await new LoginPage(page).SignInAsync(leader.UserName, MotCuaApp.Password);

            var dashboard = new QualityDashboardPage(page);
            await dashboard.OpenAsync();
            Assert.Equal("(0 + 3) ÷ 5 × 20 = 12,00", await dashboard.FormulaAsync("progress"));
            Assert.Contains("2/2", await page.InnerTextAsync(".quality-stats"), StringComparison.Ordinal);
            Assert.Equal(1, await page.Locator("svg.chart[role=img] > title").CountAsync());
            await shots.TakeAsync(page, context, "quality-dashboard");

            await dashboard.DrillAsync("late");
            Assert.Contains("what=late", page.Url, StringComparison.Ordinal);
            var numbers = await page.Locator("main table tbody td:first-child a").AllInnerTextsAsync();
            Assert.Equal(late.Order(StringComparer.Ordinal), numbers.Order(StringComparer.Ordinal));
            await shots.TakeAsync(page, context, "quality-drill-late");

            await Navigation.ByClickAsync(page, $"main table a[href='/dossiers/{late[0]}']");
            Assert.EndsWith($"/dossiers/{late[0]}", page.Url, StringComparison.Ordinal);

            await dashboard.OpenAsync();
            await dashboard.DrillAsync("disliked");
            Assert.Contains("Phải chờ lâu", await page.InnerTextAsync("main table"), StringComparison.Ordinal);
            await shots.TakeAsync(page, context, "quality-drill-disliked");

            // The complaint, handled from the feedback pages.
            await page.GotoAsync("/feedback");
            await shots.TakeAsync(page, context, "feedback-list");
            await page.GotoAsync($"/feedback/{feedbackCode}");
            await shots.TakeAsync(page, context, "feedback-details");
            await page.FillAsync("#text-Answer", "Trung tâm xin lỗi vì để ông/bà chờ lâu; từ tuần sau có thêm một quầy tiếp nhận buổi sáng.");
            await Navigation.ByClickAsync(page, "#form-Answer button[type=submit]");
            Assert.Contains("Đã trả lời", await page.InnerTextAsync("main .badge.status"), StringComparison.Ordinal);

            await page.GotoAsync("/quality?period=2026-Q1");
            await shots.TakeAsync(page, context, "quality-dashboard-quarter");
        }

        await using (var context = await Ui.NewContextAsync(browser.Browser, app.BaseAddress))
        {
            var page = await context.NewPageAsync();
            var shots = new Shots(browser.Browser, app.BaseAddress, "vi");
            await new LoginPage(page).SignInAsync(viewer.UserName, MotCuaApp.Password);

            await page.GotoAsync("/quality");
            Assert.Contains("/quality/ranking", page.Url, StringComparison.Ordinal);
            var ranking = new RankingPage(page);
            Assert.Equal(new[] { other.Code, unit.Code }.Select(c => $"Xã thử {c}"), await ranking.CommunesAsync());
            await shots.TakeAsync(page, context, "quality-ranking");

            await ranking.SortByAsync("name");
            Assert.Equal("ascending", await page.GetAttributeAsync("th[aria-sort]", "aria-sort"));
            await ranking.SortByAsync("name");
            Assert.Equal("descending", await page.GetAttributeAsync("th[aria-sort]", "aria-sort"));
            Assert.Equal(new[] { unit.Code, other.Code }.Select(c => $"Xã thử {c}"), await ranking.CommunesAsync());

            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[href*='handler=Export']"));
            Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);

            await Navigation.ByClickAsync(page, $"table.ranking a[href*='unit={unit.Code}']");
            Assert.Contains($"Xã thử {unit.Code}", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
            await shots.TakeAsync(page, context, "quality-dashboard-viewer");
        }

        await using (var context = await Ui.NewContextAsync(browser.Browser, app.BaseAddress))
        {
            var page = await context.NewPageAsync();
            var shots = new Shots(browser.Browser, app.BaseAddress, "en");
            var login = new LoginPage(page);
            await page.GotoAsync("/login");
            await login.SwitchLanguageAsync("en");
            await login.SignInAsync(admin.UserName, MotCuaApp.Password);
            await page.GotoAsync("/quality/externals?province=T01&month=2026-03");
            await page.FillAsync("#value-publicity\\.otherCriteria", "7.5");
            await page.SelectOptionAsync("#kind-publicity\\.otherCriteria", "points");
            await page.FillAsync("#source-publicity\\.otherCriteria", "National portal, 31/03/2026");
            await Navigation.ByClickAsync(page, "main form[method=post] button[type=submit]");
            Assert.Equal("7.5", await page.InputValueAsync("#value-publicity\\.otherCriteria"));
            await shots.TakeAsync(page, context, "quality-externals");
            await page.GotoAsync($"/quality?unit={unit.Code}");
            Assert.Contains("Configured value (National portal, 31/03/2026): 7.50 / 8", await page.InnerTextAsync("main"), StringComparison.Ordinal);
            await shots.TakeAsync(page, context, "quality-dashboard");
        }
    }

    /// <summary>Five dossiers in the leader's commune (three on time, two late), a dislike and a complaint; one on-time dossier next door.</summary>
    private static async Task<(List<string> Late, string Feedback)> SeedAsync(MotCuaApp app, TestUnit unit, TestUnit other)
    {
        async Task<DossierResponse> Receive(TestUnit u) => await (await u.Client.PostJsonAsync("/api/dossiers", DossierRequests.Birth(u.Code))).ReadAsync<DossierResponse>();
        async Task<DossierResponse> Act(TestUnit u, DossierResponse d, DossierAction a) =>
            (await (await u.Client.PostJsonAsync($"/api/dossiers/{d.Number}/transitions", new TransitionRequest(a, null, d.Version, null))).ReadAsync<DossierResponse>()) with { LookupSecret = d.LookupSecret };
        async Task<DossierResponse> Complete(TestUnit u, DossierResponse d) => await Act(u, await Act(u, d, DossierAction.StartProcessing), DossierAction.Complete);

        var mine = new List<DossierResponse>();
        for (var i = 0; i < 5; i++)
        {
            mine.Add(await Receive(unit));
        }

        var neighbour = await Receive(other);
        app.Time.Advance(TimeSpan.FromHours(1));
        var done = new List<DossierResponse>();
        foreach (var d in mine.Take(3))
        {
            done.Add(await Complete(unit, d));
        }

        await Complete(other, neighbour);
        app.Time.Advance(TimeSpan.FromHours(9));
        await Complete(unit, mine[3]);
        await app.Anonymous.PostJsonAsync($"/api/public/dossiers/{done[0].Number}/rating", new RatingRequest(done[0].LookupSecret, false, 2, 3, 1, "Phải chờ lâu ở quầy."));
        await app.Anonymous.PostJsonAsync($"/api/public/dossiers/{done[1].Number}/rating", new RatingRequest(done[1].LookupSecret, true, 5, 5, 4));
        var receipt = await (await app.Anonymous.PostJsonAsync("/api/public/feedback",
            new FeedbackRequest(FeedbackKind.Complaint, "Chờ lâu ở quầy", "Buổi sáng phải chờ hơn một giờ.", null, done[0].Number, done[0].LookupSecret, "Trần Thị Lan", "0912345678", true))).ReadAsync<FeedbackReceipt>();
        return ([mine[3].Number, mine[4].Number], receipt.Code);
    }
}
