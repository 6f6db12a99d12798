using System.Net.Http.Headers;
using System.Security.Cryptography;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Outreach;
using MotCua.Web.Data.FieldSync;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.FieldSync;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.FieldSync;

/// <summary>An enrolled laptop as the centre sees it: a client that sends the device credential.</summary>
public sealed record TestDevice(Guid Id, string Secret, HttpClient Client, TestUnit Unit);

/// <summary>Enrolment, kit, sessions and items for the field sync tests.</summary>
internal static class FieldSetup
{
    public const string Today = "2026-03-02";

    public static async Task<TestDevice> EnrolAsync(TestUnit unit, Guid? teamId = null, string name = "Laptop tổ 1")
    {
        ArgumentNullException.ThrowIfNull(unit);
        var issued = await unit.Client.PostJsonAsync("/api/field/devices", new IssueEnrolmentCodeRequest(null, teamId));
        Assert.True(issued.IsSuccessStatusCode, await issued.Content.ReadAsStringAsync());
        var code = await issued.ReadAsync<EnrolmentCodeResponse>();
        var response = await unit.App.Anonymous.PostJsonAsync("/api/field/enrol", new EnrolRequest(code.Code, name));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var enrolled = await response.ReadAsync<EnrolResponse>();
        var client = unit.App.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", DeviceCredentials.HeaderValue(enrolled.DeviceId, enrolled.Secret));
        return new TestDevice(enrolled.DeviceId, enrolled.Secret, client, unit);
    }

    /// <summary>The leader issues an offline PIN for each of <paramref name="members"/> on the laptop named <paramref name="deviceName"/> (or with <paramref name="deviceId"/>); returns the PINs by member.</summary>
    public static async Task<Dictionary<string, string>> IssuePinsAsync(TestUnit unit, IEnumerable<string> members, Guid? deviceId = null, string? deviceName = null)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(members);
        var id = deviceId ?? (await (await unit.Client.GetAsync("/api/field/devices")).ReadAsync<List<FieldDeviceResponse>>()).First(d => d.Name == deviceName).Id;
        var pins = new Dictionary<string, string>();
        foreach (var member in members)
        {
            var response = await unit.Client.PutJsonAsync($"/api/field/devices/{id}/pins/{member}", new SetFieldPinRequest(null));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            pins[member] = (await response.ReadAsync<FieldPinResponse>()).Pin!;
        }

        return pins;
    }

    public static async Task<FieldKitResponse> KitAsync(TestDevice device, string query = "?days=" + Today + "&size=10")
    {
        ArgumentNullException.ThrowIfNull(device);
        var response = await device.Client.GetAsync("/api/field/kit" + query);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<FieldKitResponse>();
    }

    public static async Task<FieldSyncResponse> SyncAsync(TestDevice device, string sentAt, params FieldSyncItem[] items)
    {
        ArgumentNullException.ThrowIfNull(device);
        var response = await device.Client.PostJsonAsync("/api/field/sync", new FieldSyncRequest(sentAt, items));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<FieldSyncResponse>();
    }

    public static FieldSyncItem Dossier(string number, Guid? clientId = null, string receivedAt = Today + "T08:30:00+07:00", IReadOnlyList<FieldAttachmentRef?>? attachments = null,
        string secret = "ABCDEFGH", Guid? hamlet = null, Guid? session = null) =>
        new(clientId ?? Guid.NewGuid(), FieldItemKind.Dossier, number, secret, "1.001193", Channel.Outreach,
            new FieldApplicant("093080001234", "Nguyễn Văn Hoà", "0912345678", "Ấp 1", hamlet), receivedAt, null, session, [PriorityGroup.Elderly], attachments);

    public static string Number(TestUnit unit, int sequence, string day = "260302") => $"{unit.Code}-{day}-{sequence:0000}";

    /// <summary>A file that passes the content check as a PDF.</summary>
    public static byte[] Pdf(int size, int seed = 1)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        "%PDF-1.4\n"u8.CopyTo(bytes);
        return bytes;
    }

    public static FieldAttachmentRef Ref(Guid id, byte[] bytes, string name = "giay-chung-sinh.pdf") =>
        new(id, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length, name, "application/pdf");

    public static Task<HttpResponseMessage> PutChunkAsync(HttpClient client, Guid id, byte[] whole, int from, int length, byte[]? digestOf = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(whole);
        var content = new ByteArrayContent(whole, from, length);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Headers.ContentRange = new ContentRangeHeaderValue(from, from + length - 1, whole.Length);
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/field/attachments/{id}") { Content = content };
        request.Headers.Add("Repr-Digest", FieldWire.Digest(SHA256.HashData(digestOf ?? whole)));
        return client.SendAsync(request);
    }

    public static async Task UploadAsync(HttpClient client, Guid id, byte[] whole)
    {
        var response = await PutChunkAsync(client, id, whole, 0, whole.Length);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A team with two members, a campaign and a session in the hamlet (Saturday 7 March unless told); returns the team's id and members.</summary>
    public static async Task<(Guid TeamId, IReadOnlyList<string> Members, Guid SessionId)> TeamWithSessionAsync(TestUnit unit, Guid hamletId, string teamName = "Tổ lưu động 1", DateOnly? day = null)
    {
        var date = day ?? new DateOnly(2026, 3, 7);
        ArgumentNullException.ThrowIfNull(unit);
        var members = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            members.Add((await unit.App.CreateUserAsync(Roles.FieldAgent, unit.Code, fullName: $"{teamName} thành viên {i + 1}")).Id);
        }

        return await unit.App.WithDbAsync(async db =>
        {
            var team = new Team(unit.Id, teamName, 2, Equipment.Laptop | Equipment.Printer, [.. members.Select(m => new TeamMember(m, ["1.001193"], []))]);
            var campaign = new Campaign(unit.Id, new CampaignSettings("Thứ Bảy vì dân", new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 25), [date.DayOfWeek, DayOfWeek.Saturday], [SessionSlot.Morning], ["1.001193"]));
            var session = new OutreachSession(campaign.Id, unit.Id, date, SessionSlot.Morning, team.Id, hamletId, members, 30, "manual", new Dictionary<string, string>());
            db.Teams.Add(team);
            db.Campaigns.Add(campaign);
            db.OutreachSessions.Add(session);
            await db.SaveChangesAsync();
            return (team.Id, (IReadOnlyList<string>)members, session.Id);
        });
    }

    /// <summary>A dossier of the hamlet received at the counter and taken to <paramref name="until"/> (processed or supplement requested).</summary>
    public static async Task<DossierResponse> OpenDossierAsync(TestUnit unit, Guid hamletId, DossierStatus until, string citizenId = "093080001234")
    {
        ArgumentNullException.ThrowIfNull(unit);
        var request = new ReceiveDossierRequest(Guid.NewGuid(), "1.004222", unit.Code, Channel.Counter,
            new ApplicantRequest(citizenId, "Trần Thị Bảy", "0912345679", "Ấp", hamletId), null);
        var d = await (await unit.Client.PostJsonAsync("/api/dossiers", request)).ReadAsync<DossierResponse>();
        d = await ActAsync(unit, d, DossierAction.StartProcessing);
        return until == DossierStatus.Processed
            ? await ActAsync(unit, d, DossierAction.Complete)
            : await ActAsync(unit, d, DossierAction.RequestSupplement, "Bổ sung bản sao sổ hộ khẩu");
    }

    public static async Task<DossierResponse> ActAsync(TestUnit unit, DossierResponse d, DossierAction action, string? reason = null, string? to = null)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(d);
        var response = await unit.Client.PostJsonAsync($"/api/dossiers/{d.Number}/transitions", new TransitionRequest(action, reason, d.Version, to));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<DossierResponse>()) with { LookupSecret = d.LookupSecret };
    }
}
