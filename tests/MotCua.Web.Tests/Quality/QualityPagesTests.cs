using System.Net;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Quality;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Tests.Infrastructure;
using static MotCua.Web.Tests.Quality.QualityScenario;

namespace MotCua.Web.Tests.Quality;

/// <summary>The public forms work as a browser sends them (each form carries its own antiforgery token), and the staff pages answer.</summary>
public sealed partial class QualityPagesTests
{
    private static HttpClient Browser(MotCuaApp app) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

    /// <summary>The antiforgery token inside the form with the given class, not another form of the page.</summary>
    private static string TokenOf(string html, string formClass)
    {
        var form = html[html.IndexOf($"class=\"{formClass}\"", StringComparison.Ordinal)..];
        form = form[..form.IndexOf("</form>", StringComparison.Ordinal)];
        return Token().Match(form).Groups[1].Value;
    }

    [Fact]
    public async Task RatingPage_FormPostedAsABrowserDoes_RatesTheDossier()
    {
        await using var app = await MotCuaApp.StartAsync(settings: Unlimited);
        var unit = await app.AddUnitAsync();
        var d = await CompleteAsync(unit, await ReceiveAsync(unit));
        using var browser = Browser(app);

        var html = await browser.GetStringAsync($"/danh-gia/{d.Number}?secret={d.LookupSecret}");
        var response = await browser.PostAsync($"/danh-gia/{d.Number}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenOf(html, "rating"), ["secret"] = d.LookupSecret!, ["kiosk"] = "true", ["satisfied"] = "false", ["speed"] = "2",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-kiosk-return", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var rating = await app.WithDbAsync(db => db.DossierRatings.SingleAsync());
        Assert.Equal((false, RatingSource.Kiosk, (int?)2), (rating.Satisfied, rating.Source, rating.Speed));
    }

    [Fact]
    public async Task RatingPage_WrongSecret_Is404AndShowsTheEntryForm()
    {
        await using var app = await MotCuaApp.StartAsync(settings: Unlimited);
        var unit = await app.AddUnitAsync();
        var d = await CompleteAsync(unit, await ReceiveAsync(unit));

        var response = await app.Anonymous.GetAsync($"/danh-gia/{d.Number}?secret=WRONG234");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("id=\"secret\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedbackPage_SentAsABrowserDoes_LeadsToItsFollowPageWithCodeAndSecret()
    {
        await using var app = await MotCuaApp.StartAsync(settings: Unlimited);
        var unit = await app.AddUnitAsync();
        using var browser = Browser(app);

        var html = await browser.GetStringAsync("/phan-anh");
        var response = await browser.PostAsync("/phan-anh", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenOf(html, "card"), ["Input.Kind"] = "Recommendation", ["Input.Unit"] = unit.Code,
            ["Input.Subject"] = "Thêm ghế chờ", ["Input.Content"] = "Buổi sáng đông người.", ["Input.Name"] = "Trần Thị Lan", ["Input.Consent"] = "true",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var follow = response.Headers.Location!.ToString();
        Assert.Matches(@"^/phan-anh/PA-260302-[A-Z2-9]{4}\?secret=[A-Z2-9]{8}&sent=true$", follow);
        var page = await browser.GetStringAsync(follow);
        Assert.Contains("Đã tiếp nhận", page, StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.FeedbackItems.SingleAsync());
        Assert.Equal(("Trần Thị Lan", FeedbackKind.Recommendation), (stored.SubmitterName, stored.Kind));
    }

    [Fact]
    public async Task FeedbackPage_NameWithoutConsent_Is400AndSavesNothing()
    {
        await using var app = await MotCuaApp.StartAsync(settings: Unlimited);
        var unit = await app.AddUnitAsync();
        using var browser = Browser(app);

        var html = await browser.GetStringAsync("/phan-anh");
        var response = await browser.PostAsync("/phan-anh", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenOf(html, "card"), ["Input.Kind"] = "Complaint", ["Input.Unit"] = unit.Code,
            ["Input.Subject"] = "a", ["Input.Content"] = "b", ["Input.Phone"] = "0912345678",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cần đánh dấu đồng ý", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.FeedbackItems.CountAsync()));
    }

    [Fact]
    public async Task Dashboard_Export_IsAnAuditedWorkbook()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        await CompleteAsync(unit, await ReceiveAsync(unit));
        var viewer = await app.CreateUserAsync(Roles.ProvinceViewer, province: "T01");

        var response = await viewer.Client.GetAsync($"/quality?unit={unit.Code}&period=2026-03&handler=Export");
        var ranking = await viewer.Client.GetAsync("/quality/ranking?period=2026-Q1&handler=Export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        Assert.Equal(HttpStatusCode.OK, ranking.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "export" && a.ActorId == viewer.Id)));
    }

    [Fact]
    public async Task GroupWithNothingMeasured_ReadsAsADashNotAsZeroPoints_OnDashboardRankingAndWorkbook()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        await CompleteAsync(unit, await ReceiveAsync(unit));
        var viewer = await app.CreateUserAsync(Roles.ProvinceViewer, province: "T01");

        // No external values are configured, and the portal-sync count is not measured by MotCua: the publicity group
        // (18 points) has nothing measured; the progress group is measured from the dossier.
        var html = await viewer.Client.GetStringAsync($"/quality?unit={unit.Code}&period=2026-03");
        var publicity = Section(html, "h-publicity");
        Assert.Contains("<strong>—</strong> / 18,00", publicity, StringComparison.Ordinal);
        Assert.Contains("Chưa đo tại đây", publicity, StringComparison.Ordinal);
        Assert.DoesNotContain("<meter", publicity, StringComparison.Ordinal);
        var progress = Section(html, "h-progress");
        Assert.Contains("<strong>20,00</strong> / 20,00", progress, StringComparison.Ordinal);
        Assert.Contains("<meter", progress, StringComparison.Ordinal);

        var ranking = await viewer.Client.GetStringAsync("/quality/ranking?period=2026-03");
        Assert.Contains("data-label=\"Công khai, minh bạch\">—</td>", ranking, StringComparison.Ordinal);
        Assert.Contains("data-label=\"Tiến độ, kết quả giải quyết\">20,00</td>", ranking, StringComparison.Ordinal);

        using var book = new XLWorkbook(await viewer.Client.GetStreamAsync("/quality/ranking?period=2026-03&handler=Export"));
        var sheet = book.Worksheet(1);
        Assert.Equal(("Công khai, minh bạch", "Tiến độ, kết quả giải quyết"), (sheet.Cell(3, 6).GetString(), sheet.Cell(3, 7).GetString()));
        Assert.True(sheet.Cell(4, 6).IsEmpty());
        Assert.Equal(20m, sheet.Cell(4, 7).GetValue<decimal>());
    }

    /// <summary>The &lt;section&gt; labelled by the heading with this id.</summary>
    private static string Section(string html, string headingId)
    {
        var start = html.IndexOf($"aria-labelledby=\"{headingId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section labelled {headingId}");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    [Theory]
    [InlineData("/quality", 200)]
    [InlineData("/quality?period=2026-Q1", 200)]
    [InlineData("/quality?period=nonsense", 400)]
    [InlineData("/quality/drill?what=late", 200)]
    [InlineData("/quality/drill?what=everything", 400)]
    [InlineData("/quality?unit=000.00.77.T01", 404)]
    public async Task Dashboard_AsCentreLeader_AnswersOrRefusesPlainly(string url, int status)
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        await ReceiveAsync(unit);

        Assert.Equal(status, (int)(await unit.Client.GetAsync(url)).StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
