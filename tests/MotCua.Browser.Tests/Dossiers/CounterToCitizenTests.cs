using MotCua.Browser.Tests.Support;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace MotCua.Browser.Tests.Dossiers;

/// <summary>
/// The whole walk of issue 4: an officer receives a birth registration for a walk-in citizen and prints the receipt,
/// hands it to a specialist who asks for a supplement and later completes it, and the citizen scans the receipt's QR
/// code on a phone and sees that the result is ready. Every page visited is checked with axe-core and photographed at
/// laptop and phone sizes.
/// </summary>
public sealed class CounterToCitizenTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("vi", "Đã có kết quả, mời ông/bà đến nhận")]
    [InlineData("en", "Ready to collect")]
    public async Task BirthRegistration_FromCounterToReadyToCollect(string language, string readyText)
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var counter = await app.CreateUserAsync(Roles.CounterOfficer, unit.Code, fullName: "Lê Thị Mỹ Linh");
        var specialist = await app.CreateUserAsync(Roles.Specialist, unit.Code, fullName: "Nguyễn Hữu Tâm");
        await using var context = await Ui.NewContextAsync(browser.Browser, app.BaseAddress);
        var page = await context.NewPageAsync();
        var login = new LoginPage(page);
        var shots = new Shots(browser.Browser, app.BaseAddress, language);

        // The counter officer signs in.
        await page.GotoAsync("/login");
        if (language != "vi")
        {
            await login.SwitchLanguageAsync(language);
        }

        await shots.TakeAsync(page, context, "login");
        await login.SignInAsync(counter.UserName, MotCuaApp.Password);
        Assert.EndsWith("/intake", page.Url, StringComparison.Ordinal);
        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
        await shots.TakeAsync(page, context, "intake");

        // A walk-in citizen registers a birth.
        var intake = new IntakePage(page);
        await intake.ChooseProcedureAsync(language == "vi" ? "khai sinh" : "birth");
        await intake.TickAllPapersAsync();
        await intake.FillApplicantAsync("093080001234", "Nguyễn Văn Hoà", "0912345678", "Số 12, ấp Phú Thuận A");
        await shots.TakeAsync(page, context, "intake-procedure");
        var number = await intake.ConfirmAsync();
        Assert.StartsWith($"{unit.Code}-260302-", number, StringComparison.Ordinal);

        // The receipt prints on A5 with the number, the Vietnamese text and a QR code of the public lookup.
        await shots.TakeAsync(page, context, "form-receipt");
        var pdf = Path.Combine(Ui.Artifacts, $"receipt-{language}.pdf");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.PdfAsync(new PagePdfOptions { Path = pdf, PreferCSSPageSize = true, PrintBackground = true });
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        var text = await Ui.RunAsync("pdftotext", "-layout", pdf, "-");
        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.Contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", text, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn Hoà", text, StringComparison.Ordinal);
        Assert.Contains("Đăng ký khai sinh", text, StringComparison.Ordinal);
        Assert.Contains("Giấy chứng sinh", text, StringComparison.Ordinal);
        var pdfInfo = await Ui.RunAsync("pdfinfo", pdf);
        Assert.Matches(@"Page size:\s+4(19|20)(\.\d+)? x 59[45](\.\d+)? pts", pdfInfo);
        Assert.Matches(@"Pages:\s+1\n", pdfInfo);
        var qrImage = Path.Combine(Ui.Artifacts, $"receipt-qr-{language}.png");
        await page.Locator(".paper .qr svg").ScreenshotAsync(new LocatorScreenshotOptions { Path = qrImage, Scale = ScreenshotScale.Device });
        var lookupUrl = (await Ui.RunAsync("zbarimg", "--raw", "-q", qrImage)).Trim();
        Assert.StartsWith(new Uri(app.BaseAddress, $"/tra-cuu/{number}?secret=").ToString(), lookupUrl, StringComparison.Ordinal);

        // The PDF download of the same form embeds its Noto font and carries the same text and QR code.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[href$='/forms/receipt.pdf']"));
        var ownPdf = Path.Combine(Ui.Artifacts, $"receipt-download-{language}.pdf");
        await download.SaveAsAsync(ownPdf);
        var ownText = await Ui.RunAsync("pdftotext", ownPdf, "-");
        Assert.Contains(number, ownText, StringComparison.Ordinal);
        Assert.Contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", ownText, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn Hoà", ownText, StringComparison.Ordinal);
        Assert.Contains("NotoSans", await Ui.RunAsync("pdffonts", ownPdf), StringComparison.Ordinal);
        await Ui.RunAsync("pdftoppm", "-r", "200", "-png", "-singlefile", ownPdf, Path.Combine(Ui.Artifacts, $"receipt-download-{language}"));
        Assert.Equal(lookupUrl, (await Ui.RunAsync("zbarimg", "--raw", "-q", Path.Combine(Ui.Artifacts, $"receipt-download-{language}.png"))).Trim());

        // It goes to the specialist.
        var dossier = new DossierPage(page);
        await dossier.OpenAsync(number);
        await shots.TakeAsync(page, context, "dossier-received");
        await dossier.HandOverAsync(specialist.Id);
        await login.SignOutAsync();

        // The specialist finds it in their queue, asks for a supplement, and completes it when the papers arrive.
        await login.SignInAsync(specialist.UserName, MotCuaApp.Password);
        if (language != "vi")
        {
            await login.SwitchLanguageAsync(language);
        }

        Assert.Contains("/dossiers", page.Url, StringComparison.Ordinal);
        await page.WaitForSelectorAsync($"a[href='/dossiers/{number}']");
        await shots.TakeAsync(page, context, "queue");
        await page.ClickAsync($"a[href='/dossiers/{number}']");
        await dossier.ActAsync("RequestSupplement", "Bản sao giấy chứng nhận kết hôn của cha mẹ");
        Assert.EndsWith("/forms/supplement", page.Url, StringComparison.Ordinal);
        await shots.TakeAsync(page, context, "form-supplement");

        app.Time.Advance(TimeSpan.FromHours(3));
        await dossier.OpenAsync(number);
        await dossier.ActAsync("SupplementReceived");
        await dossier.ActAsync("Complete");
        await shots.TakeAsync(page, context, "dossier-completed");
        await page.GotoAsync($"/dossiers/{number}/forms/control-sheet");
        await shots.TakeAsync(page, context, "form-control-sheet");

        // The citizen scans the QR code with a phone.
        await using var phone = await Ui.NewContextAsync(browser.Browser, app.BaseAddress, phone: true);
        var citizen = await phone.NewPageAsync();
        if (language != "vi")
        {
            await citizen.GotoAsync("/tra-cuu");
            await new LoginPage(citizen).SwitchLanguageAsync(language);
        }

        await citizen.GotoAsync(lookupUrl);
        Assert.Equal(readyText, (await citizen.InnerTextAsync(".big-status")).Trim());
        Assert.DoesNotContain("Nguyễn Văn Hoà", await citizen.ContentAsync(), StringComparison.Ordinal);
        await Ui.VisitAsync(citizen, $"lookup-result-{language}-phone");
        await citizen.GotoAsync("/tra-cuu");
        await Ui.VisitAsync(citizen, $"lookup-form-{language}-phone");
    }
}
