using System.Net;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalog;
using MotCua.Domain.Outreach;
using MotCua.Planning;
using MotCua.Web.Features.Account;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Outreach;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Tests.Dossiers;
using MotCua.Web.Tests.Infrastructure;
using MotCua.Web.Tests.Printing;

namespace MotCua.Web.Tests.Outreach;

/// <summary>The outreach API end to end over real HTTP: create, plan with CP-SAT, move by hand, re-plan, link intake, publish.</summary>
public sealed class OutreachApiTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public async Task Create_ValidCampaign_Answers201WithItsSettingsAndNoSessions()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();

        var response = await unit.Client.PostJsonAsync("/api/outreach/campaigns", OutreachSetup.Campaign(target: 700));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var campaign = await response.ReadAsync<CampaignResponse>();
        Assert.Equal($"/api/outreach/campaigns/{campaign.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(unit.Code, campaign.Unit);
        Assert.Equal(700, campaign.Target);
        Assert.Equal([DayOfWeek.Saturday], campaign.Days);
        Assert.Equal(["1.001193", "1.001776"], campaign.Procedures);
        Assert.Empty(campaign.Sessions);
        Assert.Null(campaign.LastPlan);

        var read = await (await unit.Client.GetAsync($"/api/outreach/campaigns/{campaign.Id}")).ReadAsync<CampaignResponse>();
        Assert.Equal(campaign.Name, read.Name);
        var list = JsonDocument.Parse(await unit.Client.GetStringAsync("/api/outreach/campaigns")).RootElement;
        Assert.Equal(campaign.Id, Assert.Single(list.EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Theory]
    [InlineData("from")]
    [InlineData("to")]
    [InlineData("order")]
    [InlineData("days")]
    [InlineData("procedure")]
    [InlineData("capacity")]
    public async Task Create_InvalidCampaign_Answers400AndSavesNothing(string fault)
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var good = OutreachSetup.Campaign();
        var bad = fault switch
        {
            "from" => good with { From = null },
            "to" => good with { To = null },
            "order" => good with { From = good.To, To = good.From },
            "days" => good with { Days = [] },
            "procedure" => good with { Procedures = ["1.001193", "9.999999"] },
            _ => good with { CapacityPerSession = 0 },
        };

        var response = await unit.Client.PostJsonAsync("/api/outreach/campaigns", bad);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(0, await app.WithDbAsync(db => db.Campaigns.CountAsync()));
    }

    [Fact]
    public async Task Plan_WithoutATeam_Answers422()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var campaign = await OutreachSetup.CreateAsync(unit);

        var problem = await ProblemAssert.IsProblemAsync(await unit.Client.PostAsync($"/api/outreach/campaigns/{campaign.Id}/plan", null), HttpStatusCode.UnprocessableEntity);

        Assert.Equal("campaign.no-teams", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Plan_CoversEveryPriorityHamlet_WithinCapacity_ProvenOptimal_AndNoWorseThanTheRoundRobin()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var team = await OutreachSetup.PrepareAsync(unit, members: 4, crew: 2, unavailableForFirst: [new DateOnly(2026, 3, 7)]);
        var campaign = await OutreachSetup.CreateAsync(unit);

        var plan = await PlanAsync(unit, campaign.Id);

        Assert.Equal("optimal", plan.Status);
        Assert.True(plan.Objective <= plan.Bound + 1e-6, $"objective {plan.Objective} above bound {plan.Bound}");
        Assert.True(plan.Objective >= plan.BaselineObjective - 1e-6, $"objective {plan.Objective} below the round robin's {plan.BaselineObjective}");
        Assert.NotEmpty(plan.Sessions);
        Assert.Equal(unit.Hamlets.Order(), plan.Sessions.Select(s => s.HamletId).Distinct().Order());
        Assert.All(plan.Sessions, s =>
        {
            Assert.InRange(s.ExpectedCases, 1, 30);
            Assert.Equal(team.Id, s.TeamId);
            Assert.Equal(DayOfWeek.Saturday, s.Date.DayOfWeek);
            Assert.Equal(2, s.Members.Count);
            Assert.False(string.IsNullOrWhiteSpace(s.Reason));
            Assert.False(string.IsNullOrWhiteSpace(s.ReasonCode));
            Assert.Equal(SessionStatus.Planned, s.Status);
        });

        // The first member is away on 7 March; nobody goes out more than four Saturdays.
        var firstDay = plan.Sessions.Where(s => s.Date == new DateOnly(2026, 3, 7)).ToList();
        Assert.All(firstDay, s => Assert.DoesNotContain("Thành viên 1", s.Members));
        Assert.All(plan.Sessions.SelectMany(s => s.Members.Select(m => (m, s.Date))).Distinct().GroupBy(x => x.m), g => Assert.InRange(g.Count(), 1, 4));

        // A hamlet whose demand exceeds one session's capacity gets more than one (demand 60 > 30).
        var biggest = unit.Hamlets.Select(h => (h, plan.Sessions.Count(s => s.HamletId == h))).Max(x => x.Item2);
        Assert.True(biggest >= 2, "the hamlet with 60 expected cases should have at least two sessions");

        var stored = await (await unit.Client.GetAsync($"/api/outreach/campaigns/{campaign.Id}")).ReadAsync<CampaignResponse>();
        Assert.Equal(plan.Sessions.Select(s => s.Id).Order(), stored.Sessions.Select(s => s.Id).Order());
        Assert.Equal("optimal", stored.LastPlan?.Status);
        Assert.Equal(plan.Objective, stored.LastPlan!.Objective, 6);
    }

    [Fact]
    public async Task Move_OntoABusyTeam_Is422WithTheBrokenRules_StaleIs409_AndAValidMoveIsSavedAsManual()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        await OutreachSetup.PrepareAsync(unit);
        var campaign = await OutreachSetup.CreateAsync(unit);
        var plan = await PlanAsync(unit, campaign.Id);
        var sessions = plan.Sessions.OrderBy(s => s.Date).ThenBy(s => s.Slot).ToList();
        var a = sessions[0];
        var b = sessions.First(s => (s.Date, s.Slot) != (a.Date, a.Slot));

        // The only team is already at b's place and time.
        var busy = await unit.Client.PutJsonAsync($"/api/outreach/sessions/{a.Id}", new MoveSessionRequest(b.Date, b.Slot, b.TeamId, b.HamletId, a.Version));
        var problem = await ProblemAssert.IsProblemAsync(busy, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("session.rules-broken", problem.GetProperty("code").GetString());
        var violations = problem.GetProperty("violations").EnumerateArray().Select(v => v.GetString()!).ToList();
        Assert.Contains(violations, v => v.StartsWith(ViolationKinds.TeamSlot + ":", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains(" buổi cùng vào buổi ", StringComparison.Ordinal)); // the details in the caller's language (vi by default)

        // Moving it to a Saturday the team has free keeps every rule; a stale version is refused first.
        var saturdays = Enumerable.Range(0, 8).Select(w => new DateOnly(2026, 3, 7).AddDays(7 * w)).ToList();
        var free = saturdays.First(d => sessions.All(s => s.Date != d));
        var stale = await unit.Client.PutJsonAsync($"/api/outreach/sessions/{a.Id}", new MoveSessionRequest(free, a.Slot, a.TeamId, a.HamletId, a.Version + 1));
        await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.Conflict);

        var moved = await unit.Client.PutJsonAsync($"/api/outreach/sessions/{a.Id}", new MoveSessionRequest(free, a.Slot, a.TeamId, a.HamletId, a.Version));
        await AssertOkAsync(moved);
        var saved = await moved.ReadAsync<SessionResponse>();
        Assert.Equal((free, a.HamletId), (saved.Date, saved.HamletId));
        Assert.True(saved.Manual);
        Assert.Equal("manual", saved.ReasonCode);
        Assert.Equal(a.ExpectedCases, saved.ExpectedCases);
        Assert.Equal(2, saved.Members.Count);
        Assert.Equal(a.Version + 1, saved.Version);

        // A hamlet whose whole demand is already planned cannot take one more session: the demand rule says so.
        var demand = await app.WithDbAsync(db => db.Hamlets.Where(h => h.UnitId == unit.Id).ToDictionaryAsync(h => h.Id, h => h.EstimatedDemand));
        var full = unit.Hamlets.FirstOrDefault(h => h != a.HamletId && sessions.Where(s => s.HamletId == h).Sum(s => s.ExpectedCases) >= demand[h]);
        var other = unit.Hamlets.First(h => h != a.HamletId);

        // Outside the campaign's days, onto an unknown hamlet, an unknown session.
        if (full != Guid.Empty)
        {
            var overServed = await ProblemAssert.IsProblemAsync(await unit.Client.PutJsonAsync($"/api/outreach/sessions/{a.Id}", new MoveSessionRequest(free, a.Slot, a.TeamId, full, saved.Version)), HttpStatusCode.UnprocessableEntity);
            Assert.Contains(overServed.GetProperty("violations").EnumerateArray(), v => v.GetString()!.StartsWith(ViolationKinds.Demand + ":", StringComparison.Ordinal));
        }

        await ProblemAssert.IsProblemAsync(await unit.Client.PutJsonAsync($"/api/outreach/sessions/{a.Id}", new MoveSessionRequest(new DateOnly(2026, 3, 10), a.Slot, a.TeamId, other, saved.Version)), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await unit.Client.PutJsonAsync($"/api/outreach/sessions/{a.Id}", new MoveSessionRequest(a.Date, a.Slot, a.TeamId, Guid.NewGuid(), saved.Version)), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await unit.Client.PutJsonAsync($"/api/outreach/sessions/{Guid.NewGuid()}", new MoveSessionRequest(a.Date, a.Slot, a.TeamId, other, 1)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Replan_AfterTheFirstSaturday_KeepsWhatHappened_AndPlansOnlyTheDaysAhead()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        await OutreachSetup.PrepareAsync(unit);
        var campaign = await OutreachSetup.CreateAsync(unit);
        var first = await PlanAsync(unit, campaign.Id);
        var firstSaturday = new DateOnly(2026, 3, 7);
        var past = first.Sessions.Where(s => s.Date == firstSaturday).ToList();
        Assert.NotEmpty(past);

        // The team went on the 7th: one session held with its dossiers, then the leader re-plans on Monday the 9th.
        app.Time.SetUtcNow(new DateTimeOffset(2026, 3, 7, 9, 0, 0, Vietnam));
        var held = past[0];
        for (var i = 0; i < 3; i++)
        {
            var received = await unit.Client.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code, channel: Channel.Outreach) with { OutreachSession = held.Id, PriorityGroups = [PriorityGroup.Elderly] });
            Assert.Equal(HttpStatusCode.Created, received.StatusCode);
        }

        await app.WithDbAsync(async db =>
        {
            var s = await db.OutreachSessions.SingleAsync(x => x.Id == held.Id);
            s.Report(1, "Ấp đông người cao tuổi");
            return await db.SaveChangesAsync();
        });
        app.Time.SetUtcNow(new DateTimeOffset(2026, 3, 9, 8, 0, 0, Vietnam));

        var second = await PlanAsync(unit, campaign.Id);

        foreach (var s in past)
        {
            var kept = Assert.Single(second.Sessions, x => x.Id == s.Id);
            Assert.Equal((s.Date, s.Slot, s.HamletId, s.TeamId), (kept.Date, kept.Slot, kept.HamletId, kept.TeamId));
        }

        Assert.Equal(SessionStatus.Held, second.Sessions.Single(s => s.Id == held.Id).Status);
        var fresh = second.Sessions.Where(s => past.All(p => p.Id != s.Id)).ToList();
        Assert.NotEmpty(fresh);
        Assert.All(fresh, s => Assert.True(s.Date >= new DateOnly(2026, 3, 14), $"{s.Date} is before the re-plan day"));
        Assert.DoesNotContain(fresh, s => first.Sessions.Any(f => f.Id == s.Id));
        Assert.Equal(second.Sessions.Count, await app.WithDbAsync(db => db.OutreachSessions.CountAsync(s => s.CampaignId == campaign.Id)));
    }

    [Fact]
    public async Task Intake_LinksAnOutreachDossierToItsSession_AndRefusesAnotherDaysSession()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        await OutreachSetup.PrepareAsync(unit);
        var campaign = await OutreachSetup.CreateAsync(unit);
        var plan = await PlanAsync(unit, campaign.Id);
        var today = plan.Sessions.First(s => s.Date == new DateOnly(2026, 3, 7));
        var later = plan.Sessions.First(s => s.Date > today.Date);
        app.Time.SetUtcNow(new DateTimeOffset(2026, 3, 7, 8, 30, 0, Vietnam));
        var agent = await unit.AsAsync(Roles.FieldAgent);

        var ok = await agent.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code, channel: Channel.Outreach) with { OutreachSession = today.Id });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var number = Domain.Dossiers.DossierNumber.Parse((await ok.ReadAsync<DossierResponse>()).Number);
        Assert.Equal(today.Id, await app.WithDbAsync(db => db.Dossiers.Where(d => d.Number == number).Select(d => d.OutreachSessionId).SingleAsync()));

        var wrongDay = await agent.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code, channel: Channel.Outreach) with { OutreachSession = later.Id });
        var problem = await ProblemAssert.IsProblemAsync(wrongDay, HttpStatusCode.BadRequest);
        Assert.Equal("dossier.session-unknown", problem.GetProperty("code").GetString());
        var unknown = await agent.PostJsonAsync("/api/dossiers", DossierRequests.Birth(unit.Code, channel: Channel.Outreach) with { OutreachSession = Guid.NewGuid() });
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.BadRequest);
        Assert.Equal(1, await app.WithDbAsync(db => db.Dossiers.CountAsync()));
    }

    [Fact]
    public async Task PublicSchedule_ShowsComingSessionsWithPlaceAndPapers_HidesCancelled_AndFiltersByHamlet()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        await OutreachSetup.PrepareAsync(unit);
        var campaign = await OutreachSetup.CreateAsync(unit);
        var plan = await PlanAsync(unit, campaign.Id);
        var cancelled = plan.Sessions[^1];
        await app.WithDbAsync(async db =>
        {
            (await db.OutreachSessions.SingleAsync(s => s.Id == cancelled.Id)).Cancel("Mưa bão");
            return await db.SaveChangesAsync();
        });

        var all = await (await app.Anonymous.GetAsync($"/api/public/outreach?unit={unit.Code}")).ReadAsync<List<PublicSessionResponse>>();

        Assert.Equal(plan.Sessions.Count - 1, all.Count);
        Assert.DoesNotContain(all, s => (s.Date, s.Slot, s.HamletId) == (cancelled.Date, cancelled.Slot, cancelled.HamletId) && plan.Sessions.Count(p => (p.Date, p.Slot, p.HamletId) == (s.Date, s.Slot, s.HamletId)) == 1);
        Assert.Equal(all.OrderBy(s => s.Date).ThenBy(s => s.Slot).Select(s => (s.Date, s.Slot)), all.Select(s => (s.Date, s.Slot)));
        Assert.All(all, s =>
        {
            Assert.StartsWith("Nhà văn hoá", s.Place, StringComparison.Ordinal);
            Assert.Equal(["1.001193", "1.001776"], s.Procedures.Select(p => p.Code));
            Assert.All(s.Procedures, p => Assert.NotEmpty(p.Papers));
            Assert.Equal(s.Slot == SessionSlot.Morning ? "07:00" : "13:30", s.Start);
        });

        var hamlet = unit.Hamlets[1];
        var one = await (await app.Anonymous.GetAsync($"/api/public/outreach?unit={unit.Code}&hamlet={hamlet}")).ReadAsync<List<PublicSessionResponse>>();
        Assert.NotEmpty(one);
        Assert.All(one, s => Assert.Equal(hamlet, s.HamletId));

        // Later, the past sessions drop off the public list.
        app.Time.SetUtcNow(new DateTimeOffset(2026, 4, 1, 8, 0, 0, Vietnam));
        var ahead = await (await app.Anonymous.GetAsync($"/api/public/outreach?unit={unit.Code}")).ReadAsync<List<PublicSessionResponse>>();
        Assert.All(ahead, s => Assert.True(s.Date >= new DateOnly(2026, 4, 1)));
        Assert.True(ahead.Count < all.Count);

        await ProblemAssert.IsProblemAsync(await app.Anonymous.GetAsync("/api/public/outreach"), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await app.Anonymous.GetAsync($"/api/public/outreach?unit={unit.Code}&hamlet=ap-1"), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await app.Anonymous.GetAsync("/api/public/outreach?unit=000.00.99.X99"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnotherCommune_SeesNoneOfTheCampaign_AndCannotMoveItsSessions()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var stranger = await app.AddUnitAsync("000.00.99.T02");
        await OutreachSetup.PrepareAsync(unit);
        var campaign = await OutreachSetup.CreateAsync(unit);
        var plan = await PlanAsync(unit, campaign.Id);
        var s = plan.Sessions[0];

        await ProblemAssert.IsProblemAsync(await stranger.Client.GetAsync($"/api/outreach/campaigns/{campaign.Id}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await stranger.Client.PutJsonAsync($"/api/outreach/sessions/{s.Id}", new MoveSessionRequest(s.Date, s.Slot, s.TeamId, s.HamletId, s.Version)), HttpStatusCode.NotFound);

        // A province viewer of the same province reads it; one of another province does not.
        var viewer = await app.CreateUserAsync(Roles.ProvinceViewer, province: "T01");
        Assert.Equal(HttpStatusCode.OK, (await viewer.Client.GetAsync($"/api/outreach/campaigns/{campaign.Id}")).StatusCode);
        var outsider = await app.CreateUserAsync(Roles.ProvinceViewer, province: "T99");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync($"/api/outreach/campaigns/{campaign.Id}")).StatusCode);
    }

    [Fact]
    public async Task ProceduresNobodyInTheCrewCanReceive_AreFlaggedPerSession_InTheApiTheGridAndTheSessionPage()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var team = await OutreachSetup.PrepareAsync(unit);
        var campaign = await OutreachSetup.CreateAsync(unit);
        var plan = await PlanAsync(unit, campaign.Id);
        Assert.All(plan.Sessions, s => Assert.Empty(s.Uncovered)); // everyone receives both procedures

        // Only one member, who is not in the first session's crew, can receive the second procedure.
        var first = plan.Sessions.OrderBy(s => s.Date).ThenBy(s => s.Slot).First();
        var k = Enumerable.Range(0, team.Members.Count).First(i => !first.Members.Contains($"Thành viên {i + 1}"));
        await SetSkillsAsync(app, team.Id, i => i == k ? ["1.001193", "1.001776"] : ["1.001193"]);

        var sessions = (await (await unit.Client.GetAsync($"/api/outreach/campaigns/{campaign.Id}")).ReadAsync<CampaignResponse>()).Sessions;
        Assert.All(sessions, s => Assert.Equal(s.Members.Contains($"Thành viên {k + 1}") ? [] : ["1.001776"], s.Uncovered));
        Assert.Equal(["1.001776"], sessions.Single(s => s.Id == first.Id).Uncovered);

        var leader = await app.CreateUserAsync(Roles.CentreLeader, unit.Code);
        using var browser = await SignedInBrowserAsync(app, leader);
        var name = await app.WithDbAsync(db => db.Procedures.Where(p => p.Code == "1.001776").Select(p => p.Name).SingleAsync());
        var page = await browser.GetStringAsync($"/outreach/sessions/{first.Id}");
        Assert.Contains($"Không ai trong buổi này tiếp nhận được:</strong> {name.For("vi")}", page, StringComparison.Ordinal);
        var grid = await browser.GetStringAsync($"/outreach/{campaign.Id}");
        Assert.Equal(sessions.Count(s => s.Uncovered.Count > 0), grid.Split("class=\"uncovered\"").Length - 1);

        // A team with no skills recorded at all is not judged.
        await SetSkillsAsync(app, team.Id, _ => []);
        sessions = (await (await unit.Client.GetAsync($"/api/outreach/campaigns/{campaign.Id}")).ReadAsync<CampaignResponse>()).Sessions;
        Assert.All(sessions, s => Assert.Empty(s.Uncovered));
        Assert.DoesNotContain("Không ai trong buổi này", await browser.GetStringAsync($"/outreach/sessions/{first.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Move_ToAnotherTeam_SendsTheMemberWhoCanReceiveWhatTheOthersCannot()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        await OutreachSetup.PrepareAsync(unit);
        var campaign = await OutreachSetup.CreateAsync(unit);
        var plan = await PlanAsync(unit, campaign.Id);

        // A second team of three, crew of two: only the member whose id sorts last (whom "least used, then id" would
        // leave at home) can receive the second procedure.
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await app.CreateUserAsync(Roles.FieldAgent, unit.Code)).Id);
        }

        ids.Sort(StringComparer.Ordinal);
        var second = await app.WithDbAsync(async db =>
        {
            var team = new Domain.Outreach.Team(unit.Id, "Tổ lưu động 2", 2, Equipment.Laptop | Equipment.Printer | Equipment.Scanner | Equipment.Power | Equipment.MobileData,
                [.. ids.Select((id, i) => new TeamMember(id, i == 2 ? ["1.001193", "1.001776"] : ["1.001193"], []))]);
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            return team.Id;
        });

        var session = plan.Sessions.OrderBy(s => s.Date).ThenBy(s => s.Slot).First();
        var moved = await unit.Client.PutJsonAsync($"/api/outreach/sessions/{session.Id}", new MoveSessionRequest(session.Date, session.Slot, second, session.HamletId, session.Version));
        await AssertOkAsync(moved);

        var stored = await app.WithDbAsync(db => db.OutreachSessions.SingleAsync(s => s.Id == session.Id));
        Assert.Equal(second, stored.TeamId);
        Assert.Equal(2, stored.MemberIds.Count);
        Assert.Contains(ids[2], stored.MemberIds);
        var read = (await (await unit.Client.GetAsync($"/api/outreach/campaigns/{campaign.Id}")).ReadAsync<CampaignResponse>()).Sessions.Single(s => s.Id == session.Id);
        Assert.Empty(read.Uncovered);
    }

    [Fact]
    public async Task TeamsPage_PostedAsABrowserDoes_KeepsMembersSkillsAndDaysAway_AndABadDateSavesNothing()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var a = await app.CreateUserAsync(Roles.FieldAgent, unit.Code, fullName: "Lê Thanh An");
        var b = await app.CreateUserAsync(Roles.FieldAgent, unit.Code, fullName: "Tô Hoàng Hải");
        var leader = await app.CreateUserAsync(Roles.CentreLeader, unit.Code);
        using var browser = await SignedInBrowserAsync(app, leader);

        var html = await browser.GetStringAsync("/outreach/teams");
        Assert.Contains($"type=\"checkbox\" name=\"form.Skills[{a.Id}]\" value=\"1.001776\"", html, StringComparison.Ordinal);
        var token = AntiforgeryToken(html);
        FormUrlEncodedContent Form(string daysAway) => new(
        [
            new("__RequestVerificationToken", token), new("form.Name", "Tổ lưu động 3"), new("form.CrewSize", "2"),
            new("form.Equipment", "Laptop"), new("form.Equipment", "Printer"), new("form.Members", a.Id), new("form.Members", b.Id),
            new($"form.Unavailable[{a.Id}]", daysAway),
            new($"form.Skills[{a.Id}]", "1.001193"), new($"form.Skills[{a.Id}]", "1.001776"), new($"form.Skills[{b.Id}]", "1.001193"),
        ]);

        var bad = await browser.PostAsync("/outreach/teams", Form("31/02/2026"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Ngày bận viết theo dạng dd/MM/yyyy", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Teams.CountAsync()));

        var saved = await browser.PostAsync("/outreach/teams", Form("14/03/2026"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var team = await app.WithDbAsync(db => db.Teams.SingleAsync());
        Assert.Equal(("Tổ lưu động 3", 2, Equipment.Laptop | Equipment.Printer), (team.Name, team.CrewSize, team.Equipment));
        Assert.Equal(["1.001193", "1.001776"], team.Members.Single(m => m.UserId == a.Id).Skills);
        Assert.Equal(["1.001193"], team.Members.Single(m => m.UserId == b.Id).Skills);
        Assert.Equal([new DateOnly(2026, 3, 14)], team.Members.Single(m => m.UserId == a.Id).Unavailable);
        var listed = await browser.GetStringAsync("/outreach/teams");
        Assert.Matches(@"Lê Thanh An — nhận 2/\d+ thủ tục; Ngày bận", listed.Replace("\n", " ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Crew_ChosenByHand_OnThePageOrThroughTheApi_IsCheckedAgainstEveryRule()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var team = await OutreachSetup.PrepareAsync(unit);
        var campaign = await OutreachSetup.CreateAsync(unit, OutreachSetup.Campaign(maxDays: 8));
        var plan = await PlanAsync(unit, campaign.Id);
        var first = plan.Sessions.OrderBy(s => s.Date).ThenBy(s => s.Slot).First();
        string IdOf(string name) => team.Members[int.Parse(name["Thành viên ".Length..], System.Globalization.CultureInfo.InvariantCulture) - 1];
        var k = Enumerable.Range(0, team.Members.Count).First(i => !first.Members.Contains($"Thành viên {i + 1}"));
        await SetSkillsAsync(app, team.Id, i => i == k ? ["1.001193", "1.001776"] : ["1.001193"]);

        // The API refuses a crew of the wrong size and a stranger, naming the rule; nothing changes.
        var tooFew = await unit.Client.PutJsonAsync($"/api/outreach/sessions/{first.Id}", new MoveSessionRequest(first.Date, first.Slot, first.TeamId, first.HamletId, first.Version, [team.Members[k]]));
        var problem = await ProblemAssert.IsProblemAsync(tooFew, HttpStatusCode.UnprocessableEntity);
        Assert.Contains(problem.GetProperty("violations").EnumerateArray(), v => v.GetString()!.StartsWith(ViolationKinds.CrewSize + ":", StringComparison.Ordinal));
        var stranger = await unit.Client.PutJsonAsync($"/api/outreach/sessions/{first.Id}", new MoveSessionRequest(first.Date, first.Slot, first.TeamId, first.HamletId, first.Version, [team.Members[k], "nobody"]));
        Assert.Contains((await ProblemAssert.IsProblemAsync(stranger, HttpStatusCode.UnprocessableEntity)).GetProperty("violations").EnumerateArray(),
            v => v.GetString()!.StartsWith(ViolationKinds.CrewMember + ":", StringComparison.Ordinal));
        Assert.Equal(first.Version, (await app.WithDbAsync(db => db.OutreachSessions.SingleAsync(s => s.Id == first.Id))).Version);

        // The leader swaps one member for the one who can receive the second procedure, on the session page.
        var leader = await app.CreateUserAsync(Roles.CentreLeader, unit.Code);
        using var browser = await SignedInBrowserAsync(app, leader);
        var html = await browser.GetStringAsync($"/outreach/sessions/{first.Id}");
        Assert.Contains("Cán bộ đi buổi này", html, StringComparison.Ordinal);
        Assert.Contains("nhận 2/2 thủ tục của đợt", html, StringComparison.Ordinal);
        var form = html[html.IndexOf("handler=Crew", StringComparison.Ordinal)..];
        var token = AntiforgeryToken(form);
        var none = await browser.PostAsync($"/outreach/sessions/{first.Id}?handler=Crew", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("version", first.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("Chọn người đi buổi này.", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var kept = IdOf(first.Members[0]);
        var swapped = await browser.PostAsync($"/outreach/sessions/{first.Id}?handler=Crew", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("version", first.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("members", kept), new("members", team.Members[k]),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, swapped.StatusCode);
        var stored = await app.WithDbAsync(db => db.OutreachSessions.SingleAsync(s => s.Id == first.Id));
        Assert.Equal(new[] { kept, team.Members[k] }.Order(StringComparer.Ordinal), stored.MemberIds.Order(StringComparer.Ordinal));
        Assert.True(stored.Manual);
        var read = (await (await unit.Client.GetAsync($"/api/outreach/campaigns/{campaign.Id}")).ReadAsync<CampaignResponse>()).Sessions.Single(s => s.Id == first.Id);
        Assert.Empty(read.Uncovered);
    }

    private static Task<int> SetSkillsAsync(MotCuaApp app, Guid teamId, Func<int, IReadOnlyList<string>> skills) => app.WithDbAsync(async db =>
    {
        var team = await db.Teams.SingleAsync(t => t.Id == teamId);
        team.Update(team.Name, team.CrewSize, team.Equipment, [.. team.Members.Select((m, i) => m with { Skills = skills(i) })]);
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Pages_ExportCsvAndExcel_ReportAndHamletNoticePdf_ForTheLeader()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        await OutreachSetup.PrepareAsync(unit);
        var campaign = await OutreachSetup.CreateAsync(unit);
        var plan = await PlanAsync(unit, campaign.Id);
        var leader = await app.CreateUserAsync(Roles.CentreLeader, unit.Code);
        using var browser = await SignedInBrowserAsync(app, leader);

        var csv = await browser.GetAsync($"/outreach/{campaign.Id}/export?format=csv");
        await AssertOkAsync(csv);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Trim('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(plan.Sessions.Count + 1, lines.Length);
        Assert.Contains("Tổ lưu động 1", lines[1], StringComparison.Ordinal);

        var xlsx = await browser.GetAsync($"/outreach/{campaign.Id}/export?format=xlsx");
        await AssertOkAsync(xlsx);
        using (var book = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync()))
        {
            var sheet = book.Worksheets.First();
            Assert.Equal(plan.Sessions.Count + 1, sheet.LastRowUsed()!.RowNumber());
            var expectedColumn = sheet.Row(1).CellsUsed().First(c => c.GetString().Contains("dự kiến", StringComparison.OrdinalIgnoreCase)).Address.ColumnNumber;
            Assert.Equal(plan.Sessions.Sum(s => s.ExpectedCases), Enumerable.Range(2, plan.Sessions.Count).Sum(r => (int)sheet.Cell(r, expectedColumn).GetDouble()));
        }

        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "export" && a.EntityKey == campaign.Id.ToString())));

        var report = await browser.GetStringAsync($"/outreach/{campaign.Id}/report");
        Assert.Contains(campaign.Name, report, StringComparison.Ordinal);
        Assert.Contains("<svg", report, StringComparison.Ordinal);

        var hamlet = plan.Sessions[0].HamletId;
        var pdf = await browser.GetAsync($"/outreach/{campaign.Id}/notice/{hamlet}.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        using var tools = new PdfTools(await pdf.Content.ReadAsByteArrayAsync(), "outreach-notice");
        var text = tools.Text();
        var name = await app.WithDbAsync(db => db.Hamlets.Where(h => h.Id == hamlet).Select(h => h.Name).SingleAsync());
        Assert.Contains(name, text, StringComparison.Ordinal);
        Assert.Contains("Nhà văn hoá", text, StringComparison.Ordinal);

        // A counter officer reads the plan too (it holds staff names, no citizen data).
        var officer = await app.CreateUserAsync(Roles.CounterOfficer, unit.Code);
        using var officerBrowser = await SignedInBrowserAsync(app, officer);
        Assert.Equal(HttpStatusCode.OK, (await officerBrowser.GetAsync($"/outreach/{campaign.Id}")).StatusCode);
    }

    private static async Task<PlanResponse> PlanAsync(TestUnit unit, Guid campaignId)
    {
        var response = await unit.Client.PostAsync($"/api/outreach/campaigns/{campaignId}/plan", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<PlanResponse>();
    }

    private static async Task AssertOkAsync(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

    /// <summary>The first antiforgery token in <paramref name="html"/> (a form posted as a browser would post it).</summary>
    private static string AntiforgeryToken(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    private static async Task<HttpClient> SignedInBrowserAsync(MotCuaApp app, TestUser user)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false };
        var browser = new HttpClient(handler) { BaseAddress = app.BaseAddress };
        var login = await browser.PostJsonAsync("/api/auth/login?useCookies=true", new LoginRequest(user.UserName, MotCuaApp.Password));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return browser;
    }
}
