using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Web.Data.FieldSync;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.FieldSync;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Tests.FieldSync;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Security;

/// <summary>
/// Findings 1 and 5 of the probe (issue 12): an administrator (or a leader) minted a kit with full personal data and the
/// team's password hashes and security stamps, a laptop without a team got every team's accounts, and a device stepped
/// any dossier of its unit in any officer's name.
/// </summary>
public sealed class ProbeFieldKitTests
{
    [Fact]
    public async Task Probe1_AnAdministrator_CannotMintAKitWithAccountsOrPersonalData()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var (team, members, _) = await FieldSetup.TeamWithSessionAsync(unit, unit.Hamlets[0]);
        await FieldSetup.OpenDossierAsync(unit, unit.Hamlets[0], DossierStatus.Processed);

        // The probe: the administrator issues a code for the team.
        var forTeam = await app.Client.PostJsonAsync("/api/field/devices", new IssueEnrolmentCodeRequest(unit.Code, team));
        Assert.Equal("field.admin-team", (await ProblemAssert.IsProblemAsync(forTeam, HttpStatusCode.Forbidden)).GetProperty("code").GetString());

        // A laptop the administrator may enrol (no team) gets no account and no personal data, and they cannot give it PINs.
        var code = await (await app.Client.PostJsonAsync("/api/field/devices", new IssueEnrolmentCodeRequest(unit.Code, null))).ReadAsync<EnrolmentCodeResponse>();
        var enrolled = await (await app.Anonymous.PostJsonAsync("/api/field/enrol", new EnrolRequest(code.Code, "Máy của quản trị"))).ReadAsync<EnrolResponse>();
        using var device = app.CreateClient();
        device.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", DeviceCredentials.HeaderValue(enrolled.DeviceId, enrolled.Secret));
        var raw = await device.GetStringAsync("/api/field/kit");
        var kit = JsonSerializer.Deserialize<FieldKitResponse>(raw, Platform.Json.Options)!;
        Assert.Empty(kit.Accounts);
        Assert.Empty(kit.Dossiers);
        foreach (var leak in new[] { "passwordHash", "securityStamp", "093080001234", "Trần Thị Bảy", "0912345679", "AQAAAA" })
        {
            Assert.DoesNotContain(leak, raw, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await app.Client.PutJsonAsync($"/api/field/devices/{enrolled.DeviceId}/pins/{members[0]}", new SetFieldPinRequest(null))).StatusCode);
    }

    [Fact]
    public async Task Probe1_ATeamKit_CarriesOnlyThePinVerifiersOfMembersWhoSetOne_ForThatLaptop_AndNoSecretReachesTheTrail()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var (team, members, _) = await FieldSetup.TeamWithSessionAsync(unit, unit.Hamlets[0]);
        var device = await FieldSetup.EnrolAsync(unit, team);
        Assert.Empty((await FieldSetup.KitAsync(device, string.Empty)).Accounts);

        // A member signs in at the centre with their password and sets their own PIN; a weak one is refused.
        var member = await app.WithDbAsync(db => db.Users.Where(u => u.Id == members[0]).Select(u => u.UserName!).SingleAsync());
        using var memberClient = app.CreateClient();
        var login = await memberClient.PostJsonAsync("/api/auth/login", new Features.Account.LoginRequest(member, MotCuaApp.Password));
        memberClient.DefaultRequestHeaders.Authorization = new("Bearer", (await login.ReadAsync<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>()).AccessToken);
        foreach (var weak in new[] { "123456", "111111", "12345", "abcdef" })
        {
            await ProblemAssert.IsProblemAsync(await memberClient.PutJsonAsync($"/api/field/devices/{device.Id}/pins/{members[0]}", new SetFieldPinRequest(weak)), HttpStatusCode.BadRequest);
        }

        Assert.Equal(HttpStatusCode.OK, (await memberClient.PutJsonAsync($"/api/field/devices/{device.Id}/pins/{members[0]}", new SetFieldPinRequest("583920"))).StatusCode);

        // Not for someone else, and a leader issues rather than chooses.
        await ProblemAssert.IsProblemAsync(await memberClient.PutJsonAsync($"/api/field/devices/{device.Id}/pins/{members[1]}", new SetFieldPinRequest("583920")), HttpStatusCode.UnprocessableEntity);
        await ProblemAssert.IsProblemAsync(await unit.Client.PutJsonAsync($"/api/field/devices/{device.Id}/pins/{members[1]}", new SetFieldPinRequest("583920")), HttpStatusCode.UnprocessableEntity);
        var issued = (await FieldSetup.IssuePinsAsync(unit, [members[1]], device.Id))[members[1]];

        var raw = await device.Client.GetStringAsync("/api/field/kit");
        var kit = JsonSerializer.Deserialize<FieldKitResponse>(raw, Platform.Json.Options)!;
        Assert.Equal(members.Order(StringComparer.Ordinal), kit.Accounts.Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("passwordHash", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("securityStamp", raw, StringComparison.OrdinalIgnoreCase);
        var verifier = kit.Accounts.Single(a => a.Id == members[0]).PinVerifier;
        Assert.True(FieldPins.Verify(verifier, "583920", device.Id));
        Assert.False(FieldPins.Verify(verifier, "583920", Guid.NewGuid()));
        Assert.False(FieldPins.Verify(verifier, MotCuaApp.Password, device.Id));

        // Revoked: gone from the next kit.
        Assert.Equal(HttpStatusCode.OK, (await unit.Client.PostAsync($"/api/field/devices/{device.Id}/pins/{members[1]}/revoke", null)).StatusCode);
        Assert.Equal([members[0]], (await FieldSetup.KitAsync(device, string.Empty)).Accounts.Select(a => a.Id));
        var listed = await (await unit.Client.GetAsync($"/api/field/devices/{device.Id}/pins")).ReadAsync<List<FieldPinResponse>>();
        Assert.All(listed, p => Assert.Null(p.Pin));

        // No secret of any kind is in the trail: device secret, PINs, their verifiers.
        var trail = string.Join("\n", (await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync())).Select(r => JsonSerializer.Serialize(r)));
        foreach (var secret in new[] { device.Secret, "583920", issued, verifier, verifier.Split('$')[^1] })
        {
            Assert.DoesNotContain(secret, trail, StringComparison.Ordinal);
        }

        Assert.Contains("field.pin.set", trail, StringComparison.Ordinal);
        Assert.Contains("field.pin.issued", trail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe5_ADevice_StepsOnlyItsKitsDossiers_InTheNameOfItsPinHolders()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var (team, members, _) = await FieldSetup.TeamWithSessionAsync(unit, unit.Hamlets[0]);
        var inKit = await FieldSetup.OpenDossierAsync(unit, unit.Hamlets[0], DossierStatus.Processed);
        var elsewhere = await FieldSetup.OpenDossierAsync(unit, unit.Hamlets[2], DossierStatus.Processed, "093080001236");
        var device = await FieldSetup.EnrolAsync(unit, team);
        await FieldSetup.IssuePinsAsync(unit, [members[0]], device.Id);
        var kit = await FieldSetup.KitAsync(device);
        Assert.Equal([inKit.Number], kit.Dossiers.Select(d => d.Number));
        var leader = await app.WithDbAsync(db => db.Users.Where(u => u.UnitId == unit.Id && !members.Contains(u.Id)).Select(u => u.Id).FirstAsync());
        FieldSyncItem Step(DossierResponse d, string? by) =>
            new(Guid.NewGuid(), FieldItemKind.Transition, d.Number, ReceivedAt: "2026-03-02T08:40:00+07:00", BaseVersion: d.Version, Action: DossierAction.ReturnResult, ReceivedBy: by);

        // The probe: a step on a dossier outside the kit, and one in the centre leader's name.
        var result = await FieldSetup.SyncAsync(device, "2026-03-02T09:00:00+07:00", Step(elsewhere, members[0]), Step(inKit, leader), Step(inKit, members[1]));
        Assert.Equal(["field.not-in-kit", "field.actor-not-member", "field.actor-not-member"], result.Items.Select(i => i.Problem?.Code));
        Assert.All(result.Items, i => Assert.Equal(FieldItemOutcome.Rejected, i.Outcome));

        // The same dossier in the name of the member who holds the laptop's PIN goes through.
        var ok = Assert.Single((await FieldSetup.SyncAsync(device, "2026-03-02T09:00:00+07:00", Step(inKit, members[0]))).Items);
        Assert.Equal(FieldItemOutcome.Created, ok.Outcome);
        var events = await app.WithDbAsync(db => db.DossierEvents.Where(e => e.Action == DossierAction.ReturnResult).Select(e => e.ActorId).ToListAsync());
        Assert.Equal([members[0]], events);

        // A new dossier in a leader's name is refused too.
        var dossier = FieldSetup.Dossier(FieldSetup.Number(unit, kit.Blocks[0].First)) with { ReceivedBy = leader };
        Assert.Equal("field.actor-not-member", Assert.Single((await FieldSetup.SyncAsync(device, "2026-03-02T09:00:00+07:00", dossier)).Items).Problem?.Code);
    }
}
