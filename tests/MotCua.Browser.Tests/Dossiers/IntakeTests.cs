using Microsoft.Playwright;
using MotCua.Browser.Tests.Support;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Browser.Tests.Dossiers;

public sealed class IntakeTests(BrowserFixture browser)
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /// <summary>An officer who cannot use a mouse receives a dossier with the keyboard alone, in the natural order.</summary>
    [Fact]
    public async Task Intake_WithTheKeyboardOnly_ReachesTheReceipt()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var counter = await app.CreateUserAsync(Roles.CounterOfficer, unit.Code);
        await using var context = await Ui.NewContextAsync(browser.Browser, app.BaseAddress);
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAsync(counter.UserName, MotCuaApp.Password);

        // The procedure search has focus on arrival: type, Enter.
        Assert.Equal("procedure-filter", await FocusedIdAsync(page));
        await page.Keyboard.TypeAsync("dang ky khai sinh");
        await Navigation.ByKeyAsync(page, "Enter");

        // Tab reaches every paper, the applicant fields and the confirm button, in reading order.
        var order = new List<string>();
        await page.FocusAsync("#procedure-filter");
        for (var i = 0; i < 30 && !order.Contains("confirm"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var id = await FocusedIdAsync(page);
            order.Add(id);
            if (id.StartsWith("paper-", StringComparison.Ordinal))
            {
                await page.Keyboard.PressAsync("Space");
            }

            switch (id)
            {
                case "cccd":
                    await page.Keyboard.TypeAsync("093080001234");
                    break;
                case "name":
                    await page.Keyboard.TypeAsync("Trần Thị Lan");
                    break;
            }
        }

        var expected = new[] { "procedure", "choose", "paper-0", "paper-1", "paper-2", "paper-3", "cccd", "find", "name", "phone", "address", "hamlet" };
        Assert.Equal(expected, order.Take(expected.Length));
        Assert.Equal("confirm", order[^1]);
        await Navigation.ByKeyAsync(page, "Enter");
        Assert.EndsWith("/forms/receipt", page.Url, StringComparison.Ordinal);
    }

    /// <summary>Scans are checked by their content, not their name: a text file called .pdf is refused and nothing is saved.</summary>
    [Fact]
    public async Task Intake_WithScans_RefusesAFakePdfAndKeepsAGoodPng()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var counter = await app.CreateUserAsync(Roles.CounterOfficer, unit.Code);
        await using var context = await Ui.NewContextAsync(browser.Browser, app.BaseAddress);
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInAsync(counter.UserName, MotCuaApp.Password);
        var intake = new IntakePage(page);
        await intake.ChooseProcedureAsync("khai sinh");
        await intake.TickAllPapersAsync();
        await intake.FillApplicantAsync("093080001234", "Nguyễn Văn Hoà", "0912345678", "Ấp 1");

        await page.SetInputFilesAsync("#scans", [new FilePayload { Name = "giay-chung-sinh.pdf", MimeType = "application/pdf", Buffer = "not really a pdf"u8.ToArray() }]);
        await Navigation.ByClickAsync(page, "button.btn.big[type=submit]");
        Assert.Contains("/intake", page.Url, StringComparison.Ordinal);
        Assert.Contains("PDF, JPEG", await page.InnerTextAsync("#errors"), StringComparison.Ordinal);
        await Ui.VisitAsync(page, "intake-scan-refused-vi-laptop");
        Assert.Equal(0, await app.WithDbAsync(db => Task.FromResult(db.Dossiers.Count())));

        // The officer's entries are still there; only the file needs choosing again.
        Assert.Equal("093080001234", await page.InputValueAsync("#cccd"));
        await page.SetInputFilesAsync("#scans", [new FilePayload { Name = "giay-chung-sinh.png", MimeType = "image/png", Buffer = Png }]);
        var number = await intake.ConfirmAsync();

        await page.GotoAsync($"/dossiers/{number}");
        var link = page.Locator("a[href*='/scans/']");
        Assert.Equal("giay-chung-sinh.png", (await link.InnerTextAsync()).Trim());
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var saved = Path.Combine(Ui.Artifacts, "scan-download.png");
        await download.SaveAsAsync(saved);
        Assert.Equal(Png, await File.ReadAllBytesAsync(saved));
    }

    private static Task<string> FocusedIdAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement?.id || document.activeElement?.tagName");
}
