using MotCua.Browser.Tests.Support;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Tests.Dossiers;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Browser.Tests.Dossiers;

/// <summary>
/// Every page of the interface, as the role that uses it, at laptop and phone sizes: no serious or critical
/// accessibility violation, no untranslated text, and a screenshot in artifacts/screenshots.
/// </summary>
public sealed class EveryPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task EveryPage_IsAccessibleTranslatedAndPhotographed()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var (late, supplemented, declined, stopped) = await SeedAsync(app, unit);
        var leader = await app.CreateUserAsync(Roles.CentreLeader, unit.Code, fullName: "Trần Văn Phúc");
        var viewer = await app.CreateUserAsync(Roles.ProvinceViewer, province: "T01", fullName: "Trung tâm PVHCC tỉnh");
        var admin = await app.CreateUserAsync(Roles.Administrator, fullName: "Quản trị hệ thống");
        var specialist = await app.CreateUserAsync(Roles.Specialist, unit.Code, fullName: "Nguyễn Hữu Tâm");

        await VisitAsAsync(app, leader.UserName, "vi",
        [
            ("/dossiers?mine=false", "queue-unit"),
            ("/dossiers?mine=false&focus=Overdue", "queue-overdue"),
            ("/intake", "intake-start"),
            ("/intake?procedure=HT.0001", "intake-assisted"),
            ($"/dossiers/{late}", "dossier-late"),
            ($"/dossiers/{supplemented}", "dossier-supplement"),
            ($"/dossiers/{late}/forms/apology", "form-apology"),
            ($"/dossiers/{declined}/forms/refusal", "form-refusal"),
            ($"/dossiers/{stopped}/forms/stopped", "form-stopped"),
            ($"/dossiers/{supplemented}/forms/control-sheet", "form-control-sheet-long"),
            ("/register?from=2026-03-01&to=2026-03-31", "register"),
            ("/dossiers/000.00.99.T01-260302-0999", "error-404"),
        ]);
        await VisitAsAsync(app, leader.UserName, "id",
        [
            ("/dossiers?mine=false", "queue-unit"),
            ("/intake?procedure=1.004222", "intake-residence"),
            ($"/dossiers/{late}", "dossier-late"),
        ]);
        await VisitAsAsync(app, viewer.UserName, "vi",
        [
            ("/dossiers", "queue-province"),
            ($"/dossiers/{late}", "dossier-masked"),
        ]);
        await VisitAsAsync(app, admin.UserName, "vi", [("/admin/audit", "audit"), ("/admin/audit?actionPrefix=personal-data", "audit-filtered")]);
        await VisitAsAsync(app, specialist.UserName, "en", [("/intake", "access-denied")]);

        // Pages without sign-in.
        await using var context = await Ui.NewContextAsync(browser.Browser, app.BaseAddress);
        var page = await context.NewPageAsync();
        var shots = new Shots(browser.Browser, app.BaseAddress, "vi");
        await page.GotoAsync("/login");
        await page.FillAsync("#username", "nobody");
        await page.FillAsync("#password", "wrong-password");
        await Navigation.ByClickAsync(page, "main button[type=submit]");
        Assert.Equal(1, await page.Locator("#login-error").CountAsync());
        await shots.TakeAsync(page, context, "login-failed");
        await page.GotoAsync("/tra-cuu?number=000.00.99.T01-260302-0099&secret=WRONG234");
        Assert.Equal(1, await page.Locator(".notice.error").CountAsync());
        await shots.TakeAsync(page, context, "lookup-not-found");

        // Without sign-in, an unknown address leads to the sign-in page and reveals nothing about what exists.
        await page.GotoAsync("/no-such-page");
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
    }

    private async Task VisitAsAsync(MotCuaApp app, string userName, string language, IReadOnlyList<(string Url, string Name)> pages)
    {
        await using var context = await Ui.NewContextAsync(browser.Browser, app.BaseAddress);
        var page = await context.NewPageAsync();
        var login = new LoginPage(page);
        await page.GotoAsync("/login");
        if (language != "vi")
        {
            await login.SwitchLanguageAsync(language);
        }

        await login.SignInAsync(userName, MotCuaApp.Password);
        var shots = new Shots(browser.Browser, app.BaseAddress, language);
        foreach (var (url, name) in pages)
        {
            var response = await page.GotoAsync(url);
            var expected = name switch
            {
                "error-404" => 404,
                _ => 200,
            };
            Assert.True(response!.Status == expected || name == "access-denied", $"{url}: {response.Status}");
            await shots.TakeAsync(page, context, name);
        }
    }

    /// <summary>Dossiers in the states the pages show: one overdue with an apology, one with a supplement request, one declined, one stopped.</summary>
    private static async Task<(string Late, string Supplemented, string Declined, string Stopped)> SeedAsync(MotCuaApp app, TestUnit unit)
    {
        var c = unit.Client;
        async Task<DossierResponse> Receive(string procedure, Channel channel = Channel.Counter) =>
            await (await c.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code, channel: channel, procedure: procedure))).ReadAsync<DossierResponse>();
        async Task<DossierResponse> Act(DossierResponse d, DossierAction action, string? reason = null, string? promised = null) =>
            await (await c.PostJsonAsync($"/api/dossiers/{d.Number}/transitions", new TransitionRequest(action, reason, d.Version, null, promised))).ReadAsync<DossierResponse>();

        var late = await Receive("1.001193");
        var supplemented = await Receive("1.004222");
        supplemented = await Act(supplemented, DossierAction.StartProcessing);
        supplemented = await Act(supplemented, DossierAction.RequestSupplement, "Bản sao sổ đỏ\nGiấy xác nhận chỗ ở hợp pháp");
        var declined = await Act(await Receive("1.004222", Channel.Online), DossierAction.Decline, "Hồ sơ nộp nhầm thủ tục, đề nghị nộp lại đăng ký tạm trú.");
        var stopped = await Act(await Act(await Receive("1.001776"), DossierAction.StartProcessing), DossierAction.Stop, "Người đề nghị không thuộc diện hưởng trợ cấp theo quy định.");
        app.Time.Advance(TimeSpan.FromDays(1));
        supplemented = await Act(supplemented, DossierAction.SupplementReceived);
        await Act(late, DossierAction.Apologise, "Cần xác minh thêm thông tin với cơ quan đăng ký.", "2026-03-06T17:00:00+07:00");
        return (late.Number, supplemented.Number, declined.Number, stopped.Number);
    }
}
