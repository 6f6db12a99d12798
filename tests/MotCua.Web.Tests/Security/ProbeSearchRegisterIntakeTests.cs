using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalog;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Tests.Dossiers;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Security;

/// <summary>
/// Findings 2, 9 and 11 of the probe (issue 12): a province viewer searched names letter by letter across the province,
/// unaudited; form 07 gave field agents thousands of full names in one audit entry; the API let a field agent post
/// channel online and back-date a dossier by a month.
/// </summary>
public sealed class ProbeSearchRegisterIntakeTests
{
    [Fact]
    public async Task Probe2_AMaskedRole_FindsByWholeNumberOrCitizenIdOnly_AndEverySearchIsAudited()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var d = await (await unit.Client.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code))).ReadAsync<DossierResponse>();
        var viewer = await app.CreateUserAsync(Roles.ProvinceViewer, province: "T01");

        // The probe: part of a name, letter by letter.
        foreach (var q in new[] { "Ng", "Nguy", "Nguyễn Văn Hoà", "Hoà" })
        {
            var page = await viewer.Client.GetStringAsync($"/dossiers?q={Uri.EscapeDataString(q)}&all=true");
            Assert.DoesNotContain(d.Number, page, StringComparison.Ordinal);
            Assert.Contains("id=\"q-refused\"", page, StringComparison.Ordinal);
        }

        Assert.Contains(d.Number, await viewer.Client.GetStringAsync("/dossiers?q=093080001234&all=true"), StringComparison.Ordinal);
        Assert.Contains(d.Number, await viewer.Client.GetStringAsync($"/dossiers?q={d.Number}&all=true"), StringComparison.Ordinal);
        Assert.DoesNotContain(d.Number, await viewer.Client.GetStringAsync("/dossiers?q=09308000123&all=true"), StringComparison.Ordinal);

        // The unit's own officers, who see names, still search them.
        Assert.Contains(d.Number, await unit.Client.GetStringAsync($"/dossiers?q={Uri.EscapeDataString("Hoà")}&all=true&mine=false"), StringComparison.Ordinal);

        var searches = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "dossier.search").OrderBy(a => a.Id).Select(a => new { a.ActorId, a.Details }).ToListAsync());
        Assert.Equal(8, searches.Count);
        Assert.Equal(7, searches.Count(s => s.ActorId == viewer.Id));
        Assert.Contains(searches, s => s.Details == "citizen ID *********234: 1 found");
        Assert.All(searches, s => Assert.DoesNotContain("093080001234", s.Details, StringComparison.Ordinal));
        Assert.All(searches, s => Assert.DoesNotContain("Nguy", s.Details, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Probe9_TheRegister_IsMaskedForFieldAgents_AndUnmaskedOnlyOnRequestWithAnEntryPerDossier()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await unit.Client.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code))).StatusCode);
        }

        var agent = await unit.AsAsync(Roles.FieldAgent);
        var masked = await agent.GetStringAsync("/register?from=2026-03-01&to=2026-03-31");
        Assert.DoesNotContain("Nguyễn Văn Hoà", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("Phú Thuận A", masked, StringComparison.Ordinal);
        Assert.Contains("N***** V** H**", masked, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/register?from=2026-03-01&to=2026-03-31&full=true")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/register.pdf?from=2026-03-01&to=2026-03-31&full=true")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Dossier" && a.Action == "personal-data.read")));

        var counter = await unit.AsAsync(Roles.CounterOfficer);
        Assert.Contains("Nguyễn Văn Hoà", await counter.GetStringAsync("/register?from=2026-03-01&to=2026-03-31&full=true"), StringComparison.Ordinal);
        Assert.Equal(3, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Dossier" && a.Action == "personal-data.read" && a.Details!.Contains("register"))));
        Assert.Equal(HttpStatusCode.OK, (await counter.GetAsync("/register.pdf?from=2026-03-01&to=2026-03-31&full=true")).StatusCode);
        Assert.Equal(3, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Dossier" && a.Action == "personal-data.export")));
    }

    [Fact]
    public async Task Probe11_TheApiKeepsThePagesChannelAndReceiptTimeRules()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var agent = await unit.AsAsync(Roles.FieldAgent);

        // The probe: a field agent posts an online dossier, or a counter one.
        foreach (var channel in new[] { Channel.Online, Channel.Counter })
        {
            var refused = await agent.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code, channel: channel, procedure: "1.004222"));
            Assert.Equal("dossier.channel-not-permitted", (await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
        }

        Assert.Equal(HttpStatusCode.Created, (await agent.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code, channel: Channel.HomeVisit, receivedAt: "2026-03-02T08:00:00+07:00"))).StatusCode);

        // The probe: a home visit dated a month back would rewrite February's register and index.
        var old = await agent.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code, channel: Channel.HomeVisit, receivedAt: "2026-02-01T09:00:00+07:00"));
        Assert.Equal("dossier.received-at-too-early", (await ProblemAssert.IsProblemAsync(old, HttpStatusCode.BadRequest)).GetProperty("code").GetString());
        var leader = await unit.Client.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code, channel: Channel.Outreach, receivedAt: "2026-02-26T23:59:00+07:00"));
        await ProblemAssert.IsProblemAsync(leader, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Created, (await unit.Client.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code, channel: Channel.Outreach, receivedAt: "2026-02-27T08:00:00+07:00"))).StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Dossiers.CountAsync()));

        // The page offers the field agent the same channels only.
        var form = await agent.GetStringAsync("/intake?procedure=1.004222");
        Assert.DoesNotContain("value=\"Counter\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"Online\"", form, StringComparison.Ordinal);
    }
}
