using MotCua.Browser.Tests.Support;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Tests.Dossiers;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Browser.Tests.Quality;

/// <summary>
/// On a phone, a citizen follows the receipt's QR link, sees the result is ready, rates the service, and sends a
/// complaint they then follow by its code; at the counter, the kiosk takes the next citizen's rating.
/// </summary>
public sealed class CitizenRatingTests(BrowserFixture browser)
{
    [Fact]
    public async Task Citizen_RatesFromTheQrLinkOnAPhone_AndTheKioskTakesTheNext()
    {
        await using var app = await MotCuaApp.StartAsync(settings: new() { ["MotCua:RateLimits:PublicPerMinute"] = "100000" });
        var unit = await app.AddUnitAsync();
        async Task<DossierResponse> Ready()
        {
            var d = await (await unit.Client.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code))).ReadAsync<DossierResponse>();
            var secret = d.LookupSecret;
            d = await (await unit.Client.PostJsonAsync($"/api/dossiers/{d.Number}/transitions", new TransitionRequest(DossierAction.StartProcessing, null, d.Version, null))).ReadAsync<DossierResponse>();
            return (await (await unit.Client.PostJsonAsync($"/api/dossiers/{d.Number}/transitions", new TransitionRequest(DossierAction.Complete, null, d.Version, null))).ReadAsync<DossierResponse>()) with { LookupSecret = secret };
        }

        var mine = await Ready();
        var next = await Ready();

        await using var phone = await Ui.NewContextAsync(browser.Browser, app.BaseAddress, phone: true);
        var page = await phone.NewPageAsync();

        // The receipt's QR code opens the lookup; the result is ready, so it offers the rating.
        await page.GotoAsync($"/tra-cuu/{mine.Number}?secret={mine.LookupSecret}");
        await Ui.VisitAsync(page, "lookup-ready-rate-vi-phone");
        await Navigation.ByClickAsync(page, "a[href^='/danh-gia/']");
        Assert.Contains($"/danh-gia/{mine.Number}", page.Url, StringComparison.Ordinal);
        await Ui.VisitAsync(page, "rating-form-vi-phone");

        await new RatingPage(page).RateAsync(satisfied: true, guidance: 5, attitude: 4, speed: 5, comment: "Cán bộ hướng dẫn tận tình.");
        Assert.Contains("Cảm ơn", await page.InnerTextAsync("main [role=status]"), StringComparison.Ordinal);
        await Ui.VisitAsync(page, "rating-thanks-vi-phone");
        var rating = await app.WithDbAsync(db => Task.FromResult(db.DossierRatings.Single()));
        Assert.True(rating.Satisfied);
        Assert.Equal((5, 4, 5), (rating.Guidance!.Value, rating.Attitude!.Value, rating.Speed!.Value));
        Assert.Equal(Domain.Quality.RatingSource.Qr, rating.Source);

        // The citizen also complains, and follows it by the code given.
        await page.GotoAsync($"/tra-cuu/{mine.Number}?secret={mine.LookupSecret}");
        await Navigation.ByClickAsync(page, "a[href^='/phan-anh?']");
        await Ui.VisitAsync(page, "feedback-form-vi-phone");
        await page.FillAsync("#subject", "Bãi gửi xe chật");
        await page.FillAsync("#content", "Đề nghị Trung tâm mở rộng chỗ gửi xe máy.");
        await page.CheckAsync("input[name='Input.Kind'][value=Recommendation]");
        await Navigation.ByClickAsync(page, "form button[type=submit]");
        Assert.Contains("/phan-anh/PA-", page.Url, StringComparison.Ordinal);
        Assert.Contains("Đã tiếp nhận", await page.InnerTextAsync(".big-status"), StringComparison.Ordinal);
        await Ui.VisitAsync(page, "feedback-follow-vi-phone");

        // At the counter, the kiosk: number and code typed, large buttons, back to the start for the next person.
        await using var tablet = await Ui.NewContextAsync(browser.Browser, app.BaseAddress);
        var kiosk = await tablet.NewPageAsync();
        await kiosk.GotoAsync("/danh-gia?kiosk=true");
        await Ui.VisitAsync(kiosk, "rating-kiosk-start-vi-laptop");
        await kiosk.FillAsync("#number", next.Number);
        await kiosk.FillAsync("#secret", next.LookupSecret!.ToLowerInvariant());
        await Navigation.ByClickAsync(kiosk, "form button[type=submit]");
        await Ui.VisitAsync(kiosk, "rating-kiosk-form-vi-laptop");
        await new RatingPage(kiosk).RateAsync(satisfied: false, guidance: 2, attitude: 3, speed: 1);
        Assert.Equal(1, await kiosk.Locator("a[data-kiosk-return]").CountAsync());
        Assert.Equal(2, await app.WithDbAsync(db => Task.FromResult(db.DossierRatings.Count())));
        Assert.Equal(Domain.Quality.RatingSource.Kiosk, await app.WithDbAsync(db => Task.FromResult(db.DossierRatings.Single(r => !r.Satisfied).Source)));
    }
}
