using MotCua.Browser.Tests.Support;
using MotCua.Domain.Dossiers;
using MotCua.Web.Data.FieldSync;
using MotCua.Web.Features.FieldSync;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Tests.FieldSync;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Browser.Tests.FieldSync;

/// <summary>
/// The centre's field pages with something on them: an administrator's list of laptops (one revoked) in Indonesian,
/// and a leader deciding a conflict in Vietnamese. axe-core, translations and screenshots at both sizes.
/// </summary>
public sealed class CentrePagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task DevicesAndConflicts_AreAccessibleTranslatedAndDecided()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var (team, _, _) = await FieldSetup.TeamWithSessionAsync(unit, unit.Hamlets[0]);
        var changed = await FieldSetup.OpenDossierAsync(unit, unit.Hamlets[0], DossierStatus.SupplementRequested);
        var device = await FieldSetup.EnrolAsync(unit, team);
        var kit = await FieldSetup.KitAsync(device, string.Empty);
        var lost = await FieldSetup.EnrolAsync(unit, name: "Laptop bị mất");
        await unit.Client.PostAsync($"/api/field/devices/{lost.Id}/revoke", null);
        await FieldSetup.ActAsync(unit, changed, DossierAction.SupplementReceived);
        await FieldSetup.SyncAsync(device, "2026-03-02T10:00:00+07:00", new FieldSyncItem(Guid.NewGuid(), FieldItemKind.Transition, changed.Number,
            ReceivedAt: "2026-03-02T09:40:00+07:00", BaseVersion: kit.Dossiers.Single().Version, Action: DossierAction.SupplementReceived, Reason: "Đã nhận bản sao sổ hộ khẩu"));
        var admin = await app.CreateUserAsync(Roles.Administrator, fullName: "Quản trị hệ thống");
        var leader = await app.CreateUserAsync(Roles.CentreLeader, unit.Code, fullName: "Trần Văn Phúc");

        await using (var context = await Ui.NewContextAsync(browser.Browser, app.BaseAddress))
        {
            var page = await context.NewPageAsync();
            var login = new LoginPage(page);
            await page.GotoAsync("/login");
            await login.SwitchLanguageAsync("id");
            await login.SignInAsync(admin.UserName, MotCuaApp.Password);
            await page.GotoAsync("/field/devices");
            Assert.Contains("Laptop bị mất", await page.InnerTextAsync("main table"), StringComparison.Ordinal);
            await new Shots(browser.Browser, app.BaseAddress, "id").TakeAsync(page, context, "field-devices-admin");
        }

        await using (var context = await Ui.NewContextAsync(browser.Browser, app.BaseAddress))
        {
            var page = await context.NewPageAsync();
            var login = new LoginPage(page);
            await login.SignInAsync(leader.UserName, MotCuaApp.Password);
            await page.GotoAsync("/field/conflicts");
            Assert.Contains(changed.Number, await page.InnerTextAsync("main"), StringComparison.Ordinal);
            await new Shots(browser.Browser, app.BaseAddress, "vi").TakeAsync(page, context, "field-conflict");

            // The dossier is already back in processing, so applying the team's step is not offered: the leader keeps the centre's version.
            Assert.Equal(0, await page.Locator("button[value='Applied']").CountAsync());
            await page.FillAsync("main input[name='note']", "Công dân đã nộp bổ sung tại Trung tâm");
            await Navigation.ByClickAsync(page, "button[value='Kept']");
            Assert.Contains("Công dân đã nộp bổ sung tại Trung tâm", await page.InnerTextAsync("main"), StringComparison.Ordinal);
            await new Shots(browser.Browser, app.BaseAddress, "vi").TakeAsync(page, context, "field-conflict-decided");
        }

        Assert.Empty(await (await unit.Client.GetAsync("/api/field/conflicts")).ReadAsync<List<SyncConflictResponse>>());
    }
}
