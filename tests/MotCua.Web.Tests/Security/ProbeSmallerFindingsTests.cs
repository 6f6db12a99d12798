using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalog;
using MotCua.Domain.Quality;
using MotCua.Web.Data.FieldSync;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Features.Complaints;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Platform;
using MotCua.Web.Tests.Dossiers;
using MotCua.Web.Tests.FieldSync;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Security;

/// <summary>
/// Finding 13 of the probe (issue 12): scan names, caching of personal data, error bodies that named .NET types, the
/// CSV formula guard, and anonymous feedback flooding a commune's index. Each test sends what the probe sent.
/// </summary>
public sealed partial class ProbeSmallerFindingsTests
{
    [Fact]
    public async Task Probe13_ScanSentAsSvgOrHtml_IsStoredAndServedUnderItsDetectedType_AndNotCached()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var device = await FieldSetup.EnrolAsync(unit);
        await FieldSetup.KitAsync(device);
        var pdf = FieldSetup.Pdf(20_000);
        var png = FieldSetup.Pdf(5_000, seed: 2);
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(png, 0);
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        await FieldSetup.UploadAsync(device.Client, a, pdf);
        await FieldSetup.UploadAsync(device.Client, b, png);
        var item = FieldSetup.Dossier(FieldSetup.Number(unit, 1), attachments:
            [FieldSetup.Ref(a, pdf, "giay-to.html"), FieldSetup.Ref(b, png, "anh.svg") with { ContentType = "image/png" }]);
        Assert.Equal(FieldItemOutcome.Created, Assert.Single((await FieldSetup.SyncAsync(device, "2026-03-02T09:00:00+07:00", item)).Items).Outcome);

        var stored = await app.WithDbAsync(db => db.Attachments.OrderBy(x => x.FileName).Select(x => new { x.Id, x.FileName, x.ContentType }).ToListAsync());
        Assert.Equal(["anh.png", "giay-to.pdf"], stored.Select(s => s.FileName));

        var scan = await unit.Client.GetAsync($"/dossiers/{item.Number}/scans/{a}");
        Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
        Assert.Equal("application/pdf", scan.Content.Headers.ContentType?.MediaType);
        Assert.Equal("giay-to.pdf", scan.Content.Headers.ContentDisposition?.FileNameStar ?? scan.Content.Headers.ContentDisposition?.FileName);
        Assert.True(scan.Headers.CacheControl?.NoStore, "A scan is personal data: no-store.");
    }

    [Fact]
    public async Task Probe13_PersonalDataJsonPdfAndPages_AreNotStoredByBrowsersOrProxies_StaticFilesMayBe()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var d = await (await unit.Client.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code))).ReadAsync<DossierResponse>();

        foreach (var (client, url) in new[]
        {
            (unit.Client, $"/api/dossiers/{d.Number}"),
            (unit.Client, "/api/dossiers"),
            (unit.Client, $"/dossiers/{d.Number}"),
            (unit.Client, $"/dossiers/{d.Number}/forms/receipt.pdf"),
            (unit.Client, $"/dossiers/{d.Number}/forms/receipt"),
            (app.Anonymous, $"/api/public/dossiers/{d.Number}?secret={d.LookupSecret}"),
            (app.Anonymous, $"/tra-cuu/{d.Number}?secret={d.LookupSecret}"),
        })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url} has Cache-Control '{response.Headers.CacheControl}'");
        }

        var css = await app.Anonymous.GetAsync("/css/site.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.NotEqual(true, css.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Probe13_MalformedRequests_AreAnsweredWithoutNamingDotNetTypes()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var probes = new (HttpClient Client, HttpMethod Method, string Url, string? Json)[]
        {
            (app.Anonymous, HttpMethod.Post, "/api/auth/login", "{\"userName\": 5, \"password\": []}"),
            (app.Anonymous, HttpMethod.Post, "/api/auth/login", "{\"userName\": \"a\""),
            (app.Anonymous, HttpMethod.Post, "/api/auth/login", "{\"unknown\": 1}"),
            (unit.Client, HttpMethod.Get, "/api/dossiers?page=abc", null),
            (unit.Client, HttpMethod.Post, "/api/dossiers", "{\"clientId\": \"not-a-guid\"}"),
            (unit.Client, HttpMethod.Post, "/api/field/devices/not-a-guid/revoke", null),
            (app.Anonymous, HttpMethod.Post, "/api/public/feedback", "[1,2,3]"),
            (app.Client, HttpMethod.Get, "/api/calendar/days?from=yesterday", null),
        };
        foreach (var (client, method, url, json) in probes)
        {
            using var request = new HttpRequestMessage(method, url);
            if (json is not null)
            {
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{method} {url}: {(int)response.StatusCode} {body}");
            Assert.False(TypeName().IsMatch(body), $"{method} {url} names a type: {body}");
        }
    }

    [Fact]
    public async Task Probe13_CatalogueCsv_GuardsEveryFormulaStart_AndReadsBackUnchanged()
    {
        await using var app = await MotCuaApp.StartAsync();
        string[] dangerous = ["=HYPERLINK(\"http://x\")", "+1+cmd", "-1+cmd|' /C calc'!A0", "@SUM(A1:A9)"];
        var doc = new CatalogDocument([.. dangerous.Select((name, i) => new ProcedureDocument($"9.00000{i + 1}.T01", "test", new LocalizedTextDocument(name, null, null),
            [new VersionDocument(new DateOnly(2026, 1, 1), "2d", null, null, [Channel.Counter], [], name)]))]);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostJsonAsync("/api/procedures/import", doc)).StatusCode);

        var csv = await app.Client.GetByteArrayAsync("/api/procedures/export?format=csv");
        var rows = Encoding.UTF8.GetString(csv).Split("\r\n");
        foreach (var name in dangerous)
        {
            var row = Assert.Single(rows, r => r.Contains(name.Replace("\"", "\"\"", StringComparison.Ordinal), StringComparison.Ordinal));
            Assert.DoesNotContain("," + name, row, StringComparison.Ordinal);
            Assert.DoesNotContain(",\"" + name, row, StringComparison.Ordinal);
        }

        // Tab and carriage return at the start of a field are guarded too, and every guarded field reads back as written.
        var line = Csv.Line(["\tcmd", "\rcmd", "-5", "a-b", "plain"]);
        Assert.StartsWith("\"'\t", line, StringComparison.Ordinal);
        Assert.Equal(["\tcmd", "\rcmd", "-5", "a-b", "plain"], Csv.Parse(line + "\r\n")[0]);

        using var content = new ByteArrayContent(csv);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        var before = await app.Client.GetStringAsync("/api/procedures/export?format=json");
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PostAsync("/api/procedures/import", content)).StatusCode);
        Assert.Equal(before, await app.Client.GetStringAsync("/api/procedures/export?format=json"));
    }

    [Fact]
    public async Task Probe13_AnonymousFeedback_IsCappedPerCommuneAndDay_FeedbackAboutADossierIsNot()
    {
        await using var app = await MotCuaApp.StartAsync(settings: new() { ["MotCua:Quality:Feedback:AnonymousPerDay"] = "3" });
        var unit = await app.AddUnitAsync();
        var d = await (await unit.Client.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code))).ReadAsync<DossierResponse>();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await app.Anonymous.PostJsonAsync("/api/public/feedback", new FeedbackRequest(FeedbackKind.Complaint, $"Phản ánh {i}", "Nội dung.", unit.Code))).StatusCode);
        }

        var flood = await app.Anonymous.PostJsonAsync("/api/public/feedback", new FeedbackRequest(FeedbackKind.Complaint, "Thêm nữa", "Nội dung.", unit.Code));
        Assert.Equal("feedback.daily-limit", (await ProblemAssert.IsProblemAsync(flood, HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
        var proved = await app.Anonymous.PostJsonAsync("/api/public/feedback", new FeedbackRequest(FeedbackKind.Complaint, "Về hồ sơ", "Nội dung.", null, d.Number, d.LookupSecret));
        Assert.Equal(HttpStatusCode.Created, proved.StatusCode);

        // The page says it in Vietnamese; the next day the commune takes anonymous feedback again.
        using var browser = FieldForms.Browser(app.BaseAddress);
        var page = await browser.GetStringAsync("/phan-anh");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var posted = await browser.PostAsync("/phan-anh", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Kind"] = "Complaint", ["Input.Subject"] = "Chủ đề", ["Input.Content"] = "Nội dung", ["Input.Unit"] = unit.Code,
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, posted.StatusCode);
        Assert.Contains("Hôm nay xã đã nhận đủ số phản ánh", WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        app.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.Created, (await app.Anonymous.PostJsonAsync("/api/public/feedback", new FeedbackRequest(FeedbackKind.Complaint, "Hôm sau", "Nội dung.", unit.Code))).StatusCode);
        Assert.Equal(4, await app.WithDbAsync(db => db.FeedbackItems.CountAsync(f => f.DossierId == null)));
    }

    [GeneratedRegex(@"MotCua\.|System\.|Microsoft\.|Int32|Nullable|Guid |String |Request\?|Request |\bint\?|\bGuid\b")]
    private static partial Regex TypeName();
}
