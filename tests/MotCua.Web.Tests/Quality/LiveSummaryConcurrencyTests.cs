using MotCua.Domain.Dossiers;
using MotCua.Domain.Quality;
using MotCua.Web.Data.Quality;
using MotCua.Web.Features.Complaints;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Tests.Infrastructure;
using static MotCua.Web.Tests.Quality.QualityScenario;
using K = MotCua.Domain.Quality.IndexMeasureKeys;

namespace MotCua.Web.Tests.Quality;

/// <summary>Saves that touch the same dossiers at the same moment must not lose or double a count.</summary>
public sealed class LiveSummaryConcurrencyTests
{
    [Fact]
    public async Task SameDossiers_RatedReturnedAndComplainedAboutAtOnce_SummariesStayEqualToARecompute()
    {
        await using var app = await MotCuaApp.StartAsync(settings: Unlimited);
        var unit = await app.AddUnitAsync();
        var dossiers = new List<DossierResponse>();
        for (var i = 0; i < 12; i++)
        {
            dossiers.Add(await CompleteAsync(unit, await ReceiveAsync(unit)));
        }

        var work = new List<Task<HttpResponseMessage>>();
        foreach (var d in dossiers)
        {
            work.Add(RateAsync(app, d, satisfied: false));
            work.Add(RateAsync(app, d, satisfied: true, guidance: 4));
            work.Add(unit.Client.PostJsonAsync($"/api/dossiers/{d.Number}/transitions", new TransitionRequest(DossierAction.ReturnResult, null, d.Version, null)));
            work.Add(app.Anonymous.PostJsonAsync("/api/public/feedback", new FeedbackRequest(FeedbackKind.Complaint, "Chờ lâu", "Phải chờ lâu.", null, d.Number, d.LookupSecret)));
        }

        var responses = await Task.WhenAll(work);

        foreach (var r in responses)
        {
            Assert.True(r.IsSuccessStatusCode || (int)r.StatusCode == 409, $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        }

        var index = await IndexAsync(unit.Client, unit.Code);
        Assert.Equal(12, index.Counts[K.DossiersWithComplaintOrDislike]);
        Assert.Equal(12, index.Counts[MeasureFacts.Extra.RatingsReceived]);
        Assert.Equal(12, index.Counts[K.FeedbackReceived]);
        Assert.Equal(0, (await app.WithDbAsync(db => RecomputeQuality.ExecuteAsync(db, default))).SummaryRowsChanged);
    }
}
