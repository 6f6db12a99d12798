using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Tests.Dossiers;
using MotCua.Web.Tests.Infrastructure;
using MotCua.Web.Tests.Outreach;

namespace MotCua.Web.Tests.Security;

/// <summary>
/// Walks every API route of the OpenAPI document with anonymous, each role, and an officer of another unit, and checks
/// who is let in. A route missing from <see cref="Expected"/> fails the test: a new route needs a decision here.
/// </summary>
public sealed class AccessMatrixTests
{
    private const string Anonymous = "anonymous";
    private const string Everyone = "everyone";

    /// <summary>An enrolled field kit (device credential): it reaches the field routes and nothing else.</summary>
    private const string Device = "device";

    private static readonly string[] Staff = Roles.All;
    private static readonly string[] DossierReaders = [Roles.CentreLeader, Roles.CounterOfficer, Roles.Specialist, Roles.FieldAgent, Roles.ProvinceViewer];

    /// <summary>Route → who may call it. "everyone" includes anonymous.</summary>
    private static readonly Dictionary<string, string[]> Expected = new()
    {
        ["POST /api/auth/login"] = [Everyone],
        ["POST /api/auth/refresh"] = [Everyone],
        ["POST /api/auth/logout"] = Staff,
        ["GET /api/auth/me"] = Staff,
        ["GET /api/auth/antiforgery"] = Staff,
        ["GET /api/procedures"] = Staff,
        ["GET /api/procedures/export"] = Staff,
        ["GET /api/procedures/{code}"] = Staff,
        ["POST /api/procedures/import"] = [Roles.Administrator],
        ["GET /api/calendar/due-date"] = Staff,
        ["GET /api/calendar/days"] = Staff,
        ["GET /api/calendar/years/{year}"] = Staff,
        ["PUT /api/calendar/years/{year}"] = [Roles.Administrator],
        ["POST /api/dossiers"] = [Roles.CentreLeader, Roles.CounterOfficer, Roles.FieldAgent],
        ["GET /api/dossiers"] = DossierReaders,
        ["GET /api/dossiers/{number}"] = DossierReaders,
        ["POST /api/dossiers/{number}/transitions"] = [Roles.CentreLeader, Roles.CounterOfficer, Roles.Specialist],
        ["GET /api/public/dossiers/{number}"] = [Everyone],
        ["GET /api/audit"] = [Roles.Administrator],
        ["POST /api/outreach/campaigns"] = [Roles.CentreLeader],
        ["GET /api/outreach/campaigns"] = DossierReaders,
        ["GET /api/outreach/campaigns/{id}"] = DossierReaders,
        ["POST /api/outreach/campaigns/{id}/plan"] = [Roles.CentreLeader],
        ["PUT /api/outreach/sessions/{id}"] = [Roles.CentreLeader],
        ["GET /api/public/outreach"] = [Everyone],
        ["GET /api/quality/index"] = [Roles.CentreLeader, Roles.ProvinceViewer, Roles.Administrator],
        ["GET /api/quality/trend"] = [Roles.CentreLeader, Roles.ProvinceViewer, Roles.Administrator],
        ["GET /api/quality/ranking"] = [Roles.ProvinceViewer, Roles.Administrator],
        ["GET /api/quality/externals"] = [Roles.Administrator],
        ["PUT /api/quality/externals"] = [Roles.Administrator],
        ["GET /api/feedback"] = [Roles.CentreLeader, Roles.CounterOfficer, Roles.Specialist, Roles.ProvinceViewer],
        ["GET /api/feedback/{code}"] = [Roles.CentreLeader, Roles.CounterOfficer, Roles.Specialist, Roles.ProvinceViewer],
        ["POST /api/feedback/{code}/actions"] = [Roles.CentreLeader, Roles.CounterOfficer, Roles.Specialist],
        ["POST /api/public/dossiers/{number}/rating"] = [Everyone],
        ["POST /api/public/feedback"] = [Everyone],
        ["GET /api/public/feedback/{code}"] = [Everyone],
        ["POST /api/public/feedback/{code}/satisfaction"] = [Everyone],
        ["POST /api/field/devices"] = [Roles.Administrator, Roles.CentreLeader],
        ["GET /api/field/devices"] = [Roles.Administrator, Roles.CentreLeader],
        ["POST /api/field/devices/{id}/revoke"] = [Roles.Administrator, Roles.CentreLeader],
        ["POST /api/field/enrol"] = [Everyone],
        ["GET /api/field/devices/{id}/pins"] = [Roles.CentreLeader, Roles.CounterOfficer, Roles.Specialist, Roles.FieldAgent],
        ["PUT /api/field/devices/{id}/pins/{userId}"] = [Roles.CentreLeader, Roles.CounterOfficer, Roles.Specialist, Roles.FieldAgent],
        ["POST /api/field/devices/{id}/pins/{userId}/revoke"] = [Roles.CentreLeader, Roles.CounterOfficer, Roles.Specialist, Roles.FieldAgent],
        ["GET /api/field/kit"] = [Device],
        ["PUT /api/field/attachments/{id}"] = [Device],
        ["POST /api/field/sync"] = [Device],
        ["POST /api/field/status"] = [Device],
        ["GET /api/field/conflicts"] = [Roles.CentreLeader],
        ["POST /api/field/conflicts/{id}/resolve"] = [Roles.CentreLeader],
    };

    [Fact]
    public async Task EveryEndpoint_DeclaresItsAuthorization()
    {
        await using var app = await MotCuaApp.StartAsync();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true);

        foreach (var e in endpoints)
        {
            var declared = e.Metadata.GetMetadata<IAllowAnonymous>() is not null || e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null);
            Assert.True(declared, $"{e.DisplayName} has no authorization policy: add RequireAuthorization(Policies.…) or AllowAnonymous().");
        }
    }

    [Fact]
    public async Task EveryRoute_LetsInExactlyTheRolesItShould()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var other = await app.AddUnitAsync("000.00.99.T02");
        var dossier = await (await unit.Client.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code))).ReadAsync<DossierResponse>();
        var campaign = await OutreachSetup.CreateAsync(unit);
        var clients = new Dictionary<string, HttpClient> { [Anonymous] = app.Anonymous };
        foreach (var role in Roles.All)
        {
            clients[role] = role switch
            {
                Roles.Administrator => app.Client,
                Roles.ProvinceViewer => (await app.CreateUserAsync(role, province: "T01")).Client,
                _ => await unit.AsAsync(role),
            };
        }

        clients[Device] = (await FieldSync.FieldSetup.EnrolAsync(unit)).Client;

        var doc = JsonDocument.Parse(await app.Client.GetStringAsync("/openapi/v1.json")).RootElement;
        var routes = doc.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Select(op => $"{op.Name.ToUpperInvariant()} {p.Name}"))
            .ToList();
        var failures = new List<string>();
        Assert.Empty(routes.Except(Expected.Keys));

        // Signing out ends the caller's session on the server (issue 12): walk it last.
        routes = [.. routes.OrderBy(r => r == "POST /api/auth/logout")];

        foreach (var route in routes)
        {
            var allowed = Expected[route];
            foreach (var (who, client) in clients)
            {
                using var response = await client.SendAsync(Request(route, dossier, unit.Code, campaign.Id));
                var status = (int)response.StatusCode;
                var mayEnter = allowed.Contains(Everyone) || allowed.Contains(who);
                var expected = mayEnter ? "not 401/403" : who == Anonymous ? "401" : "403";
                var ok = mayEnter ? status is not (401 or 403) : status == (who == Anonymous ? 401 : 403);
                if (!ok || status >= 500)
                {
                    failures.Add($"{route} as {who}: expected {expected}, got {status} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));

        // An officer of another commune with the right role sees nothing of this one: 404, not 403.
        foreach (var role in new[] { Roles.CentreLeader, Roles.CounterOfficer, Roles.Specialist })
        {
            var stranger = await other.AsAsync(role);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/dossiers/{dossier.Number}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.SendAsync(Request("POST /api/dossiers/{number}/transitions", dossier, other.Code, campaign.Id))).StatusCode);
            var list = await (await stranger.GetAsync("/api/dossiers")).ReadAsync<DossierPage>();
            Assert.Equal(0, list.Total);
        }

        // A leader of another commune cannot revoke this one's laptops.
        var device = await FieldSync.FieldSetup.EnrolAsync(unit, name: "Laptop của xã");
        Assert.Equal(HttpStatusCode.NotFound, (await (await other.AsAsync(Roles.CentreLeader)).PostAsync($"/api/field/devices/{device.Id}/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await device.Client.GetAsync("/api/field/kit")).StatusCode);

        // Nor its campaigns: reading, planning and listing answer as if they did not exist.
        var leader = await other.AsAsync(Roles.CentreLeader);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"/api/outreach/campaigns/{campaign.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.PostAsync($"/api/outreach/campaigns/{campaign.Id}/plan", null)).StatusCode);
        Assert.Equal("[]", await leader.GetStringAsync("/api/outreach/campaigns"));
    }

    private static HttpRequestMessage Request(string route, DossierResponse dossier, string unitCode, Guid campaignId)
    {
        var parts = route.Split(' ', 2);
        var id = parts[1].StartsWith("/api/outreach/sessions", StringComparison.Ordinal) || parts[1].StartsWith("/api/field/", StringComparison.Ordinal) ? Guid.NewGuid() : campaignId;
        var path = parts[1].Replace("{userId}", "someone", StringComparison.Ordinal).Replace("{number}", dossier.Number, StringComparison.Ordinal).Replace("{id}", id.ToString(), StringComparison.Ordinal).Replace("{code}", "1.001193", StringComparison.Ordinal).Replace("{year}", "2030", StringComparison.Ordinal);
        var (query, body) = route switch
        {
            "GET /api/calendar/due-date" => ("?procedure=1.001193&receivedAt=2026-03-02T09:00:00%2B07:00", null),
            "GET /api/calendar/days" => ("?from=2026-01-01&to=2026-01-31", null),
            "GET /api/public/dossiers/{number}" => ($"?secret={dossier.LookupSecret}", null),
            // Credentials decide the outcome of these two, so an empty body (400) shows the route itself is open.
            "POST /api/auth/login" => (string.Empty, "{\"userName\":\"\",\"password\":\"\"}"),
            "POST /api/auth/refresh" => (string.Empty, "{\"refreshToken\":\"\"}"),
            "POST /api/procedures/import" => (string.Empty, "{\"procedures\":[]}"),
            "PUT /api/calendar/years/{year}" => (string.Empty, "{\"holidays\":[]}"),
            "POST /api/dossiers" => (string.Empty, JsonSerializer.Serialize(DossierRequests.Birth(unitCode), Platform.Json.Options)),
            "POST /api/dossiers/{number}/transitions" => (string.Empty, "{\"action\":\"handOver\",\"version\":999,\"toOfficer\":\"someone\"}"),
            "POST /api/outreach/campaigns" => (string.Empty, JsonSerializer.Serialize(OutreachSetup.Campaign(), Platform.Json.Options)),
            "PUT /api/outreach/sessions/{id}" => (string.Empty, $"{{\"date\":\"2026-03-07\",\"slot\":\"morning\",\"teamId\":\"{Guid.NewGuid()}\",\"hamletId\":\"{Guid.NewGuid()}\",\"version\":1}}"),
            "GET /api/public/outreach" => ($"?unit={unitCode}", null),
            "POST /api/field/devices" => (string.Empty, "{}"),
            "PUT /api/field/devices/{id}/pins/{userId}" => (string.Empty, "{}"),
            "POST /api/field/enrol" => (string.Empty, "{\"code\":\"ABCD-EFGH-JKLM\",\"name\":\"Laptop\"}"),
            "POST /api/field/sync" => (string.Empty, "{}"),
            "POST /api/field/status" => (string.Empty, "{\"clientIds\":[],\"attachments\":[]}"),
            "POST /api/field/conflicts/{id}/resolve" => (string.Empty, "{\"resolution\":\"kept\"}"),
            _ => (string.Empty, (string?)null),
        };
        var request = new HttpRequestMessage(new HttpMethod(parts[0]), path + query);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return request;
    }
}
