using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Web.Data.FieldSync;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.FieldSync;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Tests.Dossiers;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.FieldSync;

public sealed class FieldApiTests
{
    [Fact]
    public async Task Enrol_WithTheLeadersCode_GivesACredentialAndTheCodeWorksOnce()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var issued = await unit.Client.PostJsonAsync("/api/field/devices", new IssueEnrolmentCodeRequest(null, null));
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var code = await issued.ReadAsync<EnrolmentCodeResponse>();
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", code.Code);
        Assert.Equal(MotCuaApp.DefaultNow.AddHours(24), code.ExpiresAt);

        var enrolled = await app.Anonymous.PostJsonAsync("/api/field/enrol", new EnrolRequest(code.Code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), "Laptop tổ 1"));
        Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
        var device = await enrolled.ReadAsync<EnrolResponse>();
        Assert.Equal(unit.Code, device.Unit);

        var again = await app.Anonymous.PostJsonAsync("/api/field/enrol", new EnrolRequest(code.Code, "Laptop khác"));
        var problem = await ProblemAssert.IsProblemAsync(again, HttpStatusCode.BadRequest);
        Assert.Equal("field.code-invalid", problem.GetProperty("code").GetString());

        // Only hashes are stored, and the enrolment is audited as the device.
        var (codeHash, secretHash, audited) = await app.WithDbAsync(async db => (
            await db.FieldEnrolmentCodes.Select(c => c.CodeHash).SingleAsync(),
            await db.FieldDevices.Select(d => d.SecretHash).SingleAsync(),
            await db.AuditEntries.AnyAsync(a => a.Action == "field.enrol" && a.ActorId == $"device:{device.DeviceId:N}")));
        Assert.DoesNotContain(code.Code.Replace("-", string.Empty, StringComparison.Ordinal), codeHash, StringComparison.Ordinal);
        Assert.Equal(DeviceCredentials.Hash(device.Secret), secretHash);
        Assert.True(audited);
    }

    [Fact]
    public async Task Enrol_AfterADay_IsRefused()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var code = await (await unit.Client.PostJsonAsync("/api/field/devices", new IssueEnrolmentCodeRequest(null, null))).ReadAsync<EnrolmentCodeResponse>();

        app.Time.Advance(TimeSpan.FromHours(24));

        await ProblemAssert.IsProblemAsync(await app.Anonymous.PostJsonAsync("/api/field/enrol", new EnrolRequest(code.Code, "Laptop")), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task RevokedDevice_IsRefusedEverywhere()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var device = await FieldSetup.EnrolAsync(unit);
        Assert.Equal(HttpStatusCode.OK, (await device.Client.GetAsync("/api/field/kit")).StatusCode);

        var revoked = await unit.Client.PostAsync($"/api/field/devices/{device.Id}/revoke", null);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.NotNull((await revoked.ReadAsync<FieldDeviceResponse>()).RevokedAt);

        Assert.Equal(HttpStatusCode.Unauthorized, (await device.Client.GetAsync("/api/field/kit")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await device.Client.PostJsonAsync("/api/field/status", new FieldStatusRequest([], []))).StatusCode);

        // A wrong secret for a real device is refused the same way.
        using var forged = app.CreateClient();
        forged.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", DeviceCredentials.HeaderValue(device.Id, DeviceCredentials.NewSecret()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/field/kit")).StatusCode);
    }

    [Fact]
    public async Task Kit_ReservesNumbersFromTheCountersOwnSequence_AndAskingAgainReservesNoMore()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var first = await (await unit.Client.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code))).ReadAsync<DossierResponse>();
        Assert.EndsWith("-0001", first.Number, StringComparison.Ordinal);
        var device = await FieldSetup.EnrolAsync(unit);

        var kit = await FieldSetup.KitAsync(device);
        var block = Assert.Single(kit.Blocks);
        Assert.Equal(new KitNumberBlock(new DateOnly(2026, 3, 2), 2, 10), block);

        var counter = await (await unit.Client.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code))).ReadAsync<DossierResponse>();
        Assert.EndsWith("-0012", counter.Number, StringComparison.Ordinal);

        Assert.Equal(kit.Blocks, (await FieldSetup.KitAsync(device)).Blocks);

        // Asking for 15 a day tops the day up with 5 more, after the counter's last.
        var more = await FieldSetup.KitAsync(device, "?days=2026-03-02&size=15");
        Assert.Equal([new KitNumberBlock(new DateOnly(2026, 3, 2), 2, 10), new KitNumberBlock(new DateOnly(2026, 3, 2), 13, 5)], more.Blocks);

        var other = await FieldSetup.EnrolAsync(unit, name: "Laptop tổ 2");
        Assert.Equal([new KitNumberBlock(new DateOnly(2026, 3, 2), 18, 10)], (await FieldSetup.KitAsync(other)).Blocks);

        await ProblemAssert.IsProblemAsync(await device.Client.GetAsync("/api/field/kit?days=2026-03-01"), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await device.Client.GetAsync("/api/field/kit?days=2026-04-30"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Kit_BringsPersonalDataOnlyForTheDevicesOwnTeamSessions_AndItsMembersAccounts()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var (teamA, membersA, _) = await FieldSetup.TeamWithSessionAsync(unit, unit.Hamlets[0], "Tổ 1");
        var (_, membersB, _) = await FieldSetup.TeamWithSessionAsync(unit, unit.Hamlets[1], "Tổ 2");
        var ready = await FieldSetup.OpenDossierAsync(unit, unit.Hamlets[0], DossierStatus.Processed);
        var waiting = await FieldSetup.OpenDossierAsync(unit, unit.Hamlets[0], DossierStatus.SupplementRequested, "093080001235");
        await FieldSetup.OpenDossierAsync(unit, unit.Hamlets[1], DossierStatus.Processed, "093080001236");

        var device = await FieldSetup.EnrolAsync(unit, teamA);
        await FieldSetup.IssuePinsAsync(unit, membersA, device.Id);
        var raw = await device.Client.GetStringAsync("/api/field/kit");
        Assert.DoesNotContain("passwordHash", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("securityStamp", raw, StringComparison.OrdinalIgnoreCase);
        var kit = System.Text.Json.JsonSerializer.Deserialize<FieldKitResponse>(raw, Platform.Json.Options)!;

        Assert.Equal(2, kit.Sessions.Count);
        Assert.Equal(3, kit.Hamlets.Count);
        Assert.Contains(kit.Catalog.Procedures!, p => p.Code == "1.001193");
        Assert.Equal([ready.Number, waiting.Number], kit.Dossiers.Select(d => d.Number).Order(StringComparer.Ordinal));
        var supplement = kit.Dossiers.Single(d => d.Number == waiting.Number);
        Assert.Equal("Bổ sung bản sao sổ hộ khẩu", supplement.SupplementReason);
        Assert.Equal("093080001235", supplement.CitizenId);
        Assert.Equal(new DateOnly(2026, 3, 7), supplement.SessionDay);
        Assert.Equal(membersA.Order(StringComparer.Ordinal), kit.Accounts.Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.All(kit.Accounts, a => Assert.StartsWith($"motcua-pin1$1000${device.Id:N}$", a.PinVerifier, StringComparison.Ordinal));
        Assert.DoesNotContain(kit.Accounts, a => membersB.Contains(a.Id));

        // Numbers for the team's session day only (no extra days asked for).
        Assert.Equal([new DateOnly(2026, 3, 7)], kit.Blocks.Select(b => b.Day));

        // Copies of accounts and each dossier's personal data are audited.
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "field.kit.account" || a.Action == "personal-data.export").CountAsync());
        Assert.Equal(4, audited);

        // A laptop without a team gets the sessions but no personal data and no accounts (issue 12).
        var plain = await FieldSetup.KitAsync(await FieldSetup.EnrolAsync(unit, name: "Laptop dự phòng"), string.Empty);
        Assert.Empty(plain.Dossiers);
        Assert.Empty(plain.Accounts);
    }

    [Fact]
    public async Task Sync_NewDossier_KeepsThePrintedNumberAndSecret_AndASecondDeliveryChangesNothing()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var device = await FieldSetup.EnrolAsync(unit);
        await FieldSetup.KitAsync(device);
        var item = FieldSetup.Dossier(FieldSetup.Number(unit, 3), secret: "QRSTUVWX");
        app.Time.Advance(TimeSpan.FromHours(5));

        var first = await FieldSetup.SyncAsync(device, "2026-03-02T14:00:00+07:00", item);
        var second = await FieldSetup.SyncAsync(device, "2026-03-02T14:01:00+07:00", item);

        var created = Assert.Single(first.Items);
        Assert.Equal(FieldItemOutcome.Created, created.Outcome);
        Assert.Equal(item.Number, created.Number);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.FromHours(7)), created.ReceivedAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.FromHours(7)), created.DueAt);
        var again = Assert.Single(second.Items);
        Assert.Equal(FieldItemOutcome.AlreadySynced, again.Outcome);
        Assert.Equal(created with { Outcome = FieldItemOutcome.AlreadySynced }, again);
        Assert.Contains("\"already-synced\"", JsonSerializer.Serialize(again, Platform.Json.Options), StringComparison.Ordinal);

        Assert.Equal(1, await app.WithDbAsync(db => db.Dossiers.CountAsync()));
        var d = await (await unit.Client.GetAsync($"/api/dossiers/{item.Number}")).ReadAsync<DossierResponse>();
        Assert.Equal(DossierStatus.Received, d.Status);
        Assert.Equal(MotCua.Domain.Catalog.Channel.Outreach, d.Channel);
        var lookup = await app.Anonymous.GetAsync($"/api/public/dossiers/{item.Number}?secret=QRSTUVWX");
        Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
        Assert.Equal(item.Number, (await lookup.ReadAsync<PublicDossierResponse>()).Number);
    }

    [Fact]
    public async Task Sync_NumberOutsideTheDevicesBlocks_IsRejectedForGood()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var device = await FieldSetup.EnrolAsync(unit);
        var other = await FieldSetup.EnrolAsync(unit, name: "Laptop tổ 2");
        await FieldSetup.KitAsync(device);
        await FieldSetup.KitAsync(other);

        var result = await FieldSetup.SyncAsync(device, "2026-03-02T09:00:00+07:00",
            FieldSetup.Dossier(FieldSetup.Number(unit, 11)),
            FieldSetup.Dossier($"000.00.99.T02-260302-0001"),
            FieldSetup.Dossier(FieldSetup.Number(unit, 1), secret: "ILLEGAL0"));

        Assert.All(result.Items, i => Assert.Equal(FieldItemOutcome.Rejected, i.Outcome));
        Assert.All(result.Items, i => Assert.False(i.Retriable));
        Assert.Equal(["field.number-not-reserved", "field.number-not-reserved", "validation"], result.Items.Select(i => i.Problem!.Code));
        Assert.Equal(0, await app.WithDbAsync(db => db.Dossiers.CountAsync()));
    }

    [Fact]
    public async Task Attachments_UploadInResumableChunks_AreVerified_AndTheDossierWaitsForThem()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var device = await FieldSetup.EnrolAsync(unit);
        await FieldSetup.KitAsync(device);
        var scan = FieldSetup.Pdf(300_000);
        var id = Guid.NewGuid();
        var item = FieldSetup.Dossier(FieldSetup.Number(unit, 2), attachments: [FieldSetup.Ref(id, scan)]);

        // The dossier cannot go in before its scan: rejected, but worth sending again.
        var early = Assert.Single((await FieldSetup.SyncAsync(device, "2026-03-02T09:00:00+07:00", item)).Items);
        Assert.Equal(FieldItemOutcome.Rejected, early.Outcome);
        Assert.True(early.Retriable);
        Assert.Equal("field.attachments-incomplete", early.Problem!.Code);

        var part = await (await FieldSetup.PutChunkAsync(device.Client, id, scan, 0, 100_000)).ReadAsync<FieldUploadResponse>();
        Assert.Equal(new FieldUploadResponse(id, 300_000, 100_000, false), part);

        // The connection dropped: the status call says where to resume; a chunk sent twice is not stored twice.
        var status = await (await device.Client.PostJsonAsync("/api/field/status", new FieldStatusRequest([], [id]))).ReadAsync<FieldStatusResponse>();
        Assert.Equal(new FieldAttachmentStatus(id, 300_000, 100_000, false), Assert.Single(status.Attachments));
        Assert.Equal(100_000, (await (await FieldSetup.PutChunkAsync(device.Client, id, scan, 0, 100_000)).ReadAsync<FieldUploadResponse>()).Received);
        var gap = await ProblemAssert.IsProblemAsync(await FieldSetup.PutChunkAsync(device.Client, id, scan, 200_000, 100_000), HttpStatusCode.Conflict);
        Assert.Equal(100_000, gap.GetProperty("received").GetInt64());
        Assert.Equal(250_000, (await (await FieldSetup.PutChunkAsync(device.Client, id, scan, 50_000, 200_000)).ReadAsync<FieldUploadResponse>()).Received);
        var done = await (await FieldSetup.PutChunkAsync(device.Client, id, scan, 250_000, 50_000)).ReadAsync<FieldUploadResponse>();
        Assert.True(done.Complete);

        var synced = Assert.Single((await FieldSetup.SyncAsync(device, "2026-03-02T09:05:00+07:00", item)).Items);
        Assert.Equal(FieldItemOutcome.Created, synced.Outcome);
        var stored = await app.WithDbAsync(async db => (await db.Attachments.SingleAsync(), await db.AttachmentContents.SingleAsync(), await db.FieldUploads.CountAsync(), await db.FieldUploadChunks.CountAsync()));
        Assert.Equal(id, stored.Item1.Id);
        Assert.Equal("giay-chung-sinh.pdf", stored.Item1.FileName);
        Assert.Equal("application/pdf", stored.Item1.ContentType);
        Assert.Equal(scan, stored.Item2.Bytes);
        Assert.Equal((0, 0), (stored.Item3, stored.Item4));
        var scanPage = await unit.Client.GetAsync($"/dossiers/{item.Number}/scans/{id}");
        Assert.Equal(scan, await scanPage.Content.ReadAsByteArrayAsync());

        // Uploading it again after the sync answers complete without storing anything.
        Assert.True((await (await FieldSetup.PutChunkAsync(device.Client, id, scan, 0, 300_000)).ReadAsync<FieldUploadResponse>()).Complete);
        Assert.Equal(1, await app.WithDbAsync(db => db.AttachmentContents.CountAsync()));
    }

    [Fact]
    public async Task Attachments_WithTheWrongHashOrType_AreDiscarded()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var device = await FieldSetup.EnrolAsync(unit);
        var scan = FieldSetup.Pdf(50_000);
        var id = Guid.NewGuid();

        var corrupt = await FieldSetup.PutChunkAsync(device.Client, id, scan, 0, scan.Length, digestOf: FieldSetup.Pdf(50_000, seed: 2));
        Assert.Equal("field.upload-hash-mismatch", (await ProblemAssert.IsProblemAsync(corrupt, HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
        var text = "not a scan at all"u8.ToArray();
        await ProblemAssert.IsProblemAsync(await FieldSetup.PutChunkAsync(device.Client, Guid.NewGuid(), text, 0, text.Length), HttpStatusCode.UnsupportedMediaType);
        Assert.Equal((0, 0), await app.WithDbAsync(async db => (await db.FieldUploads.CountAsync(), await db.AttachmentContents.CountAsync())));

        // The same id from another device is not this device's to continue.
        await FieldSetup.PutChunkAsync(device.Client, id, scan, 0, 10_000);
        var other = await FieldSetup.EnrolAsync(unit, name: "Laptop tổ 2");
        await ProblemAssert.IsProblemAsync(await FieldSetup.PutChunkAsync(other.Client, id, scan, 10_000, 10_000), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Sync_LaptopClockHoursOff_IsCorrected_AndKeptWithinTheNumbersDay()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var device = await FieldSetup.EnrolAsync(unit);
        await FieldSetup.KitAsync(device);
        app.Time.Advance(TimeSpan.FromHours(2));

        // Laptop three hours behind: it says 08:00 and 08:10, the centre says 11:00 and 11:10.
        var behind = await FieldSetup.SyncAsync(device, "2026-03-02T08:00:00+07:00", FieldSetup.Dossier(FieldSetup.Number(unit, 2), receivedAt: "2026-03-02T05:10:00+07:00"));
        Assert.Equal(3 * 3600, behind.SkewSeconds);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 10, 0, TimeSpan.FromHours(7)), Assert.Single(behind.Items).ReceivedAt);

        // A few seconds' difference is transmission delay, not skew.
        var close = await FieldSetup.SyncAsync(device, "2026-03-02T10:59:30+07:00", FieldSetup.Dossier(FieldSetup.Number(unit, 3), receivedAt: "2026-03-02T10:40:00+07:00"));
        Assert.Equal(0, close.SkewSeconds);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 10, 40, 0, TimeSpan.FromHours(7)), Assert.Single(close.Items).ReceivedAt);

        // A time that correction would put before the number's day is kept on that day.
        var early = await FieldSetup.SyncAsync(device, "2026-03-02T12:00:00+07:00", FieldSetup.Dossier(FieldSetup.Number(unit, 4), receivedAt: "2026-03-01T22:00:00+07:00"));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(7)), Assert.Single(early.Items).ReceivedAt);

        // A laptop clock so far ahead that the receipt bears tomorrow's number: retriable once that day begins.
        var tomorrow = await FieldSetup.KitAsync(device, "?days=2026-03-03&size=5");
        var item = FieldSetup.Dossier(FieldSetup.Number(unit, tomorrow.Blocks.Single(b => b.Day.Day == 3).First, "260303"), receivedAt: "2026-03-03T08:59:00+07:00");
        var refused = Assert.Single((await FieldSetup.SyncAsync(device, "2026-03-03T09:00:00+07:00", item)).Items);
        Assert.Equal(FieldItemOutcome.Rejected, refused.Outcome);
        Assert.True(refused.Retriable);
        Assert.Equal("field.number-day-ahead", refused.Problem!.Code);

        app.Time.SetUtcNow(new DateTimeOffset(2026, 3, 3, 0, 30, 0, TimeSpan.FromHours(7)));
        var later = Assert.Single((await FieldSetup.SyncAsync(device, "2026-03-03T22:30:00+07:00", item)).Items);
        Assert.Equal(FieldItemOutcome.Created, later.Outcome);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.FromHours(7)), later.ReceivedAt);
    }

    [Fact]
    public async Task Sync_StepOnADossierChangedAtTheCentre_BecomesAConflictForALeader()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var (team, _, _) = await FieldSetup.TeamWithSessionAsync(unit, unit.Hamlets[0]);
        var unchanged = await FieldSetup.OpenDossierAsync(unit, unit.Hamlets[0], DossierStatus.Processed);
        var changed = await FieldSetup.OpenDossierAsync(unit, unit.Hamlets[0], DossierStatus.SupplementRequested, "093080001235");
        var device = await FieldSetup.EnrolAsync(unit, team);
        var kit = await FieldSetup.KitAsync(device, string.Empty);
        app.Time.SetUtcNow(new DateTimeOffset(2026, 3, 7, 8, 0, 0, TimeSpan.FromHours(7)));

        // Meanwhile the citizen brought the papers to the centre.
        await FieldSetup.ActAsync(unit, changed, DossierAction.SupplementReceived);

        var returned = new FieldSyncItem(Guid.NewGuid(), FieldItemKind.Transition, unchanged.Number, ReceivedAt: "2026-03-07T07:40:00+07:00",
            BaseVersion: kit.Dossiers.Single(d => d.Number == unchanged.Number).Version, Action: DossierAction.ReturnResult);
        var collected = new FieldSyncItem(Guid.NewGuid(), FieldItemKind.Transition, changed.Number, ReceivedAt: "2026-03-07T07:45:00+07:00",
            BaseVersion: kit.Dossiers.Single(d => d.Number == changed.Number).Version, Action: DossierAction.SupplementReceived, Reason: "Đã nhận bản sao");
        var result = await FieldSetup.SyncAsync(device, "2026-03-07T08:00:00+07:00", returned, collected);

        Assert.Equal([FieldItemOutcome.Created, FieldItemOutcome.Conflict], result.Items.Select(i => i.Outcome));
        var back = await (await unit.Client.GetAsync($"/api/dossiers/{unchanged.Number}")).ReadAsync<DossierResponse>();
        Assert.Equal(DossierStatus.ResultReturned, back.Status);
        Assert.Equal(new DateTimeOffset(2026, 3, 7, 7, 40, 0, TimeSpan.FromHours(7)), back.History[^1].At);

        // The centre's version was not overwritten; a leader sees both sides and decides.
        var conflict = Assert.Single(await (await unit.Client.GetAsync("/api/field/conflicts")).ReadAsync<List<SyncConflictResponse>>());
        Assert.Equal(changed.Number, conflict.Number);
        Assert.Equal(DossierStatus.Processing, conflict.StatusNow);
        Assert.Equal(DossierAction.SupplementReceived, conflict.Action);
        Assert.Equal("Đã nhận bản sao", conflict.Reason);

        // Again: the same answer, still one conflict.
        var again = await FieldSetup.SyncAsync(device, "2026-03-07T08:05:00+07:00", collected);
        Assert.Equal(FieldItemOutcome.AlreadySynced, Assert.Single(again.Items).Outcome);
        Assert.Equal(conflict.Id, again.Items[0].ConflictId);

        // Applying the field's step is refused by the state machine (already processing); keeping the centre's works.
        var apply = await unit.Client.PostJsonAsync($"/api/field/conflicts/{conflict.Id}/resolve", new ResolveConflictRequest(ConflictResolution.Applied, null, null));
        await ProblemAssert.IsProblemAsync(apply, HttpStatusCode.UnprocessableEntity);
        var keep = await unit.Client.PostJsonAsync($"/api/field/conflicts/{conflict.Id}/resolve", new ResolveConflictRequest(ConflictResolution.Kept, "Công dân đã nộp tại Trung tâm", null));
        Assert.Equal(HttpStatusCode.OK, keep.StatusCode);
        Assert.Equal(ConflictResolution.Kept, (await keep.ReadAsync<SyncConflictResponse>()).Resolution);
        Assert.Empty(await (await unit.Client.GetAsync("/api/field/conflicts")).ReadAsync<List<SyncConflictResponse>>());
        await ProblemAssert.IsProblemAsync(await unit.Client.PostJsonAsync($"/api/field/conflicts/{conflict.Id}/resolve", new ResolveConflictRequest(ConflictResolution.Kept, null, null)), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Status_TellsWhatTheCentreHolds()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var device = await FieldSetup.EnrolAsync(unit);
        await FieldSetup.KitAsync(device);
        var item = FieldSetup.Dossier(FieldSetup.Number(unit, 5));
        await FieldSetup.SyncAsync(device, "2026-03-02T09:00:00+07:00", item);
        var unknown = Guid.NewGuid();

        var status = await (await device.Client.PostJsonAsync("/api/field/status", new FieldStatusRequest([item.ClientId!.Value, unknown], [Guid.NewGuid()]))).ReadAsync<FieldStatusResponse>();

        var held = Assert.Single(status.Items);
        Assert.Equal((item.ClientId.Value, FieldItemOutcome.Created, item.Number), (held.ClientId, held.Outcome, held.Number));
        Assert.NotNull(held.DueAt);
        Assert.Empty(status.Attachments);

        // Another device of the same unit does not learn about this one's items.
        var other = await FieldSetup.EnrolAsync(unit, name: "Laptop tổ 2");
        var theirs = await (await other.Client.PostJsonAsync("/api/field/status", new FieldStatusRequest([item.ClientId.Value], []))).ReadAsync<FieldStatusResponse>();
        Assert.Empty(theirs.Items);
    }

    [Fact]
    public async Task Upload_MalformedHeadersAndBodies_Answer4xxProblemDetails()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var device = await FieldSetup.EnrolAsync(unit);
        var scan = FieldSetup.Pdf(20_000);
        var digest = FieldWire.Digest(System.Security.Cryptography.SHA256.HashData(scan));
        var cases = new (string? Range, string? Digest, byte[] Body, string Type)[]
        {
            (null, digest, scan, "application/octet-stream"),
            ("bytes 0-19999/20000", null, scan, "application/octet-stream"),
            ("bytes 0-19999/20000", "sha-256=:nonsense:", scan, "application/octet-stream"),
            ("bytes 0-19999/20000", "md5=:AAAA:", scan, "application/octet-stream"),
            ("bytes 0-19999/20000", digest, scan[..1000], "application/octet-stream"),
            ("bytes 0-99/20000", digest, scan, "application/octet-stream"),
            ("bytes 19999-0/20000", digest, scan, "application/octet-stream"),
            ("bytes 0-19999/*", digest, scan, "application/octet-stream"),
            ("items 0-19999/20000", digest, scan, "application/octet-stream"),
            ("bytes 0-19999/99999999999", digest, scan, "application/octet-stream"),
            ("bytes 0-19999/20000", digest, scan, "text/plain"),
            ("bytes 0-19999/20000", digest + new string('x', 400), scan, "application/octet-stream"),
        };

        foreach (var (range, d, body, type) in cases)
        {
            var content = new ByteArrayContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", type);
            if (range is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Range", range);
            }

            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/field/attachments/{Guid.NewGuid()}") { Content = content };
            if (d is not null)
            {
                request.Headers.TryAddWithoutValidation("Repr-Digest", d);
            }

            var response = await device.Client.SendAsync(request);
            var status = (int)response.StatusCode;
            Assert.True(status is >= 400 and < 500, $"{range} {d} {body.Length} {type}: {status}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.FieldUploads.CountAsync()));
    }

    [Fact]
    public async Task Sync_ItemsWrongInOneField_AreRejectedOneByOne_NeverCreated()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var device = await FieldSetup.EnrolAsync(unit);
        await FieldSetup.KitAsync(device, "?days=2026-03-02&size=5");
        var failures = new List<string>();

        foreach (var body in Errors.MalformedInputTests.MalformedSyncItems)
        {
            var response = await device.Client.PostAsync("/api/field/sync", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            var text = await response.Content.ReadAsStringAsync();
            var ok = response.StatusCode switch
            {
                HttpStatusCode.BadRequest => response.Content.Headers.ContentType?.MediaType == "application/problem+json",
                HttpStatusCode.OK => JsonSerializer.Deserialize<FieldSyncResponse>(text, Platform.Json.Options)!.Items is [{ Outcome: FieldItemOutcome.Rejected, Problem: not null }],
                _ => false,
            };
            if (!ok)
            {
                failures.Add($"{body[Math.Max(0, body.Length - 250)..]} → {(int)response.StatusCode} {text[..Math.Min(text.Length, 300)]}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(0, await app.WithDbAsync(db => db.Dossiers.CountAsync()));

        // The same item with nothing wrong goes in.
        var valid = await device.Client.PostAsync("/api/field/sync", new StringContent(Errors.MalformedInputTests.SyncItem("kind", "\"dossier\""), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(FieldItemOutcome.Created, Assert.Single((await valid.ReadAsync<FieldSyncResponse>()).Items).Outcome);
    }

    [Fact]
    public async Task Kit_ForgetsScansUploadedAMonthAgoThatNoDossierClaimed()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var device = await FieldSetup.EnrolAsync(unit);
        var whole = FieldSetup.Pdf(20_000);
        var partial = FieldSetup.Pdf(20_000, seed: 2);
        await FieldSetup.UploadAsync(device.Client, Guid.NewGuid(), whole);
        await FieldSetup.PutChunkAsync(device.Client, Guid.NewGuid(), partial, 0, 5_000);

        app.Time.Advance(TimeSpan.FromDays(29));
        await FieldSetup.KitAsync(device, string.Empty);
        Assert.Equal(2, await app.WithDbAsync(db => db.FieldUploads.CountAsync()));

        app.Time.Advance(TimeSpan.FromDays(2));
        await FieldSetup.KitAsync(device, string.Empty);
        var left = await app.WithDbAsync(async db => (await db.FieldUploads.CountAsync(), await db.FieldUploadChunks.CountAsync(), await db.AttachmentContents.CountAsync()));
        Assert.Equal((0, 0, 0), left);
    }
}
