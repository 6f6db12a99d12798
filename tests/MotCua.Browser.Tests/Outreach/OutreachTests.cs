using Microsoft.Playwright;
using MotCua.Browser.Tests.Support;
using MotCua.Web.Host;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Browser.Tests.Outreach;

/// <summary>
/// The outreach walk of issue 5 on the demo data: the Châu Thành leader re-plans the Saturday campaign, moves one
/// session by hand (a move that breaks a rule is refused with the rule named), prints the hamlet's notice, and a
/// resident opens the public schedule on a phone.
/// </summary>
public sealed class OutreachTests(BrowserFixture browser)
{
    /// <summary>Monday 23 November 2026: two Saturdays of the demo campaign have happened.</summary>
    private static readonly DateTimeOffset Today = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task Leader_PlansTheDemoCampaign_MovesASession_PrintsANotice_AndAResidentReadsTheSchedule()
    {
        await using var app = await MotCuaApp.StartAsync(Today, new() { ["MotCua:Demo:Seed"] = "true" });
        await using var context = await Ui.NewContextAsync(browser.Browser, app.BaseAddress);
        var page = await context.NewPageAsync();
        var shots = new Shots(browser.Browser, app.BaseAddress, "vi");

        await page.GotoAsync("/login");
        await new LoginPage(page).SignInAsync("lanhdao.chauthanh", DemoData.DemoPassword);
        // The teams editor: each member's procedures are ticks folded under a count, opened by keyboard.
        await page.GotoAsync("/outreach/teams");
        var firstTeam = await page.Locator("main section.card h2").First.GetAttributeAsync("id");
        await page.GotoAsync($"/outreach/teams?edit={firstTeam!["team-".Length..]}#edit");
        var skills = page.Locator("details.skills").First;
        await skills.Locator("summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await skills.Locator("input[type=checkbox]").First.IsVisibleAsync());
        Assert.True(await page.Locator("details.skills input[type=checkbox]:checked").CountAsync() > 0, "the demo members have skills");
        await shots.TakeAsync(page, context, "outreach-teams");

        await page.GotoAsync("/outreach");
        await shots.TakeAsync(page, context, "outreach-campaigns");
        await Navigation.ByClickAsync(page, "main a:has-text('Thứ Bảy phục vụ nhân dân')");
        var campaignUrl = page.Url;

        // Re-plan: the two Saturdays already held stay, the six ahead are planned again, proven optimal.
        var heldBefore = await page.Locator("table.plan-grid a.session.held").CountAsync();
        Assert.True(heldBefore > 0, "the demo campaign should show held sessions");
        await Navigation.ByClickAsync(page, "form[action*='handler=Plan'] button[type=submit]");
        Assert.Equal(0, await page.Locator(".notice.error").CountAsync());
        Assert.Contains("Tối ưu (đã chứng minh)", await page.InnerTextAsync("#h-plan + dl"), StringComparison.Ordinal);
        Assert.Equal(heldBefore, await page.Locator("table.plan-grid a.session.held").CountAsync());
        Assert.True(await page.Locator("table.plan-grid a.session:not(.held):not(.cancelled)").CountAsync() >= 20);
        await shots.TakeAsync(page, context, "outreach-campaign");

        // A team has both half-days of a Saturday ahead: moving its morning onto its afternoon is refused, with the rule.
        var pair = page.Locator("table.plan-grid td").Filter(new() { Has = page.Locator("a.session:not(.held):not(.cancelled) + a.session:not(.held):not(.cancelled)") }).First;
        var sessionUrl = await pair.Locator("a.session").First.GetAttributeAsync("href");
        await page.GotoAsync(sessionUrl!);
        var hamletBefore = await page.InputValueAsync("#hamlet");
        var slot = await page.InputValueAsync("#slot");
        var otherSlot = slot == "Morning" ? "Afternoon" : "Morning";
        await page.SelectOptionAsync("#slot", otherSlot);
        await Navigation.ByClickAsync(page, "form[action*='handler=Move'] button[type=submit]");
        var refused = page.Locator(".notice.error li");
        Assert.True(await refused.CountAsync() >= 1, "the refused move should list the broken rules");
        // The headline and the details under it are both in the leader's language: "… có 2 buổi cùng vào buổi sáng 07/03/2026".
        Assert.Contains(await refused.AllInnerTextsAsync(), li => li.Contains("Tổ đã có buổi khác vào cùng buổi", StringComparison.Ordinal)
            && li.Contains(" buổi cùng vào buổi ", StringComparison.Ordinal) && !li.Contains("sessions on", StringComparison.Ordinal));
        Assert.Equal(otherSlot, await page.InputValueAsync("#slot"));
        await shots.TakeAsync(page, context, "outreach-move-refused");

        // The leader sends the team to another hamlet instead; the first one the rules allow is saved as a hand edit.
        var options = await page.Locator("#hamlet option").EvaluateAllAsync<string[]>("o => o.map(x => x.value)");
        string? moved = null;
        foreach (var hamlet in options.Where(o => o != hamletBefore))
        {
            await page.GotoAsync(sessionUrl!);
            await page.SelectOptionAsync("#hamlet", hamlet);
            await Navigation.ByClickAsync(page, "form[action*='handler=Move'] button[type=submit]");
            if (await page.Locator(".notice.error").CountAsync() == 0)
            {
                moved = hamlet;
                break;
            }
        }

        Assert.NotNull(moved);
        Assert.Equal(moved, await page.InputValueAsync("#hamlet"));
        Assert.Contains("đã chỉnh tay", await page.InnerTextAsync("#h-session + dl"), StringComparison.Ordinal);
        await shots.TakeAsync(page, context, "outreach-session");
        await page.GotoAsync(campaignUrl);
        Assert.Equal(1, await page.Locator($"table.plan-grid a.session.manual[href='{sessionUrl}']").CountAsync());

        // The hamlet's notice prints on one A4 sheet with the date, the place and the papers to bring.
        await page.GotoAsync(sessionUrl!);
        var hamletName = (await page.Locator("#hamlet option:checked").InnerTextAsync()).Trim();
        await Navigation.ByClickAsync(page, "a:has-text('In thông báo cho ấp')");
        await shots.TakeAsync(page, context, "outreach-notice");
        var pdf = Path.Combine(Ui.Artifacts, "outreach-notice.pdf");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.PdfAsync(new PagePdfOptions { Path = pdf, PreferCSSPageSize = true, PrintBackground = true });
        var text = await Ui.RunAsync("pdftotext", "-layout", pdf, "-");
        Assert.Contains(hamletName, text, StringComparison.Ordinal);
        Assert.Contains("Nhà văn hoá", text, StringComparison.Ordinal);
        Assert.Contains("Đăng ký khai sinh", text, StringComparison.Ordinal);
        Assert.Matches(@"Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts", await Ui.RunAsync("pdfinfo", pdf));

        // A resident of that hamlet checks on a phone, without signing in, when the team comes.
        await using var phone = await Ui.NewContextAsync(browser.Browser, app.BaseAddress, phone: true);
        var resident = await phone.NewPageAsync();
        await resident.GotoAsync("/lich-luu-dong");
        await resident.SelectOptionAsync("#unit", "000.00.21.H92");
        await resident.WaitForURLAsync("**/lich-luu-dong?unit=*");
        await resident.SelectOptionAsync("#hamlet", moved!);
        await resident.WaitForURLAsync($"**hamlet={moved}*");
        var cards = resident.Locator("article.card");
        Assert.True(await cards.CountAsync() >= 1, "the moved session should be on the hamlet's public schedule");
        Assert.All(await cards.Locator("strong").AllInnerTextsAsync(), name => Assert.Equal(hamletName, name));
        await cards.First.Locator("summary").ClickAsync();
        Assert.Contains("Giấy", await cards.First.InnerTextAsync(), StringComparison.Ordinal);
        await Ui.VisitAsync(resident, "schedule-vi-phone");
        await resident.ScreenshotAsync(new() { Path = Path.Combine(Ui.Artifacts, "schedule-vi-phone-screen.png") });
        Assert.True(await resident.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the schedule should not scroll sideways on a phone");
    }
}
