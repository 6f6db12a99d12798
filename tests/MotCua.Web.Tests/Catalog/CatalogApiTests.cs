using System.Net;
using System.Net.Http.Json;
using System.Text;
using MotCua.Domain.Catalog;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Platform;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Catalog;

public sealed class CatalogApiTests
{
    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = Platform.Json.Options;

    [Fact]
    public async Task List_HasTheShippedCatalogue()
    {
        await using var app = await MotCuaApp.StartAsync();

        var list = await app.Client.GetFromJsonAsync<List<ProcedureSummaryResponse>>("/api/procedures", JsonOptions);

        Assert.Equal(11, list!.Count);
        var birth = Assert.Single(list, p => p.Code == "1.001193");
        Assert.Equal("Đăng ký khai sinh", birth.Name.Vi);
        Assert.Equal("same-day", birth.TimeLimit);
        var residence = Assert.Single(list, p => p.Code == "1.004222");
        Assert.Equal("7d", residence.TimeLimit);
        Assert.Equal(20_000, residence.Fee!.Amount);
        Assert.Equal(10_000, residence.Fee.OnlineAmount);
    }

    [Theory]
    [InlineData("khai sinh")]
    [InlineData("KHAI SINH")]
    [InlineData("dang ky khai sinh")]
    [InlineData("birth")]
    [InlineData("1.001193")]
    public async Task List_SearchIgnoresAccentsAndCase(string q)
    {
        await using var app = await MotCuaApp.StartAsync();

        var list = await app.Client.GetFromJsonAsync<List<ProcedureSummaryResponse>>($"/api/procedures?q={Uri.EscapeDataString(q)}", JsonOptions);

        Assert.Contains(list!, p => p.Code == "1.001193");
        Assert.DoesNotContain(list!, p => p.Code == "1.004222");
    }

    [Fact]
    public async Task Get_ByCode_HasVersionsPapersAndChannels()
    {
        await using var app = await MotCuaApp.StartAsync();

        var p = await app.Client.GetFromJsonAsync<ProcedureResponse>("/api/procedures/1.000656", JsonOptions);

        Assert.Equal("same-day", p!.Current!.TimeLimit);
        Assert.Equal("3d", p.Current.ExtendedTimeLimit);
        Assert.Contains(Channel.HomeVisit, p.Current.Channels!);
        Assert.Equal(2, p.Current.Papers!.Count);
        Assert.Single(p.Versions);
    }

    [Theory]
    [InlineData("9.999999")]
    [InlineData("not a code")]
    public async Task Get_Unknown_Is404(string code)
    {
        await using var app = await MotCuaApp.StartAsync();

        await ProblemAssert.IsProblemAsync(await app.Client.GetAsync($"/api/procedures/{Uri.EscapeDataString(code)}"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("json", "application/json")]
    [InlineData("csv", "text/csv")]
    public async Task ExportThenImport_RoundTripsWithoutChange(string format, string mediaType)
    {
        await using var app = await MotCuaApp.StartAsync();
        var before = await app.Client.GetStringAsync("/api/procedures/export?format=json");

        var exported = await app.Client.GetByteArrayAsync($"/api/procedures/export?format={format}");
        using var content = new ByteArrayContent(exported);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        var import = await app.Client.PostAsync("/api/procedures/import", content);

        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var result = await import.ReadAsync<ImportCatalogResponse>();
        Assert.Equal(0, result.ProceduresCreated);
        Assert.Equal(11, result.ProceduresUpdated);
        Assert.Equal(before, await app.Client.GetStringAsync("/api/procedures/export?format=json"));
    }

    [Fact]
    public async Task Import_NewVersion_IsUsedFromItsEffectiveDateAndOldDossiersKeepTheirs()
    {
        await using var app = await MotCuaApp.StartAsync();
        var doc = new CatalogDocument(
        [
            new ProcedureDocument("1.004222", "residence", new LocalizedTextDocument("Đăng ký thường trú", "Permanent residence registration", null),
            [
                new VersionDocument(new DateOnly(2026, 3, 3), "5d", null, new FeeDocument(FeeKind.Fixed, 25_000, 12_000), [Channel.Counter, Channel.Online],
                    [new PaperDocument(new LocalizedTextDocument("Tờ khai CT01", null, null))], "Quyết định thử nghiệm"),
            ]),
            new ProcedureDocument("9.000001.T01", "test", new LocalizedTextDocument("Thủ tục địa phương", null, null),
                [new VersionDocument(new DateOnly(2026, 1, 1), "2d", null, null, [Channel.Counter], [], null)]),
        ]);

        var import = await app.Client.PostJsonAsync("/api/procedures/import", doc);

        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var result = await import.ReadAsync<ImportCatalogResponse>();
        Assert.Equal(1, result.ProceduresCreated);
        Assert.Equal(1, result.ProceduresUpdated);
        var today = await app.Client.GetFromJsonAsync<Features.Calendar.DueDateResponse>("/api/calendar/due-date?procedure=1.004222&receivedAt=2026-03-02T09:00:00%2B07:00", JsonOptions);
        var tomorrow = await app.Client.GetFromJsonAsync<Features.Calendar.DueDateResponse>("/api/calendar/due-date?procedure=1.004222&receivedAt=2026-03-03T09:00:00%2B07:00", JsonOptions);
        Assert.Equal("7d", today!.TimeLimit);
        Assert.Equal("5d", tomorrow!.TimeLimit);
        var p = await app.Client.GetFromJsonAsync<ProcedureResponse>("/api/procedures/1.004222", JsonOptions);
        Assert.Equal(2, p!.Versions.Count);
    }

    [Fact]
    public async Task Import_Invalid_ReportsEveryErrorWithItsPathAndSavesNothing()
    {
        await using var app = await MotCuaApp.StartAsync();
        var doc = new CatalogDocument(
        [
            new ProcedureDocument("1.004222", "residence", new LocalizedTextDocument("Đăng ký thường trú", null, null),
                [new VersionDocument(new DateOnly(2026, 3, 3), "5d", null, null, [Channel.Counter], [], null)]),
            new ProcedureDocument("bad code!", "", new LocalizedTextDocument("", null, null),
                [new VersionDocument(null, "3 weeks", null, new FeeDocument(FeeKind.Fixed, -5), [], [], null)]),
        ]);

        var response = await app.Client.PostJsonAsync("/api/procedures/import", doc);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var path in new[] { "procedures[1].code", "procedures[1].field", "procedures[1].name.vi", "procedures[1].versions[0].effectiveFrom", "procedures[1].versions[0].timeLimit" })
        {
            Assert.True(errors.TryGetProperty(path, out _), $"No error at {path}: {errors}");
        }

        var p = await app.Client.GetFromJsonAsync<ProcedureResponse>("/api/procedures/1.004222", JsonOptions);
        Assert.Single(p!.Versions);
    }

    [Fact]
    public async Task Import_CsvWithBadCells_ReportsRowAndColumn()
    {
        await using var app = await MotCuaApp.StartAsync();
        var csv = "code,field,name_vi,effective_from,time_limit,fee_kind,fee_amount,channels\r\n"
            + "1.004222,residence,Đăng ký thường trú,2026-13-01,7d,fixed,abc,counter|fax\r\n";
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");

        var response = await app.Client.PostAsync("/api/procedures/import", content);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("row 2.effective_from", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("row 2.fee_amount", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("row 2.channels", out _), errors.ToString());
    }

    [Fact]
    public async Task Import_OtherMediaType_Is415()
    {
        await using var app = await MotCuaApp.StartAsync();
        using var content = new StringContent("<xml/>", Encoding.UTF8, "application/xml");

        await ProblemAssert.IsProblemAsync(await app.Client.PostAsync("/api/procedures/import", content), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Export_UnknownFormat_Is400()
    {
        await using var app = await MotCuaApp.StartAsync();

        await ProblemAssert.IsProblemAsync(await app.Client.GetAsync("/api/procedures/export?format=xml"), HttpStatusCode.BadRequest);
    }
}
