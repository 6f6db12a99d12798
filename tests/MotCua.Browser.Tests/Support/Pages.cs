using Microsoft.Playwright;

namespace MotCua.Browser.Tests.Support;

/// <summary>One object per page: the selectors live here, the tests read like the officer's work.</summary>
public sealed class LoginPage(IPage page)
{
    public async Task SignInAsync(string userName, string password)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await Navigation.ByClickAsync(page, "main button[type=submit]");
    }

    public async Task SignOutAsync()
    {
        await page.ClickAsync("header form[action='/logout'] button");
        await page.WaitForURLAsync("**/login");
    }

    public async Task SwitchLanguageAsync(string language)
    {
        await page.SelectOptionAsync("#culture", language);
        await page.WaitForFunctionAsync($"() => document.documentElement.lang === '{language}'");
    }
}

public sealed class IntakePage(IPage page)
{
    public async Task ChooseProcedureAsync(string search)
    {
        await page.GotoAsync("/intake");
        await page.FillAsync("#procedure-filter", search);
        await page.PressAsync("#procedure-filter", "Enter");
        await page.WaitForSelectorAsync("input[name='Input.Papers']");
    }

    public async Task TickAllPapersAsync()
    {
        foreach (var box in await page.QuerySelectorAllAsync("input[name='Input.Papers']"))
        {
            await box.CheckAsync();
        }
    }

    public async Task FillApplicantAsync(string citizenId, string name, string phone, string address)
    {
        await page.FillAsync("#cccd", citizenId);
        await page.FillAsync("#name", name);
        await page.FillAsync("#phone", phone);
        await page.FillAsync("#address", address);
        await page.SelectOptionAsync("#hamlet", new SelectOptionValue { Index = 1 });
    }

    /// <summary>Confirms and returns the dossier number from the receipt page it lands on.</summary>
    public async Task<string> ConfirmAsync()
    {
        await page.ClickAsync("button.btn.big[type=submit]");
        await page.WaitForURLAsync("**/forms/receipt");
        return new Uri(page.Url).AbsolutePath.Split('/')[2];
    }
}

public sealed class DossierPage(IPage page)
{
    public Task OpenAsync(string number) => page.GotoAsync($"/dossiers/{number}");

    public async Task HandOverAsync(string toUserId)
    {
        await ExpandAsync("HandOver");
        await page.SelectOptionAsync("#to-HandOver", toUserId);
        await SubmitAsync("HandOver");
    }

    public async Task ActAsync(string action, string? reason = null)
    {
        await ExpandAsync(action);
        if (reason is not null)
        {
            await page.FillAsync($"#reason-{action}", reason);
        }

        await SubmitAsync(action);
    }

    private async Task ExpandAsync(string action)
    {
        var details = page.Locator($"details:has(#form-{action})");
        if (await details.CountAsync() > 0 && await details.GetAttributeAsync("open") is null)
        {
            await details.Locator("summary").ClickAsync();
        }
    }

    public Task<string> StatusAsync() => page.InnerTextAsync("main .badge.status");

    private Task SubmitAsync(string action) => Navigation.ByClickAsync(page, $"#form-{action} button[type=submit]");
}

/// <summary>The field kit's page on a team laptop: enrol, download the kit, sync, and the counts.</summary>
public sealed class FieldPage(IPage page)
{
    public Task OpenAsync() => page.GotoAsync("/field");

    public async Task EnrolAsync(string code, string name)
    {
        await page.GotoAsync("/field");
        await page.FillAsync("#code", code);
        await page.FillAsync("#device-name", name);
        await Navigation.ByClickAsync(page, "#enrol-button");
    }

    public Task DownloadKitAsync() => Navigation.ByClickAsync(page, "#download-kit");

    /// <summary>Presses "sync now" and waits until the run has ended and the page has shown its outcome.</summary>
    public async Task SyncAsync()
    {
        await Navigation.ByClickAsync(page, "#sync-now");
        await page.WaitForSelectorAsync("progress[data-field-progress='idle']", new PageWaitForSelectorOptions { Timeout = 90_000 });
    }

    public async Task<int> CountAsync(string what) => int.Parse(await page.InnerTextAsync($"#count-{what}"), System.Globalization.CultureInfo.InvariantCulture);
}

public static class Navigation
{
    /// <summary>Clicks and waits for the page that the form post leads to.</summary>
    /// <remarks>
    /// WaitForURL, which Playwright recommends instead, cannot tell a post-redirect-get back to the same address from
    /// no navigation at all, so the older call is kept here on purpose.
    /// </remarks>
    public static async Task ByClickAsync(IPage page, string selector)
    {
#pragma warning disable CS0612
        await page.RunAndWaitForNavigationAsync(() => page.ClickAsync(selector));
#pragma warning restore CS0612
    }

    public static async Task ByKeyAsync(IPage page, string key)
    {
#pragma warning disable CS0612
        await page.RunAndWaitForNavigationAsync(() => page.Keyboard.PressAsync(key));
#pragma warning restore CS0612
    }
}

public sealed class QualityDashboardPage(IPage page)
{
    public Task OpenAsync(string query = "") => page.GotoAsync("/quality" + query);

    public Task<string> TotalAsync() => page.InnerTextAsync(".quality-stats .stat strong");

    public Task<string> FormulaAsync(string groupKey) => page.InnerTextAsync($"section:has(#h-{groupKey}) .formula");

    /// <summary>Follows the drill-down link of an indicator ("late", "disliked"…) to the list behind the number.</summary>
    public Task DrillAsync(string what) => Navigation.ByClickAsync(page, $"ul.drill a[href*='what={what}']");
}

public sealed class RankingPage(IPage page)
{
    public Task OpenAsync(string query = "") => page.GotoAsync("/quality/ranking" + query);

    public async Task<IReadOnlyList<string>> CommunesAsync() => await page.Locator("table.ranking tbody tr td:nth-child(2)").AllInnerTextsAsync();

    public Task SortByAsync(string key) => Navigation.ByClickAsync(page, $"table.ranking th a[href*='sort={key}']");
}

public sealed class RatingPage(IPage page)
{
    public async Task RateAsync(bool satisfied, int guidance, int attitude, int speed, string? comment = null)
    {
        await page.CheckAsync($"input[name=satisfied][value={(satisfied ? "true" : "false")}]");
        await page.CheckAsync($"input[name=guidance][value='{guidance}']");
        await page.CheckAsync($"input[name=attitude][value='{attitude}']");
        await page.CheckAsync($"input[name=speed][value='{speed}']");
        if (comment is not null)
        {
            await page.FillAsync("#comment", comment);
        }

        await Navigation.ByClickAsync(page, "form.rating button[type=submit]");
    }
}
