using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Tests.Dossiers;
using MotCua.Web.Tests.Infrastructure;
using static MotCua.Web.Tests.Quality.QualityScenario;

namespace MotCua.Web.Tests.Security;

/// <summary>
/// Findings 3 and 10 of the probe (issue 12): the citizen's lookup secret was in every staff read of a dossier and let
/// staff replace ratings without limit; answers to a step and to a repeated intake carried full personal data unaudited.
/// </summary>
public sealed class ProbeSecretAndReadTests
{
    [Fact]
    public async Task Probe3_TheLookupSecret_IsOnlyInTheIntakeAnswerAndOnTheReceipt()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var counter = await app.CreateUserAsync(Roles.CounterOfficer, unit.Code);
        var request = DossierRequests.Birth(unit.Code);
        var created = await (await counter.Client.PostJsonAsync("/api/dossiers", request)).ReadAsync<DossierResponse>();
        var secret = Assert.IsType<string>(created.LookupSecret);

        // The probe: GET as a province viewer, and as every other reader.
        var viewer = await app.CreateUserAsync(Roles.ProvinceViewer, province: "T01");
        foreach (var reader in new[] { viewer.Client, unit.Client, await unit.AsAsync(Roles.Specialist), await unit.AsAsync(Roles.FieldAgent), counter.Client })
        {
            var response = await reader.GetAsync($"/api/dossiers/{created.Number}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Null((await response.ReadAsync<DossierResponse>()).LookupSecret);
        }

        var step = await unit.Client.PostJsonAsync($"/api/dossiers/{created.Number}/transitions", new TransitionRequest(DossierAction.StartProcessing, null, created.Version, null));
        Assert.DoesNotContain(secret, await step.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The same intake sent again: its officer gets the secret back to print the receipt; another officer does not.
        Assert.Equal(secret, (await (await counter.Client.PostJsonAsync("/api/dossiers", request)).ReadAsync<DossierResponse>()).LookupSecret);
        var replayed = await unit.Client.PostJsonAsync("/api/dossiers", request);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.DoesNotContain(secret, await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The receipt carries it: printed by those who hand receipts over (audited), not by a specialist.
        var specialist = await unit.AsAsync(Roles.Specialist);
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.GetAsync($"/dossiers/{created.Number}/forms/receipt")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.GetAsync($"/dossiers/{created.Number}/forms/receipt.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await specialist.GetAsync($"/dossiers/{created.Number}/forms/control-sheet")).StatusCode);
        Assert.DoesNotContain("/forms/receipt", await specialist.GetStringAsync($"/dossiers/{created.Number}"), StringComparison.Ordinal);
        Assert.Contains(secret, await counter.Client.GetStringAsync($"/dossiers/{created.Number}/forms/receipt"), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "receipt.printed" && a.ActorId == counter.Id)));
    }

    [Fact]
    public async Task Probe3_ARatingChanges_AtMostTwice_EachChangeFlaggedOnTheDossierAndInTheAudit()
    {
        await using var app = await MotCuaApp.StartAsync(settings: Unlimited);
        var unit = await app.AddUnitAsync();
        var d = await CompleteAsync(unit, await ReceiveAsync(unit));

        Assert.Equal(HttpStatusCode.Created, (await RateAsync(app, d, satisfied: true, guidance: 5)).StatusCode);
        var noFlag = await (await unit.Client.GetAsync($"/api/dossiers/{d.Number}")).ReadAsync<DossierResponse>();
        Assert.False(noFlag.Rating!.Flagged);

        // Someone holding the receipt's code (an officer who printed it) keeps replacing the citizen's rating.
        Assert.Equal(HttpStatusCode.OK, (await RateAsync(app, d, satisfied: false, guidance: 1)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RateAsync(app, d, satisfied: true, guidance: 4)).StatusCode);
        var third = await ProblemAssert.IsProblemAsync(await RateAsync(app, d, satisfied: false, guidance: 1), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("rating.change-limit", third.GetProperty("code").GetString());

        var read = await (await unit.Client.GetAsync($"/api/dossiers/{d.Number}")).ReadAsync<DossierResponse>();
        Assert.Equal((true, 4, 2, true), (read.Rating!.Satisfied, read.Rating.Guidance, read.Rating.Changes, read.Rating.Flagged));
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "rating.changed")));
        Assert.Contains("id=\"rating-changed\"", await unit.Client.GetStringAsync($"/dossiers/{d.Number}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe10_AnswersWithFullPersonalData_ToAStepOrARepeatedIntake_AreAuditedReads()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var request = DossierRequests.Birth(unit.Code);
        var d = await (await unit.Client.PostJsonAsync("/api/dossiers", request)).ReadAsync<DossierResponse>();
        var id = await app.WithDbAsync(db => db.Dossiers.Where(x => x.ClientId == request.ClientId).Select(x => x.Id).SingleAsync());
        async Task<int> ReadsAsync() => await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "personal-data.read" && a.EntityKey == id.ToString()));
        Assert.Equal(0, await ReadsAsync());

        var step = await (await unit.Client.PostJsonAsync($"/api/dossiers/{d.Number}/transitions", new TransitionRequest(DossierAction.StartProcessing, null, d.Version, null))).ReadAsync<DossierResponse>();
        Assert.Equal("093080001234", step.Applicant.CitizenId);
        Assert.Equal(1, await ReadsAsync());

        var other = await unit.AsAsync(Roles.CounterOfficer);
        var replay = await (await other.PostJsonAsync("/api/dossiers", request)).ReadAsync<DossierResponse>();
        Assert.Equal("093080001234", replay.Applicant.CitizenId);
        Assert.Equal(2, await ReadsAsync());
    }
}
