using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotCua.Browser.Tests.Support;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Tests.FieldSync;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Browser.Tests.FieldSync;

/// <summary>
/// A whole outreach session on a team laptop with the centre's server stopped: the leader issues a code at the centre,
/// the laptop enrols and downloads its kit, the server goes down, a team member receives a dossier with a scan and
/// prints the receipt, a sync fails and says so, the server comes back, the sync succeeds, and the dossier is in the
/// centre's work queue with the number and due date printed on the receipt. Field pages checked with axe-core and
/// photographed at laptop and phone sizes.
/// </summary>
public sealed partial class OfflineSessionTests(BrowserFixture browser)
{
    [Fact]
    public async Task OfflineSession_PrintsAReceipt_ThenSyncs_AndTheCentreQueueShowsTheSameNumberAndDueDate()
    {
        var centreDb = await TestDatabase.CreateAsync(sqlite: true);
        var centre = await MotCuaApp.StartAsync(database: centreDb);
        var port = centre.BaseAddress.Port;
        try
        {
            var unit = await centre.AddUnitAsync();
            var (_, members, _) = await FieldSetup.TeamWithSessionAsync(unit, unit.Hamlets[0], "Tổ lưu động 1", new DateOnly(2026, 3, 2));
            var leader = await centre.CreateUserAsync(Roles.CentreLeader, unit.Code, fullName: "Trần Văn Lãnh");
            var member = await centre.WithDbAsync(db => db.Users.Where(u => u.Id == members[0]).Select(u => u.UserName!).SingleAsync());

            // At the centre: the leader issues a one-time code for the team's laptop.
            await using var centreContext = await Ui.NewContextAsync(browser.Browser, centre.BaseAddress);
            var centrePage = await centreContext.NewPageAsync();
            await new LoginPage(centrePage).SignInAsync(leader.UserName, MotCuaApp.Password);
            await centrePage.GotoAsync("/field/devices");
            await centrePage.SelectOptionAsync("#team", new SelectOptionValue { Label = "Tổ lưu động 1" });
            await Navigation.ByClickAsync(centrePage, "#issue-code");
            var code = (await centrePage.InnerTextAsync("#enrolment-code")).Trim();
            var centreShots = new Shots(browser.Browser, centre.BaseAddress, "centre");
            await centreShots.TakeAsync(centrePage, centreContext, "field-devices");

            await using var laptop = await MotCuaApp.StartAsync(
                settings: new() { ["MotCua:Field:Server"] = centre.BaseAddress.ToString(), ["MotCua:Field:Attempts"] = "2" },
                database: await TestDatabase.CreateAsync(sqlite: true));
            await using var context = await Ui.NewContextAsync(browser.Browser, laptop.BaseAddress);
            var page = await context.NewPageAsync();
            var shots = new Shots(browser.Browser, laptop.BaseAddress, "vi");
            var field = new FieldPage(page);

            // On the laptop, before any account is there: enrol, then download the kit.
            await field.OpenAsync();
            await shots.TakeAsync(page, context, "field-enrol");
            await field.EnrolAsync(code, "Laptop tổ 1");

            // At the centre the leader issues the member's offline PIN for this laptop (shown once, handed over in person).
            await centrePage.GotoAsync("/field/devices");
            await Navigation.ByClickAsync(centrePage, $".issue-pin[data-user='{member}']");
            var pin = (await centrePage.InnerTextAsync("#issued-pin")).Trim();
            Assert.Matches("^[0-9]{8}$", pin);
            await centreShots.TakeAsync(centrePage, centreContext, "field-devices-pin");
            await field.DownloadKitAsync();

            // The kit brought the member's account with a PIN for this laptop only: their password of the centre is not on it.
            Assert.Contains("/login", page.Url, StringComparison.Ordinal);
            await new LoginPage(page).SignInAsync(member, MotCuaApp.Password);
            Assert.Equal(1, await page.Locator("#login-error").CountAsync());
            await new LoginPage(page).SignInAsync(member, pin);
            await field.OpenAsync();
            Assert.Contains("02/03/2026", await page.InnerTextAsync("#numbers"), StringComparison.Ordinal);
            await shots.TakeAsync(page, context, "field-kit");

            // The centre's server goes down for the whole session.
            await centre.DisposeAsync();
            var intake = new IntakePage(page);
            await intake.ChooseProcedureAsync("khai sinh");
            await intake.TickAllPapersAsync();
            await intake.FillApplicantAsync("093080001234", "Nguyễn Văn Hoà", "0912345678", "Số 12, ấp 1");
            Assert.Equal("Outreach", await page.InputValueAsync("input[name='Input.Channel']:checked"));
            Assert.Equal(0, await page.Locator("input[name='Input.Channel'][value='Counter']").CountAsync());
            await page.SelectOptionAsync("#session", new SelectOptionValue { Index = 1 });
            await page.SetInputFilesAsync("#scans", new FilePayload { Name = "giay-chung-sinh.pdf", MimeType = "application/pdf", Buffer = FieldSetup.Pdf(60_000) });
            await shots.TakeAsync(page, context, "field-intake");
            var number = await intake.ConfirmAsync();
            Assert.StartsWith($"{unit.Code}-260302-", number, StringComparison.Ordinal);

            // The printed receipt: its QR code opens the centre's public lookup, not the laptop's.
            await shots.TakeAsync(page, context, "field-receipt");
            var receipt = await page.InnerTextAsync(".paper");
            var printedDue = DuePattern().Match(receipt).Groups[1].Value;
            Assert.NotEmpty(printedDue);
            var qrImage = Path.Combine(Ui.Artifacts, "field-receipt-qr.png");
            await page.Locator(".paper .qr svg").ScreenshotAsync(new LocatorScreenshotOptions { Path = qrImage, Scale = ScreenshotScale.Device });
            var lookupUrl = (await Ui.RunAsync("zbarimg", "--raw", "-q", qrImage)).Trim();
            Assert.StartsWith($"http://127.0.0.1:{port}/tra-cuu/{number}?secret=", lookupUrl, StringComparison.Ordinal);

            // A sync with the server down keeps everything and says why.
            await field.OpenAsync();
            await field.SyncAsync();
            Assert.Equal(1, await field.CountAsync("pending"));
            Assert.Equal(0, await field.CountAsync("synced"));
            Assert.Contains("Không kết nối được với Trung tâm", await page.InnerTextAsync("#sync-status"), StringComparison.Ordinal);
            await shots.TakeAsync(page, context, "field-offline");

            // The server is back (same database, same address); the sync goes through.
            centre = await MotCuaApp.StartAsync(database: centreDb, port: port);
            await field.SyncAsync();
            Assert.Equal(0, await field.CountAsync("pending"));
            Assert.Equal(1, await field.CountAsync("synced"));
            await shots.TakeAsync(page, context, "field-synced");

            // At the centre the dossier waits in the work queue under the printed number, due when the receipt says.
            var leaderAgain = await centre.CreateUserAsync(Roles.CentreLeader, unit.Code, fullName: "Trần Văn Lãnh");
            await using var queueContext = await Ui.NewContextAsync(browser.Browser, centre.BaseAddress);
            var queue = await queueContext.NewPageAsync();
            await new LoginPage(queue).SignInAsync(leaderAgain.UserName, MotCuaApp.Password);
            await queue.GotoAsync("/dossiers?scope=unit");
            var row = queue.Locator("tbody tr", new PageLocatorOptions { HasText = number });
            Assert.Equal(1, await row.CountAsync());
            var due = DateTimeOffset.Parse(await row.Locator("time").GetAttributeAsync("datetime") ?? string.Empty, CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(7));
            Assert.Equal(printedDue, due.ToString("HH 'giờ' mm 'phút, ngày' dd/MM/yyyy", CultureInfo.InvariantCulture));
            var queueShots = new Shots(browser.Browser, centre.BaseAddress, "centre");
            await queueShots.TakeAsync(queue, queueContext, "field-synced-queue");
            await queue.GotoAsync("/field/conflicts");
            await queueShots.TakeAsync(queue, queueContext, "field-conflicts");

            // The citizen's QR code works against the centre.
            await queue.GotoAsync(lookupUrl);
            Assert.Contains(number, await queue.InnerTextAsync("main"), StringComparison.Ordinal);
        }
        finally
        {
            await centre.DisposeAsync();
            await centreDb.DisposeAsync();
        }
    }

    [GeneratedRegex(@"Thời gian trả kết quả:?\s*(\d\d giờ \d\d phút, ngày \d\d/\d\d/\d{4})")]
    private static partial Regex DuePattern();
}
