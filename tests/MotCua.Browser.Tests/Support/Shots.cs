using Microsoft.Playwright;

namespace MotCua.Browser.Tests.Support;

/// <summary>Each page: checked with axe-core and photographed at laptop size, then again at phone size in the same session.</summary>
public sealed class Shots(IBrowser browser, Uri baseUrl, string suffix)
{
    public async Task TakeAsync(IPage page, IBrowserContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(context);
        await Ui.VisitAsync(page, $"{name}-{suffix}-laptop");
        await Untranslated.AssertNoneAsync(page, name);
        var state = await context.StorageStateAsync();
        await using var phone = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = Ui.Phone,
            IsMobile = true,
            HasTouch = true,
            DeviceScaleFactor = 2,
            BypassCSP = true,
            StorageState = state,
        });
        var small = await phone.NewPageAsync();
        await small.GotoAsync(page.Url);
        await Ui.VisitAsync(small, $"{name}-{suffix}-phone");
    }
}

/// <summary>A resource key printed instead of its text ("Queue.Title") means a string is missing from Strings.tsv.</summary>
public static partial class Untranslated
{
    public static async Task AssertNoneAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var text = await page.InnerTextAsync("body");
        var keys = KeyPattern().Matches(text).Select(m => m.Value).Distinct().ToList();
        Assert.True(keys.Count == 0, $"{name}: untranslated keys {string.Join(", ", keys)}");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(Layout|Nav|Login|Error|Queue|Badge|Timeliness|Status|Channel|Action|Role|Basis|PaperForm|TimeLimit|Fee|Intake|Details|Form|Register|Lookup|Problem|Audit|Outreach|Priority|Day|Slot|SessionStatus|PlanStatus|Equipment|Schedule|Violation|Quality|Ranking|Rating|Feedback|Externals|Field)\.[A-Za-z\-]+")]
    private static partial System.Text.RegularExpressions.Regex KeyPattern();
}
