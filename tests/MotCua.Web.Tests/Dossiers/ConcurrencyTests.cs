using System.Net;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>Numbers and idempotency under real concurrent HTTP requests, on whichever database the suite runs.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task TwoHundredParallelPosts_GetTwoHundredDistinctConsecutiveNumbers()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var client = unit.Client;

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => client.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = await Task.WhenAll(responses.Select(async r => (await r.ReadAsync<DossierResponse>()).Number));
        Assert.Equal(200, numbers.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 200).Select(i => $"{unit.Code}-260302-{i:0000}"), numbers.Order());
        Assert.Equal(200, await app.WithDbAsync(db => Task.FromResult(db.Dossiers.Count())));
    }

    [Fact]
    public async Task ReplayedClientIdInParallel_MakesExactlyOneDossier()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var client = unit.Client;
        var requests = Enumerable.Range(0, 20).Select(_ => DossierRequests.Birth(unit.Code)).ToList();

        // Each of 20 intakes is sent 10 times at once, as a flaky connection's retries would.
        var responses = await Task.WhenAll(requests.SelectMany(r => Enumerable.Repeat(r, 10)).Select(r => client.PostJsonAsync("/api/dossiers", r)));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"Got {(int)r.StatusCode}"));
        Assert.Equal(20, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        var bodies = await Task.WhenAll(responses.Select(r => r.ReadAsync<DossierResponse>()));
        Assert.Equal(20, bodies.Select(b => b.Number).Distinct().Count());
        Assert.Equal(20, await app.WithDbAsync(db => Task.FromResult(db.Dossiers.Count())));
    }
}
