using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Quality;
using MotCua.Web.Features.Complaints;
using MotCua.Web.Tests.Infrastructure;
using static MotCua.Web.Tests.Quality.QualityScenario;

namespace MotCua.Web.Tests.Security;

/// <summary>
/// Finding 4 of the probe (issue 12): a <c>Feedback.added</c> entry held the follow-up secret, the submitter's name and
/// phone in clear. Now no row of the trail holds a secret or a citizen's personal data in clear, whatever wrote it.
/// </summary>
public sealed class ProbeAuditTests
{
    [Fact]
    public async Task Probe4_FeedbackAndRatings_LeaveNoSecretNorPersonalDataInClear_InTheTrail()
    {
        await using var app = await MotCuaApp.StartAsync(settings: Unlimited);
        var unit = await app.AddUnitAsync();
        var d = await CompleteAsync(unit, await ReceiveAsync(unit));
        await RateAsync(app, d, satisfied: false, comment: "Gọi cho tôi: Trần Thị Lan 0987654321");
        var receipt = await (await app.Anonymous.PostJsonAsync("/api/public/feedback", new FeedbackRequest(FeedbackKind.Complaint, "Chờ lâu – Trần Thị Lan",
            "Tôi là Trần Thị Lan, ở số 5 ấp Phú Thuận A, gọi 0987654321.", unit.Code, Name: "Trần Thị Lan", Phone: "0987654321", Consent: true))).ReadAsync<FeedbackReceipt>();
        var answered = await unit.Client.PostJsonAsync($"/api/feedback/{receipt.Code}/actions", new FeedbackActionRequest(FeedbackAction.Answer, 1, "Chị Trần Thị Lan: hồ sơ đã xong."));
        Assert.True(answered.IsSuccessStatusCode, await answered.Content.ReadAsStringAsync());

        var rows = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());
        var trail = string.Join("\n", rows.Select(r => JsonSerializer.Serialize(r)));
        foreach (var clear in new[] { receipt.Secret, d.LookupSecret!, "Trần Thị Lan", "0987654321", "093080001234", "Nguyễn Văn Hoà", "Phú Thuận A", "Gọi cho tôi" })
        {
            Assert.DoesNotContain(clear, trail, StringComparison.Ordinal);
        }

        var added = Assert.Single(rows, r => r.Action == "Feedback.added");
        Assert.Contains("\"SubmitterName\":[null,\"T*** T** L**\"]", added.Changes, StringComparison.Ordinal);
        Assert.Contains("\"SubmitterPhone\":[null,\"09******21\"]", added.Changes, StringComparison.Ordinal);
        Assert.Contains("\"Secret\":[null,\"(secret)\"]", added.Changes, StringComparison.Ordinal);
        Assert.Contains("\"Content\":[null,\"(text, ", added.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Collections", trail, StringComparison.Ordinal);
    }
}
