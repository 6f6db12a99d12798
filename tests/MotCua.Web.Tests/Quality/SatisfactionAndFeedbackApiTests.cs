using System.Net;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Quality;
using MotCua.Web.Features.Complaints;
using MotCua.Web.Features.Quality;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Tests.Infrastructure;
using static MotCua.Web.Tests.Quality.QualityScenario;
using K = MotCua.Domain.Quality.IndexMeasureKeys;

namespace MotCua.Web.Tests.Quality;

/// <summary>Citizens rate dossiers and send feedback without signing in; staff handle the feedback on the working calendar.</summary>
public sealed class SatisfactionAndFeedbackApiTests
{
    [Fact]
    public async Task Rate_BeforeTheResultIsReady_Is422()
    {
        await using var app = await MotCuaApp.StartAsync(settings: Unlimited);
        var unit = await app.AddUnitAsync();
        var d = await ReceiveAsync(unit);

        var json = await ProblemAssert.IsProblemAsync(await RateAsync(app, d, satisfied: true), HttpStatusCode.UnprocessableEntity);

        Assert.Equal("rating.not-yet", json.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Rate_WrongSecretAndUnknownNumber_AnswerTheSame404()
    {
        await using var app = await MotCuaApp.StartAsync(settings: Unlimited);
        var unit = await app.AddUnitAsync();
        var d = await CompleteAsync(unit, await ReceiveAsync(unit));

        var wrong = await ProblemAssert.IsProblemAsync(await RateAsync(app, d, satisfied: true, secret: "WRONG234"), HttpStatusCode.NotFound);
        var unknown = await ProblemAssert.IsProblemAsync(await RateAsync(app, d with { Number = $"{unit.Code}-260302-0999" }, satisfied: true), HttpStatusCode.NotFound);

        Assert.Equal(wrong.GetProperty("detail").GetString(), unknown.GetProperty("detail").GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.DossierRatings.CountAsync()));
    }

    [Fact]
    public async Task Rate_Again_ReplacesTheRatingAndTheAuditKeepsBoth()
    {
        await using var app = await MotCuaApp.StartAsync(settings: Unlimited);
        var unit = await app.AddUnitAsync();
        var d = await CompleteAsync(unit, await ReceiveAsync(unit));

        var first = await RateAsync(app, d, satisfied: false, guidance: 2, comment: "Phải đi lại hai lần.");
        app.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await RateAsync(app, d, satisfied: true, guidance: 4, attitude: 5, secret: d.LookupSecret!.ToLowerInvariant());

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var rating = await second.ReadAsync<RatingResponse>();
        Assert.True(rating.Replaced);
        Assert.True(rating.Satisfied);
        Assert.Null(rating.Comment);
        var (count, audit) = await app.WithDbAsync(async db => (await db.DossierRatings.CountAsync(),
            await db.AuditEntries.Where(a => a.EntityType == nameof(DossierRating)).OrderBy(a => a.Id).Select(a => new { a.Action, a.Changes }).ToListAsync()));
        Assert.Equal(1, count);
        Assert.Equal(["DossierRating.added", "DossierRating.modified"], audit.Select(a => a.Action));
        Assert.Contains("\"Satisfied\":[\"False\",\"True\"]", audit[1].Changes, StringComparison.Ordinal);
        var index = await IndexAsync(unit.Client, unit.Code);
        Assert.Equal(0, index.Counts[K.DossiersWithComplaintOrDislike]);
        Assert.Equal(1, index.Counts[MeasureFacts.Extra.RatingsLiked]);
    }

    [Fact]
    public async Task Feedback_AboutADossier_CountsAgainstItAndIsFollowedByCodeAndSecret()
    {
        await using var app = await MotCuaApp.StartAsync(settings: Unlimited);
        var unit = await app.AddUnitAsync();
        var d = await ReceiveAsync(unit);

        var response = await app.Anonymous.PostJsonAsync("/api/public/feedback", new FeedbackRequest(FeedbackKind.Complaint, "Hẹn trả chưa rõ", "Tôi chưa biết khi nào nhận kết quả.", null, d.Number, d.LookupSecret, "Trần Thị Lan", "0912345678", true));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await response.ReadAsync<FeedbackReceipt>();
        Assert.Matches(@"^PA-260302-[A-Z2-9]{4}$", receipt.Code);
        // 15 working days from Monday 2 March 09:00: Monday 23 March 09:00.
        Assert.Equal(new DateTimeOffset(2026, 3, 23, 9, 0, 0, TimeSpan.FromHours(7)), receipt.DueAt);
        var follow = await (await app.Anonymous.GetAsync($"/api/public/feedback/{receipt.Code}?secret={receipt.Secret}")).ReadAsync<PublicFeedbackResponse>();
        Assert.Equal(FeedbackStatus.Received, follow.Status);
        Assert.Equal(d.Number, follow.DossierNumber);
        Assert.Equal("Đã tiếp nhận", follow.StatusText);
        var wrong = await ProblemAssert.IsProblemAsync(await app.Anonymous.GetAsync($"/api/public/feedback/{receipt.Code}?secret=WRONG234"), HttpStatusCode.NotFound);
        var unknown = await ProblemAssert.IsProblemAsync(await app.Anonymous.GetAsync($"/api/public/feedback/PA-260302-ZZZZ?secret={receipt.Secret}"), HttpStatusCode.NotFound);
        Assert.Equal(wrong.GetProperty("detail").GetString(), unknown.GetProperty("detail").GetString());
        var index = await IndexAsync(unit.Client, unit.Code);
        Assert.Equal(1, index.Counts[K.DossiersWithComplaintOrDislike]);
        Assert.Equal(1, index.Counts[K.FeedbackReceived]);
    }

    [Fact]
    public async Task Feedback_NamingADossierWithAWrongSecret_Is404AndNothingIsCounted()
    {
        await using var app = await MotCuaApp.StartAsync(settings: Unlimited);
        var unit = await app.AddUnitAsync();
        var d = await ReceiveAsync(unit);

        await ProblemAssert.IsProblemAsync(await app.Anonymous.PostJsonAsync("/api/public/feedback", new FeedbackRequest(FeedbackKind.Complaint, "a", "b", null, d.Number, "WRONG234")), HttpStatusCode.NotFound);

        Assert.Equal(0, (await IndexAsync(unit.Client, unit.Code)).Counts[K.DossiersWithComplaintOrDislike]);
    }

    [Fact]
    public async Task Feedback_HandledByStaff_OnTimeLateAndRatedAsTheIndexCountsIt()
    {
        await using var app = await MotCuaApp.StartAsync(settings: Unlimited);
        var unit = await app.AddUnitAsync();
        var specialist = await app.CreateUserAsync(Roles.Specialist, unit.Code);
        async Task<FeedbackReceipt> Send(string subject) => await (await app.Anonymous.PostJsonAsync("/api/public/feedback",
            new FeedbackRequest(FeedbackKind.Recommendation, subject, "Nội dung.", unit.Code))).ReadAsync<FeedbackReceipt>();
        async Task<FeedbackResponse> Act(string code, FeedbackActionRequest request)
        {
            var r = await unit.Client.PostJsonAsync($"/api/feedback/{code}/actions", request);
            Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
            return await r.ReadAsync<FeedbackResponse>();
        }

        var answered = await Send("Thêm ghế chờ");
        var refused = await Send("Việc của huyện");
        var late = await Send("Chưa trả lời");
        var open = await Send("Mở");

        var a = await Act(answered.Code, new FeedbackActionRequest(FeedbackAction.Classify, 1, Category: FeedbackCategory.Facilities));
        a = await Act(answered.Code, new FeedbackActionRequest(FeedbackAction.Assign, a.Version, Assignee: specialist.Id));
        Assert.Equal(FeedbackStatus.InProgress, a.Status);
        app.Time.Advance(TimeSpan.FromDays(3));
        a = await Act(answered.Code, new FeedbackActionRequest(FeedbackAction.Answer, a.Version, "Trung tâm đã bổ sung 10 ghế chờ."));
        Assert.Equal(Timeliness.Early, a.Timeliness);

        // Refusing takes two working days at most: Friday is the fourth.
        var r = await Act(refused.Code, new FeedbackActionRequest(FeedbackAction.Refuse, 1, "Thuộc thẩm quyền của cơ quan khác."));
        Assert.Equal(Timeliness.Late, r.Timeliness);

        app.Time.Advance(TimeSpan.FromDays(25));
        var stale = await unit.Client.PostJsonAsync($"/api/feedback/{late.Code}/actions", new FeedbackActionRequest(FeedbackAction.Answer, 7, "x"));
        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.Conflict);
        var l = await Act(late.Code, new FeedbackActionRequest(FeedbackAction.Answer, 1, "Xin lỗi vì chậm trả lời."));
        Assert.Equal(Timeliness.Late, l.Timeliness);

        var rated = await app.Anonymous.PostJsonAsync($"/api/public/feedback/{answered.Code}/satisfaction", new FeedbackSatisfactionRequest(answered.Secret, false));
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        Assert.False((await rated.ReadAsync<PublicFeedbackResponse>()).Satisfied);
        await ProblemAssert.IsProblemAsync(await app.Anonymous.PostJsonAsync($"/api/public/feedback/{open.Code}/satisfaction", new FeedbackSatisfactionRequest(open.Secret, true)), HttpStatusCode.UnprocessableEntity);

        var index = await IndexAsync(unit.Client, unit.Code);
        Assert.Equal(4, index.Counts[K.FeedbackReceived]);
        Assert.Equal(1, index.Counts[K.FeedbackHandledOnTime]);

        // Answered but not satisfied, refused late, answered late, open past 15 working days: all four.
        Assert.Equal(4, index.Counts[K.FeedbackDissatisfiedOrLate]);
        Assert.Equal(1, index.Counts[MeasureFacts.Extra.FeedbackOpenOverdue]);
        Assert.Equal("1 ÷ 4 × 6 = 1,50", index.Indicator("satisfaction.feedbackOnTime").Formula);
        Assert.Equal(0m, index.Indicator("satisfaction.feedbackHandling").Score);
    }

    [Fact]
    public async Task Feedback_StaffLists_MaskTheSubmitterAndAFullReadIsAudited()
    {
        await using var app = await MotCuaApp.StartAsync(settings: Unlimited);
        var unit = await app.AddUnitAsync();
        var other = await app.AddUnitAsync("000.00.99.T02");
        var receipt = await (await app.Anonymous.PostJsonAsync("/api/public/feedback",
            new FeedbackRequest(FeedbackKind.Complaint, "Thái độ", "Cán bộ trả lời cộc lốc.", unit.Code, Name: "Trần Thị Lan", Phone: "0912345678", Consent: true))).ReadAsync<FeedbackReceipt>();
        var viewer = await app.CreateUserAsync(Roles.ProvinceViewer, province: "T01");

        var list = await (await unit.Client.GetAsync("/api/feedback")).ReadAsync<FeedbackPage>();
        var full = await (await unit.Client.GetAsync($"/api/feedback/{receipt.Code}")).ReadAsync<FeedbackResponse>();
        var masked = await (await viewer.Client.GetAsync($"/api/feedback/{receipt.Code}")).ReadAsync<FeedbackResponse>();

        Assert.Equal("T*** T** L**", list.Items.Single().SubmitterName);
        Assert.Equal("Trần Thị Lan", full.SubmitterName);
        Assert.Equal("0912345678", full.SubmitterPhone);
        Assert.Equal("T*** T** L**", masked.SubmitterName);
        Assert.Equal("09******78", masked.SubmitterPhone);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "personal-data.read" && a.Details == receipt.Code)));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.Client.PostJsonAsync($"/api/feedback/{receipt.Code}/actions", new FeedbackActionRequest(FeedbackAction.Answer, 1, "x"))).StatusCode);
        await ProblemAssert.IsProblemAsync(await other.Client.GetAsync($"/api/feedback/{receipt.Code}"), HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await other.Client.GetAsync("/api/feedback")).ReadAsync<FeedbackPage>()).Total);
    }

    [Fact]
    public async Task Public_BurstOfFeedbackFromOneAddress_IsRateLimited()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 35; i++)
        {
            statuses.Add((await app.Anonymous.PostJsonAsync("/api/public/feedback", new FeedbackRequest(FeedbackKind.Complaint, "a", "b", unit.Code))).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(30, statuses.Count(s => s == HttpStatusCode.Created));
    }
}
