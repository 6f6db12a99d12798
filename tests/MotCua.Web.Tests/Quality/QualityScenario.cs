using System.Net;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Quality;
using MotCua.Web.Tests.Dossiers;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Quality;

/// <summary>Real dossiers, ratings and feedback through the API, for the quality tests.</summary>
internal static class QualityScenario
{
    /// <summary>Public calls are rate limited per address; the tests make many from one.</summary>
    public static readonly Dictionary<string, string?> Unlimited = new() { ["MotCua:RateLimits:PublicPerMinute"] = "1000000" };

    public static async Task<DossierResponse> ReceiveAsync(TestUnit unit, string procedure = "1.001193", Channel channel = Channel.Counter)
    {
        var response = await unit.Client.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code, channel: channel, procedure: procedure));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<DossierResponse>();
    }

    public static async Task<DossierResponse> ActAsync(TestUnit unit, DossierResponse d, DossierAction action, string? reason = null)
    {
        var response = await unit.Client.PostJsonAsync($"/api/dossiers/{d.Number}/transitions", new TransitionRequest(action, reason, d.Version, null));
        Assert.True(response.IsSuccessStatusCode, $"{action} on {d.Number}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");

        // Only the intake's answer carries the receipt's secret: the tests keep it, as the citizen keeps the receipt.
        return (await response.ReadAsync<DossierResponse>()) with { LookupSecret = d.LookupSecret };
    }

    /// <summary>Starts processing and completes: the result is ready (state 9).</summary>
    public static async Task<DossierResponse> CompleteAsync(TestUnit unit, DossierResponse d) =>
        await ActAsync(unit, await ActAsync(unit, d, DossierAction.StartProcessing), DossierAction.Complete);

    public static Task<HttpResponseMessage> RateAsync(MotCuaApp app, DossierResponse d, bool satisfied, int? guidance = null, int? attitude = null, int? speed = null, string? comment = null, string? secret = null) =>
        app.Anonymous.PostJsonAsync($"/api/public/dossiers/{d.Number}/rating", new RatingRequest(secret ?? d.LookupSecret, satisfied, guidance, attitude, speed, comment));

    public static async Task<QualityIndexResponse> IndexAsync(HttpClient client, string unit, string? from = null, string? to = null)
    {
        var url = $"/api/quality/index?unit={unit}" + (from is null ? string.Empty : $"&from={from}") + (to is null ? string.Empty : $"&to={to}");
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<QualityIndexResponse>();
    }

    public static IndicatorResponse Indicator(this QualityIndexResponse index, string key) =>
        index.Groups.SelectMany(g => g.Indicators).Single(i => i.Key == key);

    public static GroupResponse Group(this QualityIndexResponse index, string key) => index.Groups.Single(g => g.Key == key);
}
