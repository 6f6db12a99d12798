using System.Net;
using System.Text;
using System.Text.Json;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Host;
using MotCua.Web.Tests.Dossiers;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Errors;

/// <summary>
/// Throws malformed JSON, wrong types, invalid citizen IDs, impossible dates and huge strings at every API route and
/// asserts a 4xx problem details answer: no user's mistake may reach a 500. Routes come from the OpenAPI document, so
/// a new route without a corpus entry fails <see cref="Corpus_CoversEveryRouteInTheOpenApiDocument"/>.
/// </summary>
public sealed class MalformedInputTests
{
    private static readonly string Huge = new('Ấ', 200_000);

    private static readonly string[] MalformedJson =
    [
        string.Empty, "{", "}", "[]", "null", "42", "\"text\"", "{\"a\":}", "{'single':'quotes'}", "{\"a\":1,,}",
        new string('[', 5000) + new string(']', 5000), "{\"x\":1e999999}", "\u0000\u0001", "{\"clientId\":\"\\ud800\"}",
        "{\"a\":\"" + Huge + "\"}",
    ];

    /// <summary>Bodies shaped like each endpoint's request but wrong in one way.</summary>
    private static readonly Dictionary<string, string[]> TypedBodies = new()
    {
        ["POST /api/dossiers"] =
        [
            Dossier(clientId: "\"not-a-guid\""), Dossier(clientId: "5"), Dossier(channel: "\"fax\""), Dossier(channel: "7"), Dossier(channel: "true"),
            Dossier(citizenId: "\"12\""), Dossier(citizenId: "\"003080001234\""), Dossier(citizenId: "\"0930800012345\""), Dossier(citizenId: "\"09308000123X\""),
            Dossier(citizenId: "\"093980001234\""), Dossier(citizenId: "\"093290001234\""), Dossier(citizenId: "93080001234"), Dossier(citizenId: "null"),
            Dossier(receivedAt: "\"2026-02-30T09:00:00+07:00\""), Dossier(receivedAt: "\"2026-03-01T25:61:00+07:00\""), Dossier(receivedAt: "\"9999-12-31T23:59:59Z\""),
            Dossier(receivedAt: "\"0001-01-01T00:00:00Z\""), Dossier(receivedAt: "\"2026-03-01\""), Dossier(receivedAt: "12345"),
            Dossier(name: "\"" + Huge + "\""), Dossier(name: "\"\""), Dossier(name: "123"), Dossier(name: "[\"a\"]"),
            Dossier(phone: "\"+99 12\""), Dossier(procedure: "\"" + Huge + "\""), Dossier(procedure: "{}"), Dossier(unit: "\"../../etc\""),
            "{\"applicant\":\"nobody\"}", Dossier(name: "\"Nguyễn\\u0000Văn\""), Dossier(phone: "\"09\\u000012345678\""),
            "{\"clientId\":\"7d7f0f3c-8a44-4c0e-9f6b-1c2d3e4f5a6c\",\"procedure\":\"1.001193\",\"channel\":\"counter\",\"applicant\":{\"citizenId\":\"093080001234\",\"fullName\":\"Lê Lan\",\"address\":\"Ấp\\u0000 1\"}}", "{\"needsVerification\":\"yes\"}", "{\"applicant\":{\"hamletId\":\"x\"}}",
        ],
        ["POST /api/dossiers/{number}/transitions"] =
        [
            "{\"action\":\"fly\",\"version\":1}", "{\"action\":\"complete\",\"version\":\"one\"}", "{\"action\":\"complete\",\"version\":-1}",
            "{\"action\":\"complete\",\"version\":2147483648}", "{\"action\":\"complete\"}", "{\"action\":12,\"version\":1}",
            "{\"action\":\"stop\",\"version\":1,\"reason\":\"" + Huge + "\"}", "{\"action\":\"handOver\",\"version\":1,\"toOfficer\":\"" + Huge + "\"}",
            "{\"action\":\"receive\",\"version\":1}", "{\"action\":\"stop\",\"version\":1,\"reason\":\"a\\u0000b\"}", "{\"action\":\"handOver\",\"version\":1,\"toOfficer\":\"a\\u0000b\"}", "{\"action\":null,\"version\":null}",
        ],
        ["PUT /api/calendar/years/{year}"] =
        [
            "{\"holidays\":\"2026-01-01\"}", "{\"holidays\":[{\"date\":\"2026-13-40\"}]}", "{\"holidays\":[{\"date\":\"2026-02-30\"}]}",
            "{\"holidays\":[{\"date\":20260101}]}", "{\"holidays\":[{\"date\":\"2026-01-05\",\"name\":{\"vi\":\"" + Huge + "\"}}]}",
            "{\"workingWeekends\":[{\"date\":\"2026-01-05\"}]}", "{\"source\":\"" + Huge + "\"}", "{\"holidays\":[]}", "{\"holiday\":[{\"date\":\"2026-01-01\"}]}",
            "{\"holidays\":[" + string.Join(',', Enumerable.Repeat("{\"date\":\"2026-01-05\"}", 500)) + "]}",
        ],
        ["POST /api/auth/login"] =
        [
            "{\"userName\":5,\"password\":true}", "{\"userName\":\"" + Huge + "\",\"password\":\"x\"}", "{\"userName\":\"nobody\",\"password\":\"wrong\"}",
            "{\"userName\":\"\",\"password\":\"\"}",
        ],
        ["PUT /api/quality/externals"] =
        [
            "{\"unit\":5,\"month\":\"2026-03\"}", "{\"province\":\"T01\",\"month\":\"2026-02-30\",\"values\":[]}", "{\"province\":\"T01\",\"month\":\"2026-03\",\"values\":\"all\"}",
            "{\"province\":\"T01\",\"month\":\"2026-03\",\"values\":[{\"indicator\":\"publicity.otherCriteria\",\"kind\":\"fraction\",\"value\":1}]}",
            "{\"province\":\"T01\",\"month\":\"2026-03\",\"values\":[{\"indicator\":\"publicity.otherCriteria\",\"kind\":\"points\",\"value\":1e30}]}",
            "{\"province\":\"T01\",\"month\":\"2026-03\",\"values\":[{\"indicator\":\"" + Huge + "\",\"kind\":\"points\",\"value\":1}]}",
            "{\"province\":\"T01\",\"month\":\"2026-03\",\"values\":[{\"indicator\":\"publicity.otherCriteria\",\"kind\":\"points\",\"value\":1,\"source\":\"a\\u0000b\"}]}",
            "{\"province\":\"T01\",\"month\":\"2026-03\",\"values\":[null]}", "{\"unit\":\"" + Huge + "\",\"month\":\"2026-03\",\"values\":[]}",
        ],
        ["POST /api/feedback/{code}/actions"] =
        [
            "{\"action\":\"fly\",\"version\":1}", "{\"action\":\"answer\",\"version\":\"one\"}", "{\"action\":\"answer\",\"version\":-1}", "{\"action\":\"submit\",\"version\":1}",
            "{\"action\":\"answer\",\"version\":1,\"text\":\"" + Huge + "\"}", "{\"action\":\"classify\",\"version\":1,\"category\":\"weather\"}",
            "{\"action\":\"assign\",\"version\":1,\"assignee\":\"" + Huge + "\"}", "{\"action\":\"answer\",\"version\":1,\"text\":\"a\\u0000b\"}",
        ],
        ["POST /api/public/dossiers/{number}/rating"] =
        [
            "{\"secret\":\"X\",\"satisfied\":\"yes\"}", "{\"secret\":\"X\",\"satisfied\":true,\"guidance\":6}", "{\"secret\":\"X\",\"satisfied\":true,\"attitude\":0}",
            "{\"secret\":\"X\",\"satisfied\":true,\"speed\":2147483648}", "{\"secret\":\"X\",\"satisfied\":true,\"source\":\"fax\"}",
            "{\"secret\":\"" + Huge + "\",\"satisfied\":true}", "{\"secret\":\"X\",\"satisfied\":true,\"comment\":\"" + Huge + "\"}",
            "{\"secret\":\"X\",\"satisfied\":true,\"comment\":\"a\\u0000b\"}", "{\"satisfied\":true}", "{\"secret\":\"X\"}",
        ],
        ["POST /api/public/feedback"] =
        [
            "{\"kind\":\"praise\",\"subject\":\"a\",\"content\":\"b\",\"unit\":\"000.00.99.T01\"}", "{\"kind\":\"complaint\",\"subject\":\"\",\"content\":\"b\",\"unit\":\"000.00.99.T01\"}",
            "{\"kind\":\"complaint\",\"subject\":\"" + Huge + "\",\"content\":\"b\",\"unit\":\"000.00.99.T01\"}", "{\"kind\":\"complaint\",\"subject\":\"a\",\"content\":\"b\",\"unit\":\"../../etc\"}",
            "{\"kind\":\"complaint\",\"subject\":\"a\",\"content\":\"b\",\"unit\":\"000.00.77.T01\"}", "{\"kind\":\"complaint\",\"subject\":\"a\",\"content\":\"b\",\"dossierNumber\":\"000.00.99.T01-260302-0001\",\"dossierSecret\":\"WRONG234\"}",
            "{\"kind\":\"complaint\",\"subject\":\"a\",\"content\":\"b\",\"unit\":\"000.00.99.T01\",\"phone\":\"12\",\"consent\":true}",
            "{\"kind\":\"complaint\",\"subject\":\"a\",\"content\":\"b\",\"unit\":\"000.00.99.T01\",\"name\":\"Lan\"}",
            "{\"kind\":\"complaint\",\"subject\":\"a\\u0000\",\"content\":\"b\",\"unit\":\"000.00.99.T01\"}", "{\"kind\":\"complaint\",\"subject\":\"a\",\"content\":[1],\"unit\":\"000.00.99.T01\"}",
            "{\"kind\":\"complaint\",\"subject\":\"a\",\"content\":\"b\",\"unit\":\"000.00.99.T01\",\"name\":\"Lan\\nHà\",\"consent\":true}",
        ],
        ["POST /api/public/feedback/{code}/satisfaction"] =
        [
            "{\"secret\":\"X\",\"satisfied\":\"no\"}", "{\"secret\":\"X\"}", "{\"satisfied\":true}", "{\"secret\":\"" + Huge + "\",\"satisfied\":true}", "{\"secret\":42,\"satisfied\":true}",
        ],
        ["POST /api/outreach/campaigns"] =
        [
            "{\"name\":\"x\"}", "{\"from\":\"2026-02-30\",\"to\":\"2026-04-01\"}", "{\"from\":\"2026-04-01\",\"to\":\"2026-03-01\",\"days\":[\"saturday\"],\"slots\":[\"morning\"],\"procedures\":[\"1.001193\"]}",
            Campaign(days: "[\"funday\"]"), Campaign(days: "[9]"), Campaign(days: "[]"), Campaign(slots: "[\"evening\"]"), Campaign(slots: "\"morning\""),
            Campaign(procedures: "[\"9.999999\"]"), Campaign(procedures: "[null]"), Campaign(procedures: "[\"" + Huge + "\"]"), Campaign(procedures: "[]"),
            Campaign(extra: ",\"capacityPerSession\":0"), Campaign(extra: ",\"capacityPerSession\":-5"), Campaign(extra: ",\"minutesPerCase\":100000"),
            Campaign(extra: ",\"target\":-1"), Campaign(extra: ",\"maxDaysPerMember\":0"), Campaign(extra: ",\"maxTravelMinutesBetweenSessions\":-1"),
            Campaign(extra: ",\"name\":\"" + Huge + "\""), Campaign(extra: ",\"name\":\"a\\u0000b\""), Campaign(to: "\"2036-03-01\""), Campaign(to: "\"9999-12-31\""),
        ],
        ["PUT /api/outreach/sessions/{id}"] =
        [
            "{\"date\":\"2026-03-07\"}", "{\"date\":\"2026-02-30\",\"slot\":\"morning\",\"teamId\":\"7d7f0f3c-8a44-4c0e-9f6b-1c2d3e4f5a6b\",\"hamletId\":\"7d7f0f3c-8a44-4c0e-9f6b-1c2d3e4f5a6b\",\"version\":1}",
            "{\"date\":\"2026-03-07\",\"slot\":\"night\",\"teamId\":\"7d7f0f3c-8a44-4c0e-9f6b-1c2d3e4f5a6b\",\"hamletId\":\"7d7f0f3c-8a44-4c0e-9f6b-1c2d3e4f5a6b\",\"version\":1}",
            "{\"date\":\"2026-03-07\",\"slot\":7,\"teamId\":\"x\",\"hamletId\":5,\"version\":\"one\"}",
            "{\"date\":\"2026-03-07\",\"slot\":\"morning\",\"teamId\":\"7d7f0f3c-8a44-4c0e-9f6b-1c2d3e4f5a6b\",\"hamletId\":\"7d7f0f3c-8a44-4c0e-9f6b-1c2d3e4f5a6b\",\"version\":-3}",
        ],
        ["POST /api/field/devices"] =
        [
            "{\"unit\":5}", "{\"teamId\":\"x\"}", "{\"teamId\":\"7d7f0f3c-8a44-4c0e-9f6b-1c2d3e4f5a6b\"}", "{\"unit\":\"" + Huge + "\"}", "{\"unit\":\"000.00.99.T02\"}",
            "{\"unit\":\"a\\u0000b\"}", "{\"teamId\":null,\"unit\":[]}",
        ],
        ["POST /api/field/enrol"] =
        [
            "{\"code\":5}", "{\"code\":\"ABCD-EFGH-JKLM\"}", "{\"code\":\"ABCD-EFGH-JKLM\",\"name\":\"" + Huge + "\"}", "{\"code\":\"a\\u0000b\",\"name\":\"x\"}",
            "{\"code\":\"ABCD-EFGH-JKLM\",\"name\":\"x\\u0000y\"}", "{\"code\":\"" + Huge + "\",\"name\":\"x\"}", "{\"code\":\"ABCD-EFGH-JKLM\",\"name\":\"   \"}",
        ],
        ["PUT /api/field/attachments/{id}"] = ["{\"bytes\":\"AAAA\"}"],
        ["PUT /api/field/devices/{id}/pins/{userId}"] = ["{\"pin\":123456}", "{\"pin\":\"" + Huge + "\"}", "{\"pin\":\"12a456\"}", "{\"pin\":[\"1\"]}", "{\"pin\":\"58\\u00003920\"}"],
        ["POST /api/field/sync"] =
        [
            "{\"sentAt\":\"yesterday\",\"items\":[]}", "{\"sentAt\":\"2026-03-02T09:00:00+07:00\"}", "{\"sentAt\":\"2026-03-02T09:00:00+07:00\",\"items\":[null]}",
            "{\"sentAt\":\"2026-03-02T09:00:00+07:00\",\"items\":[{\"clientId\":\"x\"}]}", "{\"sentAt\":\"2026-03-02T09:00:00+07:00\",\"items\":[{\"clientId\":\"7d7f0f3c-8a44-4c0e-9f6b-1c2d3e4f5a6b\",\"kind\":\"fly\"}]}",
            "{\"sentAt\":\"2026-03-02T09:00:00+07:00\",\"items\":[" + string.Join(',', Enumerable.Repeat("{\"clientId\":\"7d7f0f3c-8a44-4c0e-9f6b-1c2d3e4f5a6b\",\"kind\":\"dossier\"}", 101)) + "]}",
            "{\"sentAt\":\"9999-12-31T23:59:59Z\",\"items\":[{\"clientId\":\"7d7f0f3c-8a44-4c0e-9f6b-1c2d3e4f5a6b\",\"kind\":\"dossier\"}]}",
        ],
        ["POST /api/field/status"] =
        [
            "{\"clientIds\":\"x\"}", "{\"clientIds\":[\"nope\"]}", "{\"attachments\":[5]}",
            "{\"clientIds\":[" + string.Join(',', Enumerable.Range(0, 1001).Select(i => $"\"{Guid.NewGuid()}\"")) + "]}",
        ],
        ["POST /api/field/conflicts/{id}/resolve"] =
        [
            "{\"resolution\":\"maybe\"}", "{\"resolution\":\"kept\",\"note\":\"" + Huge + "\"}", "{\"resolution\":\"kept\",\"version\":\"x\"}",
            "{\"resolution\":\"kept\",\"note\":\"a\\u0000b\"}", "{\"resolution\":7}",
        ],
        ["POST /api/auth/refresh"] = ["{\"refreshToken\":\"forged\"}", "{\"refreshToken\":\"" + Huge + "\"}", "{\"refreshToken\":42}"],
        ["POST /api/procedures/import"] =
        [
            "{\"procedures\":\"all\"}", "{\"procedures\":[{\"code\":5}]}", "{\"procedures\":[{\"code\":\"1.001193\",\"versions\":[{\"effectiveFrom\":\"2026-02-30\"}]}]}",
            "{\"procedures\":[{\"code\":\"1.001193\",\"field\":\"x\",\"name\":{\"vi\":\"x\"},\"versions\":[{\"effectiveFrom\":\"2026-01-01\",\"timeLimit\":\"3d\",\"channels\":[\"fax\"]}]}]}",
            "{\"procedures\":[{\"code\":\"1.001193\",\"field\":\"x\",\"name\":{\"vi\":\"x\"},\"versions\":[{\"effectiveFrom\":\"2026-01-01\",\"timeLimit\":\"3d\",\"channels\":[\"counter\"],\"fee\":{\"kind\":\"fixed\",\"amount\":-1}}]}]}",
            "{\"procedures\":[{\"code\":\"" + Huge + "\"}]}", "{\"procedures\":[]}",
        ],
    };

    private static readonly string[] BadNumbers = ["nonsense", "..%2F..%2Fetc%2Fpasswd", "%00", new string('9', 3000), "000.00.99.T01-261399-0001", "Ấp-Phú"];

    private static readonly Dictionary<string, string[]> BadQueries = new()
    {
        ["GET /api/calendar/due-date"] =
        [
            "", "procedure=1.001193", "receivedAt=2026-03-02T09:00:00%2B07:00", "procedure=1.001193&receivedAt=2026-02-30T09:00:00%2B07:00",
            "procedure=1.001193&receivedAt=9999-12-31T23:59:59Z", "procedure=1.001193&receivedAt=2026-03-02T09:00:00",
            "procedure=1.001193&receivedAt=" + new string('2', 5000), "procedure=" + new string('1', 5000) + "&receivedAt=2026-03-02T09:00:00Z",
            "procedure=1.001193&receivedAt=2026-03-02T09:00:00Z&unit=%00",
        ],
        ["GET /api/calendar/days"] =
        [
            "", "from=2026-01-01", "from=2026-13-01&to=2026-12-01", "from=2026-02-30&to=2026-03-01", "from=2026-03-01&to=2026-02-01",
            "from=0001-01-01&to=9999-12-31", "from=" + new string('2', 5000) + "&to=2026-01-01",
        ],
        ["GET /api/dossiers"] =
        [
            "status=%00", "status=-1", "status=99", "overdue=sometimes", "page=-1", "page=99999999999", "pageSize=0", "pageSize=abc",
            "status=" + new string('x', 5000), "unit=" + new string('9', 3000),
        ],
        ["GET /api/procedures/export"] = ["format=pdf", "format=" + new string('x', 3000)],
        ["GET /api/public/dossiers/{number}"] = ["", "secret=", "secret=" + new string('A', 5000), "secret=%00"],
        ["GET /api/public/feedback/{code}"] = ["", "secret=", "secret=" + new string('A', 5000), "secret=%00"],
        ["GET /api/quality/index"] = ["unit=%00", "unit=" + new string('9', 3000), "from=2026-02-30", "from=2026-03-10&to=2026-03-01", "from=0001-01-01&to=9999-12-31", "to=" + new string('2', 5000)],
        ["GET /api/quality/ranking"] = ["province=%00", "province=" + new string('9', 3000), "from=x", "from=2020-01-01&to=2026-01-01"],
        ["GET /api/quality/trend"] = ["months=0", "months=99999999999", "months=abc", "unit=" + new string('9', 3000)],
        ["GET /api/quality/externals"] = ["", "unit=000.00.99.T01", "unit=000.00.99.T01&month=2026-13", "province=T01&unit=x&month=2026-03", "month=" + new string('2', 5000)],
        ["GET /api/feedback"] = ["status=%00", "status=lost", "page=-1", "pageSize=0", "open=maybe", "overdue=2", "dossier=" + new string('9', 3000)],
        ["GET /api/field/kit"] = ["days=2026-13-01", "days=" + new string('2', 5000), "size=0", "size=abc", "size=99999999999", "days=%00", "days=1999-01-01", "days=2026-03-01,,x"],
        ["GET /api/field/conflicts"] = ["resolved=perhaps"],
        ["GET /api/public/outreach"] = ["", "unit=", "unit=%00", "unit=" + new string('9', 5000), "unit=000.00.99.T01&hamlet=nonsense", "unit=000.00.99.T01&hamlet=%00", "unit=NOPE"],
    };

    /// <summary>Items wrong in one field each: the batch answers 400, or 200 with the item rejected (never created, never a 500).</summary>
    public static readonly string[] MalformedSyncItems =
    [
        SyncItem("number", "\"" + Huge + "\""), SyncItem("number", "5"), SyncItem("number", "\"000.00.99.T01-260302-9999\""), SyncItem("receivedAt", "\"2026-02-30T09:00:00+07:00\""),
        SyncItem("receivedAt", "null"), SyncItem("attachments", "[{\"id\":\"x\"}]"), SyncItem("attachments", "[null,{\"size\":-1}]"),
        SyncItem("attachments", "[{\"id\":\"7d7f0f3c-8a44-4c0e-9f6b-1c2d3e4f5a6c\",\"sha256\":\"" + new string('a', 64) + "\",\"size\":99999999999}]"),
        SyncItem("kind", "\"transition\""), SyncItem("baseVersion", "\"x\""), SyncItem("action", "\"fly\""), SyncItem("applicant", "{\"citizenId\":\"12\"}"),
        SyncItem("applicant", "{\"citizenId\":\"093080001234\",\"fullName\":\"a\\u0000b\"}"), SyncItem("applicant", "null"), SyncItem("papers", "[\"" + Huge + "\"]"),
        SyncItem("papers", "[\"Giấy không có\"]"), SyncItem("lookupSecret", "\"" + Huge + "\""), SyncItem("lookupSecret", "\"abcdefgh\""), SyncItem("channel", "\"fax\""),
        SyncItem("channel", "\"counter\""), SyncItem("priorityGroups", "[\"rich\"]"), SyncItem("receivedBy", "\"" + Huge + "\""), SyncItem("procedure", "\"9.999999\""),
        SyncItem("outreachSession", "\"7d7f0f3c-8a44-4c0e-9f6b-1c2d3e4f5a6c\""), SyncItem("applicant", "{\"citizenId\":\"093080001234\",\"fullName\":\"Lê Lan\",\"hamletId\":\"7d7f0f3c-8a44-4c0e-9f6b-1c2d3e4f5a6c\"}"),
    ];

    /// <summary>A valid field dossier for 000.00.99.T01 (number 0002 of 2 March, in the test device's block) with one field replaced.</summary>
    public static string SyncItem(string field, string json)
    {
        var item = new Dictionary<string, string>
        {
            ["clientId"] = $"\"{Guid.NewGuid()}\"",
            ["kind"] = "\"dossier\"",
            ["number"] = "\"000.00.99.T01-260302-0002\"",
            ["lookupSecret"] = "\"ABCDEFGH\"",
            ["procedure"] = "\"1.001193\"",
            ["channel"] = "\"outreach\"",
            ["applicant"] = "{\"citizenId\":\"093080001234\",\"fullName\":\"Nguyễn Văn Hoà\"}",
            ["receivedAt"] = "\"2026-03-02T08:30:00+07:00\"",
        };
        item[field] = json;
        return "{\"sentAt\":\"2026-03-02T09:00:00+07:00\",\"items\":[{" + string.Join(",", item.Select(p => $"\"{p.Key}\":{p.Value}")) + "}]}";
    }

    private static string Campaign(string days = "[\"saturday\"]", string slots = "[\"morning\"]", string procedures = "[\"1.001193\"]", string to = "\"2026-04-25\"", string extra = "") =>
        $"{{\"name\":\"Thứ Bảy\",\"from\":\"2026-03-07\",\"to\":{to},\"days\":{days},\"slots\":{slots},\"procedures\":{procedures}{extra}}}";

    private static string Dossier(string clientId = "\"7d7f0f3c-8a44-4c0e-9f6b-1c2d3e4f5a6b\"", string procedure = "\"1.001193\"", string unit = "\"000.00.99.T01\"",
        string channel = "\"counter\"", string citizenId = "\"093080001234\"", string name = "\"Nguyễn Văn Hoà\"", string phone = "\"0912345678\"", string? receivedAt = null) =>
        $"{{\"clientId\":{clientId},\"procedure\":{procedure},\"unit\":{unit},\"channel\":{channel},"
        + $"\"applicant\":{{\"citizenId\":{citizenId},\"fullName\":{name},\"phone\":{phone}}}"
        + (receivedAt is null ? string.Empty : $",\"receivedAt\":{receivedAt}") + "}";

    private static async Task<List<(string Method, string Path, bool HasBody)>> RoutesAsync(MotCuaApp app)
    {
        var doc = JsonDocument.Parse(await app.Client.GetStringAsync("/openapi/v1.json")).RootElement;
        return [.. doc.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Select(op => (op.Name.ToUpperInvariant(), p.Name, op.Value.TryGetProperty("requestBody", out _))))];
    }

    [Fact]
    public async Task Corpus_CoversEveryRouteInTheOpenApiDocument()
    {
        await using var app = await MotCuaApp.StartAsync();

        foreach (var (method, path, hasBody) in await RoutesAsync(app))
        {
            var key = $"{method} {path}";
            var covered = !hasBody || TypedBodies.ContainsKey(key);
            Assert.True(covered, $"{key} has no malformed-body corpus: add one to {nameof(TypedBodies)}.");
        }
    }

    [Fact]
    public async Task EveryRoute_MalformedInput_Answers4xxProblemDetails()
    {
        // The public routes are rate limited per address; this test sends hundreds of requests from one.
        await using var app = await MotCuaApp.StartAsync(settings: new() { ["MotCua:RateLimits:PublicPerMinute"] = "1000000" });
        var unit = await app.AddUnitAsync();
        var dossier = await (await unit.Client.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code))).ReadAsync<DossierResponse>();
        var device = await FieldSync.FieldSetup.EnrolAsync(unit);
        await FieldSync.FieldSetup.KitAsync(device);
        var failures = new List<string>();

        HttpClient client = unit.Client;
        async Task Check(HttpMethod method, string url, HttpContent? content, string what)
        {
            using var request = new HttpRequestMessage(method, url) { Content = content };

            // Kestrel answers an oversized body before reading it; asking for 100-continue keeps the client from writing into a closed socket.
            request.Headers.ExpectContinue = content?.Headers.ContentLength > App.MaxRequestBodyBytes;
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            var type = response.Content.Headers.ContentType?.MediaType;
            // Kestrel refuses a request line it cannot parse (e.g. %00 in the path) before the app runs: 400, no body.
            var rejectedByServer = status == 400 && response.Content.Headers.ContentLength == 0;
            if (status is < 400 or >= 500 || (status != 413 && !rejectedByServer && type != "application/problem+json"))
            {
                var body = await response.Content.ReadAsStringAsync();
                failures.Add($"{method} {url[..Math.Min(url.Length, 120)]} [{what[..Math.Min(what.Length, 80)]}] → {status} {type} {body[..Math.Min(body.Length, 200)]}");
            }
        }

        var checkedRoutes = 0;
        foreach (var (method, path, hasBody) in await RoutesAsync(app))
        {
            var key = $"{method} {path}";
            var m = new HttpMethod(method);

            // Each route is called by a role allowed to use it, so the input reaches the validation under test.
            client = path.StartsWith("/api/calendar/years", StringComparison.Ordinal) || path.StartsWith("/api/procedures/import", StringComparison.Ordinal) || path.StartsWith("/api/audit", StringComparison.Ordinal)
                || path.StartsWith("/api/quality/externals", StringComparison.Ordinal) || path.StartsWith("/api/quality/ranking", StringComparison.Ordinal)
                ? app.Client
                : path is "/api/field/kit" or "/api/field/sync" or "/api/field/status" or "/api/field/attachments/{id}" ? device.Client
                : unit.Client;
            var url = path.Replace("{number}", dossier.Number, StringComparison.Ordinal).Replace("{code}", "1.001193", StringComparison.Ordinal).Replace("{year}", "2026", StringComparison.Ordinal)
                .Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal).Replace("{userId}", "nobody", StringComparison.Ordinal);

            if (hasBody)
            {
                foreach (var body in MalformedJson.Concat(TypedBodies.GetValueOrDefault(key, [])))
                {
                    await Check(m, url, new StringContent(body, Encoding.UTF8, "application/json"), body);
                }

                await Check(m, url, new ByteArrayContent([0xff, 0xfe, 0x00, 0xc3, 0x28]) { Headers = { ContentType = new("application/json") } }, "invalid UTF-8");
                await Check(m, url, new StringContent("a=1", Encoding.UTF8, "application/x-www-form-urlencoded"), "form instead of JSON");
                await Check(m, url, new ByteArrayContent(new byte[7 * 1024 * 1024]) { Headers = { ContentType = new("application/json") } }, "7 MB body");
            }

            foreach (var query in BadQueries.GetValueOrDefault(key, []))
            {
                await Check(m, url + (query.Length > 0 ? "?" + query : string.Empty), null, query);
            }

            if (path.Contains("{number}", StringComparison.Ordinal))
            {
                foreach (var bad in BadNumbers)
                {
                    var badUrl = path.Replace("{number}", bad, StringComparison.Ordinal);
                    await Check(m, badUrl + (path.Contains("public", StringComparison.Ordinal) ? "?secret=ABCDEFGH" : string.Empty),
                        hasBody ? new StringContent("{\"action\":\"complete\",\"version\":1}", Encoding.UTF8, "application/json") : null, bad);
                }
            }

            if (path.Contains("{code}", StringComparison.Ordinal))
            {
                foreach (var bad in new[] { "9.999999", "%00", new string('1', 3000), "DROP TABLE" })
                {
                    await Check(m, path.Replace("{code}", bad, StringComparison.Ordinal), null, bad);
                }
            }

            if (path.Contains("{id}", StringComparison.Ordinal))
            {
                foreach (var bad in new[] { "nonsense", "%00", new string('f', 3000), "00000000-0000-0000-0000-000000000000" })
                {
                    await Check(m, path.Replace("{id}", bad, StringComparison.Ordinal), hasBody ? new StringContent("{}", Encoding.UTF8, "application/json") : null, bad);
                }
            }

            if (path.Contains("{year}", StringComparison.Ordinal))
            {
                foreach (var bad in new[] { "1800", "abc", "99999999999", "-1" })
                {
                    await Check(m, path.Replace("{year}", bad, StringComparison.Ordinal),
                        hasBody ? new StringContent("{\"holidays\":[]}", Encoding.UTF8, "application/json") : null, bad);
                }
            }

            checkedRoutes++;
        }

        Assert.True(checkedRoutes >= 10, $"Only {checkedRoutes} routes found in the OpenAPI document.");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        var after = await unit.Client.GetAsync($"/api/dossiers/{dossier.Number}");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}
