using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Dossiers;
using MotCua.Web.Data.FieldSync;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.FieldSync;
using MotCua.Web.Features.FieldSync.Laptop;
using MotCua.Web.Tests.Infrastructure;
using MotCua.Web.Tests.Printing;

namespace MotCua.Web.Tests.FieldSync;

/// <summary>
/// A field kit (the same host in field mode, on its own SQLite file) against a centre, both real servers on loopback:
/// enrolment and the kit from the field page, sign-in with the team member's usual password, intake with a scan,
/// the receipt's QR pointing at the centre, sync, and the wipe once the day has passed.
/// </summary>
public sealed class FieldNodeTests
{
    [Fact]
    public async Task FieldKit_ReceivesOffline_PrintsACentreReceipt_Syncs_AndWipesAfterTheDay()
    {
        await using var centre = await MotCuaApp.StartAsync();
        var unit = await centre.AddUnitAsync();
        var (team, members, session) = await FieldSetup.TeamWithSessionAsync(unit, unit.Hamlets[0], day: new DateOnly(2026, 3, 2));
        var ready = await FieldSetup.OpenDossierAsync(unit, unit.Hamlets[0], DossierStatus.Processed, "093080001235");
        var code = await (await unit.Client.PostJsonAsync("/api/field/devices", new IssueEnrolmentCodeRequest(null, team))).ReadAsync<EnrolmentCodeResponse>();
        var userName = await centre.WithDbAsync(db => db.Users.Where(u => u.Id == members[0]).Select(u => u.UserName!).SingleAsync());

        await using var laptop = await MotCuaApp.StartAsync(settings: new() { ["MotCua:Field:Server"] = centre.BaseAddress.ToString(), ["MotCua:Field:Attempts"] = "1" },
            database: await TestDatabase.CreateAsync(sqlite: true));
        using var browser = FieldForms.Browser(laptop.BaseAddress);

        // Setting up needs no account: the one-time code is the authority.
        var page = await browser.GetStringAsync("/field");
        Assert.Contains("id=\"enrol\"", page, StringComparison.Ordinal);
        await FieldForms.PostFormAsync(browser, "/field", "/field?handler=Enrol", new() { ["code"] = code.Code, ["name"] = "Laptop tổ 1" });

        // At the centre the leader issues the members' offline PINs for this laptop; the kit carries them.
        var pins = await FieldSetup.IssuePinsAsync(unit, members, deviceName: "Laptop tổ 1");
        await FieldForms.PostFormAsync(browser, "/field", "/field?handler=Kit", new() { ["extraDay"] = "2026-03-02" });
        var state = await laptop.WithDbAsync(db => db.FieldNodeStates.SingleAsync());
        Assert.Equal(centre.BaseAddress.ToString().TrimEnd('/'), state.PublicBaseUrl);
        Assert.Equal(2, await laptop.WithDbAsync(db => db.Users.CountAsync(u => u.UnitId == unit.Id)));

        // Now the page wants a signed-in member, with their PIN for this laptop; their password of the centre does not work here.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/field")).StatusCode);
        var withPassword = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = System.Text.RegularExpressions.Regex.Match(await browser.GetStringAsync("/login"), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value,
            ["UserName"] = userName, ["Password"] = MotCuaApp.Password,
        }));
        Assert.Equal(HttpStatusCode.OK, withPassword.StatusCode);
        await FieldForms.PostFormAsync(browser, "/login", "/login", new() { ["UserName"] = userName, ["Password"] = pins[members[0]] });
        page = await browser.GetStringAsync("/field");
        Assert.Contains(ready.Number, page, StringComparison.Ordinal);

        // Intake offline: the number comes from the laptop's block for today.
        var scan = FieldSetup.Pdf(120_000);
        var number = await FieldForms.IntakeAsync(browser, scan, session);
        Assert.Matches($"^{Regex.Escape(unit.Code)}-260302-000[1-9]$", number);
        var outbox = await laptop.WithDbAsync(db => db.FieldOutbox.IgnoreQueryFilters().SingleAsync());
        Assert.Equal((number, OutboxState.Pending), (outbox.Number, outbox.State));

        // The printed receipt's QR opens the centre's public lookup.
        var pdf = await browser.GetByteArrayAsync($"/dossiers/{number}/forms/receipt.pdf");
        using var tools = new PdfTools(pdf, "field-receipt");
        var qr = tools.DecodeQr();
        Assert.StartsWith($"{centre.BaseAddress.ToString().TrimEnd('/')}/tra-cuu/{number}?secret=", qr, StringComparison.Ordinal);

        // On the laptop a dossier is only received: later steps happen at the centre.
        var local = await laptop.CreateUserAsync(MotCua.Web.Platform.Auth.Roles.CentreLeader, unit.Code);
        var step = await local.Client.PostJsonAsync($"/api/dossiers/{number}/transitions", new Web.Features.Dossiers.TransitionRequest(DossierAction.StartProcessing, null, 1, null));
        Assert.Equal("field.receive-only", (await ProblemAssert.IsProblemAsync(step, HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());

        // The team also handed a result back in the hamlet.
        await FieldForms.PostFormAsync(browser, "/field", "/field?handler=Step", new() { ["number"] = ready.Number, ["action"] = "ReturnResult", ["note"] = "Đã trả tại nhà văn hoá" });

        await FieldForms.PostFormAsync(browser, "/field", "/field?handler=Sync", []);
        var runner = laptop.Services.GetRequiredService<FieldSyncRunner>();
        await runner.Current;
        Assert.Null(runner.Progress.Error);
        Assert.Equal((2, 2), (runner.Progress.Done, runner.Progress.Total));

        var synced = await (await unit.Client.GetAsync($"/api/dossiers/{number}")).ReadAsync<DossierResponse>();
        Assert.Equal(DossierStatus.Received, synced.Status);
        Assert.Equal(MotCuaApp.DefaultNow, synced.ReceivedAt);
        Assert.Equal(outbox.PrintedDueAt, synced.DueAt);
        var secret = new Uri(qr).Query.Split('=')[1];
        var lookup = await (await centre.Anonymous.GetAsync($"/api/public/dossiers/{number}?secret={secret}")).ReadAsync<PublicDossierResponse>();
        Assert.Equal(number, lookup.Number);
        var stored = await centre.WithDbAsync(async db => (await db.Attachments.SingleAsync(), await db.AttachmentContents.SingleAsync()));
        Assert.Equal(scan, stored.Item2.Bytes);
        Assert.Equal(DossierStatus.ResultReturned, (await (await unit.Client.GetAsync($"/api/dossiers/{ready.Number}")).ReadAsync<DossierResponse>()).Status);
        Assert.All(await laptop.WithDbAsync(db => db.FieldOutbox.IgnoreQueryFilters().ToListAsync()), o => Assert.Equal(OutboxState.Synced, o.State));

        // Still the session day: the personal data stays. The next day, after a sync, it is gone.
        Assert.Equal(1, await laptop.WithDbAsync(db => db.Dossiers.CountAsync()));
        laptop.Time.Advance(TimeSpan.FromDays(6));
        await FieldForms.PostFormAsync(browser, "/login", "/login", new() { ["UserName"] = userName, ["Password"] = pins[members[0]] });
        await FieldForms.PostFormAsync(browser, "/field", "/field?handler=Sync", []);
        await runner.Current;
        var left = await laptop.WithDbAsync(async db => (await db.Dossiers.CountAsync(), await db.AttachmentContents.CountAsync(), await db.FieldKitDossiers.CountAsync(), await db.FieldOutbox.CountAsync()));
        Assert.Equal((0, 0, 0, 0), left);
        Assert.Equal(1, await centre.WithDbAsync(db => db.Dossiers.CountAsync(d => d.Number == DossierNumber.Parse(number))));
    }

    [Fact]
    public async Task FieldKit_WithTheCentreDown_KeepsEverythingAndSaysWhy()
    {
        await using var centre = await MotCuaApp.StartAsync();
        var unit = await centre.AddUnitAsync();
        var (team, members, session) = await FieldSetup.TeamWithSessionAsync(unit, unit.Hamlets[0], day: new DateOnly(2026, 3, 2));
        var code = await (await unit.Client.PostJsonAsync("/api/field/devices", new IssueEnrolmentCodeRequest(null, team))).ReadAsync<EnrolmentCodeResponse>();
        var userName = await centre.WithDbAsync(db => db.Users.Where(u => u.Id == members[1]).Select(u => u.UserName!).SingleAsync());
        var server = centre.BaseAddress.ToString();

        await using var laptop = await MotCuaApp.StartAsync(settings: new() { ["MotCua:Field:Server"] = server, ["MotCua:Field:Attempts"] = "1" },
            database: await TestDatabase.CreateAsync(sqlite: true));
        using var browser = FieldForms.Browser(laptop.BaseAddress);
        await FieldForms.PostFormAsync(browser, "/field", "/field?handler=Enrol", new() { ["code"] = code.Code, ["name"] = "Laptop tổ 1" });
        var pins = await FieldSetup.IssuePinsAsync(unit, members, deviceName: "Laptop tổ 1");
        await FieldForms.PostFormAsync(browser, "/field", "/field?handler=Kit", new() { ["extraDay"] = "2026-03-02" });
        await FieldForms.PostFormAsync(browser, "/login", "/login", new() { ["UserName"] = userName, ["Password"] = pins[members[1]] });
        var number = await FieldForms.IntakeAsync(browser, FieldSetup.Pdf(10_000), session);
        await centre.DisposeAsync();

        await FieldForms.PostFormAsync(browser, "/field", "/field?handler=Sync", []);
        var runner = laptop.Services.GetRequiredService<FieldSyncRunner>();
        await runner.Current;

        Assert.NotNull(runner.Progress.Error);
        var outbox = await laptop.WithDbAsync(db => db.FieldOutbox.IgnoreQueryFilters().SingleAsync());
        Assert.Equal((number, OutboxState.Pending), (outbox.Number, outbox.State));
        var page = await browser.GetStringAsync("/field");
        Assert.Contains("id=\"count-pending\">1<", page, StringComparison.Ordinal);
    }
}
