using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers;

public sealed partial class DossiersApiTests
{
    private static async Task<DossierResponse> ReceiveAsync(TestUnit unit, ReceiveDossierRequest request)
    {
        var response = await unit.Client.PostJsonAsync("/api/dossiers", request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<DossierResponse>();
    }

    private static Task<HttpResponseMessage> ActAsync(TestUnit unit, DossierResponse d, DossierAction action, string? reason = null, string? to = null, int? version = null) =>
        unit.Client.PostJsonAsync($"/api/dossiers/{d.Number}/transitions", new TransitionRequest(action, reason, version ?? d.Version, to));

    [Fact]
    public async Task Post_AtCounter_Returns201WithNumberDueDateAndSecret()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();

        var response = await unit.Client.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var d = await response.ReadAsync<DossierResponse>();
        Assert.Equal($"{unit.Code}-260302-0001", d.Number);
        Assert.Equal(new Uri($"/api/dossiers/{d.Number}", UriKind.Relative), response.Headers.Location);
        Assert.Equal(DossierStatus.Received, d.Status);
        Assert.Equal(MotCuaApp.DefaultNow, d.ReceivedAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.FromHours(7)), d.DueAt);
        Assert.Matches(SecretPattern(), d.LookupSecret);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"dueAt\":\"2026-03-02T17:00:00+07:00\"", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SameClientIdAgain_Returns200WithTheSameDossierAndNoSecond()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var request = DossierRequests.Birth(unit.Code);
        var first = await ReceiveAsync(unit, request);

        var again = await unit.Client.PostJsonAsync("/api/dossiers", request);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var second = await again.ReadAsync<DossierResponse>();
        Assert.Equal(first.Number, second.Number);
        Assert.Equal(first.LookupSecret, second.LookupSecret);
        Assert.Equal(1, await app.WithDbAsync(db => Task.FromResult(db.Dossiers.Count())));
    }

    [Fact]
    public async Task Post_Online_IsNewlyRegisteredWithoutDueDateUntilAccepted()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var d = await ReceiveAsync(unit, DossierRequests.Birth(unit.Code, channel: Channel.Online, procedure: "1.004222"));

        Assert.Equal(DossierStatus.NewlyRegistered, d.Status);
        Assert.Null(d.DueAt);
        Assert.Null(d.ReceivedAt);

        app.Time.Advance(TimeSpan.FromHours(1));
        var accepted = await (await ActAsync(unit, d, DossierAction.Accept)).ReadAsync<DossierResponse>();

        Assert.Equal(DossierStatus.Received, accepted.Status);
        // 7 working days from Monday 2 March 10:00: Wednesday 11 March 10:00.
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 10, 0, 0, TimeSpan.FromHours(7)), accepted.DueAt);
    }

    [Fact]
    public async Task Post_OutreachRecordedEarlier_KeepsTheFieldTimeAndNumbersByThatDay()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();

        var d = await ReceiveAsync(unit, DossierRequests.Birth(unit.Code, channel: Channel.Outreach, receivedAt: "2026-02-28T09:30:00+07:00"));

        Assert.Equal($"{unit.Code}-260228-0001", d.Number);
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 9, 30, 0, TimeSpan.FromHours(7)), d.ReceivedAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.FromHours(7)), d.DueAt);
    }

    [Fact]
    public async Task Post_ReceivedAtForACounterDossier_Is400()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();

        var response = await unit.Client.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code, receivedAt: "2026-03-01T09:30:00+07:00"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("dossier.received-at-not-allowed", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Post_ReceivedAtInTheFuture_Is400()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();

        var response = await unit.Client.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code, channel: Channel.HomeVisit, receivedAt: "2026-03-02T09:30:00+07:00"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(0, await app.WithDbAsync(db => Task.FromResult(db.Dossiers.Count())));
    }

    [Fact]
    public async Task Post_ChannelTheProcedureDoesNotAllow_Is422()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();

        var response = await unit.Client.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code, channel: Channel.Online, procedure: "HT.0001"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("dossier.channel-not-allowed", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Post_AssistedServiceWithoutConsent_Is422AndWithConsentIsReceived()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var without = DossierRequests.Birth(unit.Code, procedure: "HT.0001");

        var refused = await unit.Client.PostJsonAsync("/api/dossiers", without);
        var with = await unit.Client.PostJsonAsync("/api/dossiers", without with { ClientId = Guid.NewGuid(), Applicant = without.Applicant! with { Consent = true } });

        Assert.Equal("dossier.consent-required", (await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Created, with.StatusCode);
        Assert.Null((await with.ReadAsync<DossierResponse>()).DueAt);
        Assert.Equal(1, await app.WithDbAsync(db => Task.FromResult(db.Dossiers.Count())));
    }

    [Fact]
    public async Task Post_RequiredPaperMissing_Is422()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();

        var response = await unit.Client.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code) with { Papers = ["Tờ khai đăng ký khai sinh"] });

        Assert.Equal("dossier.papers-missing", (await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Post_UnknownProcedure_Is400()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();

        var response = await unit.Client.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code, procedure: "9.999999"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("dossier.procedure-unknown", problem.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("000.00.00.X99")]
    [InlineData("000.00.99.T02")]
    public async Task Post_ForAnotherUnit_Is403(string otherUnit)
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        await app.AddUnitAsync("000.00.99.T02");

        var response = await unit.Client.PostJsonAsync("/api/dossiers", DossierRequests.Birth(otherUnit));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("dossier.other-unit", problem.GetProperty("code").GetString());
        Assert.Equal(0, await app.WithDbAsync(db => Task.FromResult(db.Dossiers.Count())));
    }

    [Fact]
    public async Task Post_HamletOfAnotherUnit_Is400()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var other = await app.AddUnitAsync("000.00.99.T02");
        var request = DossierRequests.Birth(unit.Code) with { Applicant = new ApplicantRequest("093080001234", "Lê Thị Lan", null, null, other.Hamlets[0]) };

        var response = await unit.Client.PostJsonAsync("/api/dossiers", request);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("dossier.hamlet-unknown", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Post_InvalidFields_ListsEveryProblem()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();

        var response = await unit.Client.PostJsonAsync("/api/dossiers", new ReceiveDossierRequest(null, "", "", null, new ApplicantRequest("12", "X", "123", null, null), "yesterday"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "clientId", "procedure", "channel", "receivedAt", "applicant.citizenId", "applicant.phone", "applicant.fullName" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"No error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task Transitions_FullWalk_HistoryAndTimeliness()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var d = await ReceiveAsync(unit, DossierRequests.Birth(unit.Code, procedure: "1.004222"));

        var specialist = await app.CreateUserAsync(Platform.Auth.Roles.Specialist, unit.Code);
        app.Time.Advance(TimeSpan.FromMinutes(10));
        d = await (await ActAsync(unit, d, DossierAction.HandOver, to: specialist.Id)).ReadAsync<DossierResponse>();
        d = await (await ActAsync(unit, d, DossierAction.StartProcessing)).ReadAsync<DossierResponse>();
        app.Time.Advance(TimeSpan.FromDays(1));
        d = await (await ActAsync(unit, d, DossierAction.RequestSupplement, "Thiếu bản sao giấy tờ chỗ ở")).ReadAsync<DossierResponse>();
        Assert.Equal(DossierStatus.SupplementRequested, d.Status);
        app.Time.Advance(TimeSpan.FromDays(1));
        d = await (await ActAsync(unit, d, DossierAction.SupplementReceived)).ReadAsync<DossierResponse>();
        Assert.Equal(new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.FromHours(7)), d.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 9, 0, 0, TimeSpan.FromHours(7)), d.OriginalDueAt);
        d = await (await ActAsync(unit, d, DossierAction.Complete)).ReadAsync<DossierResponse>();
        d = await (await ActAsync(unit, d, DossierAction.ReturnResult)).ReadAsync<DossierResponse>();

        var fetched = await unit.Client.GetFromJsonAsync<DossierResponse>($"/api/dossiers/{d.Number}", Platform.Json.Options);
        Assert.NotNull(fetched);
        Assert.Equal(DossierStatus.ResultReturned, fetched.Status);
        Assert.Equal(Timeliness.Early, fetched.Timeliness);
        Assert.Equal(7, fetched.Version);
        Assert.Equal(
            [DossierAction.Receive, DossierAction.HandOver, DossierAction.StartProcessing, DossierAction.RequestSupplement, DossierAction.SupplementReceived, DossierAction.Complete, DossierAction.ReturnResult],
            fetched.History.Select(h => h.Action));
        var handOver = fetched.History[1];
        Assert.Equal(specialist.Id, handOver.ToOfficer);
        Assert.Equal(Timeliness.Early, handOver.StepTimeliness);
        Assert.Empty(fetched.AllowedActions);
    }

    [Fact]
    public async Task Transition_StaleVersion_Is409AndChangesNothing()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var d = await ReceiveAsync(unit, DossierRequests.Birth(unit.Code));
        await ActAsync(unit, d, DossierAction.StartProcessing);

        var response = await ActAsync(unit, d, DossierAction.Stop, "Không đủ điều kiện", version: d.Version);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        var now = await unit.Client.GetFromJsonAsync<DossierResponse>($"/api/dossiers/{d.Number}", Platform.Json.Options);
        Assert.Equal(DossierStatus.Processing, now!.Status);
    }

    [Fact]
    public async Task Transition_ForbiddenByTheStateMachine_Is422()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var d = await ReceiveAsync(unit, DossierRequests.Birth(unit.Code));

        var response = await ActAsync(unit, d, DossierAction.ReturnResult);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("dossier.transition-forbidden", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task HandOver_ToSomeoneOutsideTheUnit_Is400()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var other = await app.AddUnitAsync("000.00.99.T02");
        var stranger = await app.CreateUserAsync(Platform.Auth.Roles.Specialist, other.Code);
        var d = await ReceiveAsync(unit, DossierRequests.Birth(unit.Code));

        var toStranger = await ActAsync(unit, d, DossierAction.HandOver, to: stranger.Id);
        var toNobody = await ActAsync(unit, d, DossierAction.HandOver, to: "nobody");

        Assert.Equal("dossier.hand-over-target-unknown", (await ProblemAssert.IsProblemAsync(toStranger, HttpStatusCode.BadRequest)).GetProperty("code").GetString());
        await ProblemAssert.IsProblemAsync(toNobody, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Transition_UnknownDossier_Is404()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();

        var response = await unit.Client.PostJsonAsync("/api/dossiers/000.00.99.T01-260302-0042/transitions", new TransitionRequest(DossierAction.Complete, null, 1, null));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Transition_MissingActionVersionOrReason_Is400()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var d = await ReceiveAsync(unit, DossierRequests.Birth(unit.Code));

        await ProblemAssert.IsProblemAsync(await unit.Client.PostJsonAsync($"/api/dossiers/{d.Number}/transitions", new TransitionRequest(null, null, null, null)), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await ActAsync(unit, d, DossierAction.Stop), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await ActAsync(unit, d, DossierAction.HandOver), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await ActAsync(unit, d, DossierAction.Receive), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Get_UnknownOrMalformedNumber_Is404()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();

        await ProblemAssert.IsProblemAsync(await unit.Client.GetAsync("/api/dossiers/000.00.99.T01-260302-0042"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await unit.Client.GetAsync("/api/dossiers/nonsense"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_FiltersByStatusOverdueAndProcedure_SortedByDueDate()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var sameDay = await ReceiveAsync(unit, DossierRequests.Birth(unit.Code));
        var sevenDays = await ReceiveAsync(unit, DossierRequests.Birth(unit.Code, procedure: "1.004222"));
        var processing = await ReceiveAsync(unit, DossierRequests.Birth(unit.Code, procedure: "1.001776"));
        await ActAsync(unit, processing, DossierAction.StartProcessing);

        app.Time.Advance(TimeSpan.FromDays(1));

        var all = await unit.Client.GetFromJsonAsync<DossierPage>("/api/dossiers", Platform.Json.Options);
        Assert.Equal([sameDay.Number, sevenDays.Number, processing.Number], all!.Items.Select(i => i.Number));
        Assert.Equal(3, all.Total);

        var overdue = await unit.Client.GetFromJsonAsync<DossierPage>("/api/dossiers?overdue=true", Platform.Json.Options);
        var late = Assert.Single(overdue!.Items);
        Assert.Equal(sameDay.Number, late.Number);
        Assert.True(late.Overdue);
        Assert.Equal(Timeliness.Late, late.Timeliness);
        Assert.Equal("*********234", late.CitizenId);
        Assert.Equal("N***** V** H**", late.ApplicantName);

        var notOverdue = await unit.Client.GetFromJsonAsync<DossierPage>("/api/dossiers?overdue=false", Platform.Json.Options);
        Assert.Equal(2, notOverdue!.Total);

        var byStatus = await unit.Client.GetFromJsonAsync<DossierPage>("/api/dossiers?status=processing", Platform.Json.Options);
        Assert.Equal(processing.Number, Assert.Single(byStatus!.Items).Number);
        var byCode = await unit.Client.GetFromJsonAsync<DossierPage>("/api/dossiers?status=2,4", Platform.Json.Options);
        Assert.Equal(3, byCode!.Total);

        var byProcedure = await unit.Client.GetFromJsonAsync<DossierPage>("/api/dossiers?procedure=1.004222", Platform.Json.Options);
        Assert.Equal(sevenDays.Number, Assert.Single(byProcedure!.Items).Number);

        var page2 = await unit.Client.GetFromJsonAsync<DossierPage>("/api/dossiers?page=2&pageSize=2", Platform.Json.Options);
        Assert.Equal(processing.Number, Assert.Single(page2!.Items).Number);
    }

    [Theory]
    [InlineData("status=closed")]
    [InlineData("status=11")]
    [InlineData("overdue=maybe")]
    [InlineData("page=0")]
    [InlineData("pageSize=1000")]
    [InlineData("page=abc")]
    [InlineData("unit=000.00.00.X99")]
    public async Task List_BadFilter_Is400(string query)
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();

        await ProblemAssert.IsProblemAsync(await unit.Client.GetAsync($"/api/dossiers?{query}"), HttpStatusCode.BadRequest);
    }

    [GeneratedRegex("^[A-HJ-NP-Z2-9]{8}$")]
    private static partial Regex SecretPattern();
}
