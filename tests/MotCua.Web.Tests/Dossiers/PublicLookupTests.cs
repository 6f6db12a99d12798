using System.Net;
using System.Text.Json;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers;

public sealed class PublicLookupTests
{
    [Fact]
    public async Task Lookup_WithNumberAndSecret_ShowsStatusAndDueDateWithNameMasked()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var d = await (await unit.Client.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code))).ReadAsync<DossierResponse>();

        var response = await app.Anonymous.GetAsync($"/api/public/dossiers/{d.Number}?secret={d.LookupSecret!.ToLowerInvariant()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var found = JsonSerializer.Deserialize<PublicDossierResponse>(body, Platform.Json.Options)!;
        Assert.Equal(DossierStatus.Received, found.Status);
        Assert.Equal(d.DueAt, found.DueAt);
        Assert.Equal("N***** V** H**", found.ApplicantName);
        Assert.Equal("Trung tâm đã tiếp nhận", found.StatusText);
        Assert.DoesNotContain("Nguyễn", body, StringComparison.Ordinal);
        Assert.DoesNotContain("093080001234", body, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lookup_InEnglish_SaysReadyToCollect()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var d = await (await unit.Client.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code))).ReadAsync<DossierResponse>();
        d = (await (await unit.Client.PostJsonAsync($"/api/dossiers/{d.Number}/transitions", new TransitionRequest(DossierAction.StartProcessing, null, d.Version, null))).ReadAsync<DossierResponse>()) with { LookupSecret = d.LookupSecret };
        await unit.Client.PostJsonAsync($"/api/dossiers/{d.Number}/transitions", new TransitionRequest(DossierAction.Complete, null, d.Version, null));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/public/dossiers/{d.Number}?secret={d.LookupSecret}");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var found = await (await app.Anonymous.SendAsync(request)).ReadAsync<PublicDossierResponse>();

        Assert.True(found.ReadyToCollect);
        Assert.Equal("Ready to collect", found.StatusText);
    }

    [Fact]
    public async Task Lookup_WrongSecretAndUnknownNumber_AnswerTheSame404()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var d = await (await unit.Client.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code))).ReadAsync<DossierResponse>();

        var wrong = await ProblemAssert.IsProblemAsync(await app.Anonymous.GetAsync($"/api/public/dossiers/{d.Number}?secret=WRONG234"), HttpStatusCode.NotFound);
        var unknown = await ProblemAssert.IsProblemAsync(await app.Anonymous.GetAsync($"/api/public/dossiers/{unit.Code}-260302-0099?secret={d.LookupSecret}"), HttpStatusCode.NotFound);
        var missing = await ProblemAssert.IsProblemAsync(await app.Anonymous.GetAsync($"/api/public/dossiers/{d.Number}"), HttpStatusCode.NotFound);

        Assert.Equal(wrong.GetProperty("detail").GetString(), unknown.GetProperty("detail").GetString());
        Assert.Equal(wrong.GetProperty("title").GetString(), missing.GetProperty("title").GetString());
        Assert.Equal(wrong.GetProperty("type").GetString(), unknown.GetProperty("type").GetString());
    }
}
