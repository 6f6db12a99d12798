using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Fault.Tests.Harness;
using MotCua.Web.Data.FieldSync;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.FieldSync;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Tests.Printing;

namespace MotCua.Fault.Tests;

/// <summary>
/// The field kit's promise under faults, with real processes on loopback: the centre and each laptop are separate
/// <c>dotnet MotCua.Web.dll</c> processes with their own databases (laptops on SQLite; the centre on SQLite, or on
/// PostgreSQL when <c>MOTCUA_TEST_POSTGRES</c> is set), and a proxy between them cuts connections.
/// Every test ends by reading the centre's database: each dossier the laptops printed is there exactly once, with its
/// scans exactly once and byte for byte. Each test is bounded by a timeout; none measures time.
/// </summary>
public sealed class FieldSyncFaultTests
{
    private const int Bound = 240_000;

    [Fact(Timeout = Bound)]
    public async Task ConnectionDropsMidBatch_NothingLostNothingTwice()
    {
        await using var world = await World.StartAsync();
        var laptop = await world.LaptopAsync("laptop-a", 0, 0);
        await laptop.ReceiveAsync(10, 2, world.Centre.SessionId, world.Centre.HamletId);

        // A scan cut in its third chunk, a batch cut while it is sent, and the answer to a batch cut after the centre committed it.
        world.Proxy.CutRequest("PUT /api/field/attachments/", 3, 30_000);
        world.Proxy.CutRequest("POST /api/field/sync ", 1, 300);
        world.Proxy.CutResponse("POST /api/field/sync ", 2, 40);
        var state = await laptop.SyncUntilDoneAsync();

        Assert.True(world.Proxy.AllFired, "Every cut happened.");
        Assert.True(state is { Pending: 0, Rejected: 0, Error: null }, $"{state}{Environment.NewLine}{world.Logs}");
        AssertEachExactlyOnce(await world.Centre.SnapshotAsync(), laptop.Issued, others: 1);
    }

    [Fact(Timeout = Bound)]
    public async Task CentreKilledMidCommitAndRestarted_NothingLostNothingTwice()
    {
        // The centre SIGKILLs itself with its 6th item written and not committed.
        await using var world = await World.StartAsync(new Dictionary<string, string> { ["MotCua:Field:Faults:KillServerBeforeCommit"] = "6" });
        var laptop = await world.LaptopAsync("laptop-a", 0, 0);
        await laptop.ReceiveAsync(10, 2, world.Centre.SessionId, world.Centre.HamletId);

        var failed = await laptop.SyncOnceAsync();
        using (var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await world.Server.WaitForExitAsync(bound.Token);
        }

        Assert.NotNull(failed.Error);
        Assert.Equal(5, (await world.Centre.SnapshotAsync()).Dossiers.Count(d => laptop.Issued.Any(i => i.Number == d.Number)));
        await world.RestartCentreAsync("MotCua:Field:Faults:KillServerBeforeCommit");
        Assert.True((await laptop.SyncUntilDoneAsync()) is { Pending: 0, Error: null }, world.Logs);
        AssertEachExactlyOnce(await world.Centre.SnapshotAsync(), laptop.Issued, others: 1);

        // And killed from outside, at whatever moment the second sync has reached.
        await laptop.ReceiveAsync(8, 2, world.Centre.SessionId, world.Centre.HamletId);
        await FieldSyncPressAsync(laptop);
        while ((await laptop.ProgressAsync()) is { Running: true, Done: 0 })
        {
            await Task.Delay(20);
        }

        await world.Server.KillAsync();
        await world.RestartCentreAsync();
        var state = await laptop.SyncUntilDoneAsync();
        Assert.True(state is { Pending: 0, Error: null }, $"{state}{Environment.NewLine}{world.Logs}");
        AssertEachExactlyOnce(await world.Centre.SnapshotAsync(), laptop.Issued, others: 1);
    }

    [Fact(Timeout = Bound)]
    public async Task BatchDeliveredTwiceAndOutOfOrder_EachItemOnce()
    {
        await using var world = await World.StartAsync();
        using var device = new HttpClient { BaseAddress = world.Server.BaseAddress };
        var enrolled = await (await device.PostAsJsonAsync("/api/field/enrol", new EnrolRequest(world.Centre.Codes[0], "Máy thử"), Json.Options)).Content.ReadFromJsonAsync<EnrolResponse>(Json.Options);
        device.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", DeviceCredentials.HeaderValue(enrolled!.DeviceId, enrolled.Secret));
        var today = Centre.Today;
        var kit = await device.GetFromJsonAsync<FieldKitResponse>($"/api/field/kit?days={today:yyyy-MM-dd}&size=20", Json.Options);
        var block = kit!.Blocks.First(b => b.Day == today);

        var issued = new List<Issued>();
        var items = new List<FieldSyncItem>();
        var now = WorkingCalendar.ToLocal(TimeProvider.System.GetUtcNow()).AddMinutes(-5);
        for (var i = 0; i < 9; i++)
        {
            var scan = RandomNumberGenerator.GetBytes(80_000);
            "%PDF-1.4\n"u8.CopyTo(scan);
            var id = Guid.NewGuid();
            var content = new ByteArrayContent(scan);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Headers.ContentRange = new ContentRangeHeaderValue(0, scan.Length - 1, scan.Length);
            using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/field/attachments/{id}") { Content = content };
            put.Headers.Add("Repr-Digest", FieldWire.Digest(SHA256.HashData(scan)));
            Assert.Equal(HttpStatusCode.OK, (await device.SendAsync(put)).StatusCode);
            var number = $"{Centre.UnitCode}-{today:yyMMdd}-{block.First + i:0000}";
            var sha = Convert.ToHexStringLower(SHA256.HashData(scan));
            var item = new FieldSyncItem(Guid.NewGuid(), FieldItemKind.Dossier, number, "ABCDEFGH", "1.001193", MotCua.Domain.Catalog.Channel.Outreach,
                new MotCua.Web.Features.FieldSync.FieldApplicant($"09308000{i:0000}", "Nguyễn Văn Hoà", null, "Ấp 1", world.Centre.HamletId),
                now.AddMinutes(i).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
                Attachments: [new FieldAttachmentRef(id, sha, scan.Length, $"scan-{i}.pdf", "application/pdf")]);
            items.Add(item);
            issued.Add(new Issued(number, item.ClientId!.Value, [sha]));
        }

        var batches = items.Chunk(3).ToList();
        Task<FieldSyncResponse> Send(FieldSyncItem[] batch) => Deliver(device, batch);

        // Third batch first, then the first and second, each twice, some at the same time.
        var answers = new List<FieldSyncResponse> { await Send(batches[2]) };
        answers.AddRange(await Task.WhenAll(Send(batches[0]), Send(batches[1]), Send(batches[1]), Send(batches[0])));
        answers.Add(await Send(batches[2]));
        answers.Add(await Send([.. batches[1].Reverse(), .. batches[0]]));

        var outcomes = answers.SelectMany(a => a.Items).GroupBy(r => r.ClientId).ToDictionary(g => g.Key, g => g.Select(r => r.Outcome).ToList());
        Assert.Equal(9, outcomes.Count);
        Assert.All(outcomes.Values, o => Assert.Equal(1, o.Count(x => x == FieldItemOutcome.Created)));
        Assert.All(outcomes.Values, o => Assert.All(o, x => Assert.True(x is FieldItemOutcome.Created or FieldItemOutcome.AlreadySynced || x == FieldItemOutcome.Rejected, $"{x}")));
        Assert.All(answers[^1].Items, r => Assert.Equal(FieldItemOutcome.AlreadySynced, r.Outcome));
        AssertEachExactlyOnce(await world.Centre.SnapshotAsync(), issued, others: 1);
    }

    [Fact(Timeout = Bound)]
    public async Task TwoLaptopsSameHamletSameDay_BothDeliveredAndOneConflict()
    {
        await using var world = await World.StartAsync();
        var a = await world.LaptopAsync("laptop-a", 0, 0);
        var b = await world.LaptopAsync("laptop-b", 1, 1);
        await Task.WhenAll(a.ReceiveAsync(6, 2, world.Centre.SessionId, world.Centre.HamletId), b.ReceiveAsync(6, 2, world.Centre.SessionId, world.Centre.HamletId));

        // Both hand the same result back in the hamlet: only one can be first.
        await a.StepAsync(world.Centre.ReadyNumber, "ReturnResult");
        await b.StepAsync(world.Centre.ReadyNumber, "ReturnResult");

        var states = await Task.WhenAll(a.SyncUntilDoneAsync(), b.SyncUntilDoneAsync());

        Assert.All(states, s => Assert.True(s is { Pending: 0, Rejected: 0, Error: null }, $"{s}{Environment.NewLine}{world.Logs}"));
        Assert.Empty(a.Issued.Select(i => i.Number).Intersect(b.Issued.Select(i => i.Number)));
        var snapshot = await world.Centre.SnapshotAsync();
        AssertEachExactlyOnce(snapshot, [.. a.Issued, .. b.Issued], others: 1);
        Assert.Equal(DossierStatus.ResultReturned, snapshot.Dossiers.Single(d => d.Number == world.Centre.ReadyNumber).Status);
        Assert.Equal(1, snapshot.Conflicts);
        Assert.Equal(1, states.Sum(s => s.Conflicts));
    }

    [Fact(Timeout = Bound)]
    public async Task LaptopClockHoursOff_TimesCorrectedAtTheCentre()
    {
        // Three hours off, in whichever direction keeps the laptop on the centre's day.
        var hour = WorkingCalendar.ToLocal(TimeProvider.System.GetUtcNow()).Hour;
        var offset = hour < 20 ? TimeSpan.FromHours(3) : TimeSpan.FromHours(-3);
        await using var world = await World.StartAsync();
        var laptop = await world.LaptopAsync("laptop-a", 0, 0, new Dictionary<string, string> { ["MotCua:Field:ClockOffset"] = offset.ToString() });
        var before = TimeProvider.System.GetUtcNow();
        await laptop.ReceiveAsync(4, 1, world.Centre.SessionId, world.Centre.HamletId);
        var after = TimeProvider.System.GetUtcNow();

        var state = await laptop.SyncUntilDoneAsync();

        Assert.True(state is { Pending: 0, Error: null }, $"{state}{Environment.NewLine}{world.Logs}");
        var snapshot = await world.Centre.SnapshotAsync();
        AssertEachExactlyOnce(snapshot, laptop.Issued, others: 1);
        var tolerance = TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(5);
        foreach (var d in snapshot.Dossiers.Where(d => laptop.Issued.Any(i => i.Number == d.Number)))
        {
            Assert.InRange(d.ReceivedAt!.Value, before - tolerance, after + tolerance);
            Assert.NotNull(d.DueAt);
        }
    }

    [Fact(Timeout = Bound)]
    public async Task LaptopKilledBetweenTheCentresCommitAndItsOwnRecord_NothingTwice_AndTheReceiptStillResolves()
    {
        await using var world = await World.StartAsync();
        var laptop = await world.LaptopAsync("laptop-a", 0, 0, new Dictionary<string, string> { ["MotCua:Field:Faults:KillBeforeRecordingAck"] = "1" });
        await laptop.ReceiveAsync(6, 2, world.Centre.SessionId, world.Centre.HamletId);
        var receipt = await laptop.Browser.GetByteArrayAsync($"/dossiers/{laptop.Issued[0].Number}/forms/receipt.pdf");

        await FieldSyncPressAsync(laptop);
        using (var bound = new CancellationTokenSource(TimeSpan.FromSeconds(90)))
        {
            await laptop.Node.WaitForExitAsync(bound.Token);
        }

        // The centre committed the first batch; the laptop died before writing that down.
        Assert.All(await laptop.OutboxAsync(), o => Assert.Equal((int)OutboxState.Pending, o.State));
        Assert.Equal(4, (await world.Centre.SnapshotAsync()).Dossiers.Count(d => laptop.Issued.Any(i => i.Number == d.Number)));

        await laptop.RestartAsync("MotCua:Field:Faults:KillBeforeRecordingAck");
        await laptop.SignInAsync("luudong1");
        var state = await laptop.SyncUntilDoneAsync();
        Assert.True(state is { Pending: 0, Error: null }, $"{state}{Environment.NewLine}{world.Logs}");
        AssertEachExactlyOnce(await world.Centre.SnapshotAsync(), laptop.Issued, others: 1);
        Assert.All(await laptop.OutboxAsync(), o => Assert.Equal((int)OutboxState.Synced, o.State));

        // The receipt printed offline: its QR code opens the centre's lookup of the same dossier.
        using var tools = new PdfTools(receipt, "fault-field-receipt");
        var url = new Uri(tools.DecodeQr());
        Assert.Equal(world.Server.BaseAddress.Authority, url.Authority);
        Assert.Equal($"/tra-cuu/{laptop.Issued[0].Number}", url.AbsolutePath);
        using var citizen = new HttpClient();
        var page = await citizen.GetStringAsync(url);
        Assert.Contains(laptop.Issued[0].Number, page, StringComparison.Ordinal);
        var secret = url.Query.Split('=')[1];
        var found = await citizen.GetFromJsonAsync<PublicDossierResponse>(new Uri(world.Server.BaseAddress, $"/api/public/dossiers/{laptop.Issued[0].Number}?secret={secret}"), Json.Options);
        Assert.Equal(laptop.Issued[0].Number, found!.Number);
        Assert.Equal(DossierStatus.Received, found.Status);
    }

    private static async Task FieldSyncPressAsync(Laptop laptop) =>
        await MotCua.Web.Tests.FieldSync.FieldForms.PostFormAsync(laptop.Browser, "/field", "/field?handler=Sync", []);

    private static async Task<FieldSyncResponse> Deliver(HttpClient device, FieldSyncItem[] batch)
    {
        var sentAt = WorkingCalendar.ToLocal(TimeProvider.System.GetUtcNow()).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        var response = await device.PostAsJsonAsync("/api/field/sync", new FieldSyncRequest(sentAt, batch), Json.Options);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<FieldSyncResponse>(Json.Options))!;
    }

    /// <summary>Each printed dossier is at the centre once, under its number and client id, with each scan once and intact; nothing else is there.</summary>
    private static void AssertEachExactlyOnce(CentreSnapshot snapshot, List<Issued> issued, int others)
    {
        Assert.Equal(issued.Count, issued.Select(i => i.Number).Distinct().Count());
        Assert.Equal(issued.Count + others, snapshot.Dossiers.Count);
        foreach (var i in issued)
        {
            var d = Assert.Single(snapshot.Dossiers, d => d.Number == i.Number);
            Assert.Equal(i.ClientId, d.ClientId);
            var scans = snapshot.Attachments.Where(a => a.Number == i.Number).ToList();
            Assert.Equal(i.ScanSha256.Order(StringComparer.Ordinal), scans.Select(a => a.Sha256).Order(StringComparer.Ordinal));
            Assert.All(scans, a => Assert.Equal(a.Sha256, a.ContentSha256));
        }

        Assert.Equal(issued.Sum(i => i.ScanSha256.Count), snapshot.Attachments.Count);
        Assert.Equal(0, snapshot.UnclaimedUploads);
    }
}
