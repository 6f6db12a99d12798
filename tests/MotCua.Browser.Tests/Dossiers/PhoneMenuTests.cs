using MotCua.Browser.Tests.Support;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Browser.Tests.Dossiers;

/// <summary>On a phone the staff's links fold behind a menu button, so the page starts near the top of the screen.</summary>
public sealed class PhoneMenuTests(BrowserFixture browser)
{
    [Fact]
    public async Task Staff_OnAPhone_OpenTheFoldedMenuByButtonOrKeyboard_AndOnALaptopSeeEveryLink()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var leader = await app.CreateUserAsync(Roles.CentreLeader, unit.Code, fullName: "Trần Văn Phúc");

        await using var phone = await Ui.NewContextAsync(browser.Browser, app.BaseAddress, phone: true);
        var page = await phone.NewPageAsync();
        await new LoginPage(page).SignInAsync(leader.UserName, MotCuaApp.Password);
        var toggle = page.Locator("header .menu-toggle");
        var intake = page.Locator("#site-nav a[href='/intake']");

        // Folded: the button says so, the links and the account box are out of the way, the heading is near the top.
        Assert.True(await toggle.IsVisibleAsync());
        Assert.Equal("false", await toggle.GetAttributeAsync("aria-expanded"));
        Assert.False(await intake.IsVisibleAsync());
        Assert.False(await page.Locator("#site-user").IsVisibleAsync());
        var header = await page.Locator("header.topbar").BoundingBoxAsync();
        Assert.True(header!.Height < 80, $"the folded header is {header.Height}px tall");
        await Ui.VisitAsync(page, "menu-folded-vi-phone");

        // Opened by the button: every link and the sign-out are there; a link leads on.
        await toggle.ClickAsync();
        Assert.Equal("true", await toggle.GetAttributeAsync("aria-expanded"));
        Assert.True(await intake.IsVisibleAsync());
        Assert.True(await page.Locator("#site-user button").IsVisibleAsync());
        await Ui.VisitAsync(page, "menu-open-vi-phone");
        await Navigation.ByClickAsync(page, "#site-nav a[href='/intake']");
        Assert.EndsWith("/intake", page.Url, StringComparison.Ordinal);

        // By keyboard: Enter opens, Escape closes and gives the focus back to the button.
        await toggle.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await intake.IsVisibleAsync());
        await page.Keyboard.PressAsync("Escape");
        Assert.False(await intake.IsVisibleAsync());
        Assert.True(await toggle.EvaluateAsync<bool>("b => document.activeElement === b"));

        // On a laptop nothing is folded and there is no button.
        await using var laptop = await Ui.NewContextAsync(browser.Browser, app.BaseAddress);
        var wide = await laptop.NewPageAsync();
        await new LoginPage(wide).SignInAsync(leader.UserName, MotCuaApp.Password);
        Assert.False(await wide.Locator("header .menu-toggle").IsVisibleAsync());
        Assert.True(await wide.Locator("#site-nav a[href='/intake']").IsVisibleAsync());
    }
}
