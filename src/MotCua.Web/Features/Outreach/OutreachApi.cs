using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Outreach;
using MotCua.Planning;
using MotCua.Web.Data;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Features.Outreach;

public static class OutreachApi
{
    public static RouteGroupBuilder MapOutreachApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/outreach").WithTags("Outreach").RequireAuthorization(Policies.ReadOutreach);
        group.MapPost("/campaigns", CreateAsync).WithName("CreateCampaign").RequireAuthorization(Policies.ManageOutreach)
            .WithSummary("Creates a campaign of the signed-in leader's unit.")
            .Produces<CampaignResponse>(StatusCodes.Status201Created).ProducesValidationProblem();
        group.MapGet("/campaigns", ListAsync).WithName("ListCampaigns");
        group.MapGet("/campaigns/{id:guid}", GetAsync).WithName("GetCampaign").Produces<CampaignResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/campaigns/{id:guid}/plan", PlanAsync).WithName("PlanCampaign").RequireAuthorization(Policies.ManageOutreach)
            .WithSummary("Plans (or re-plans) the campaign with CP-SAT: sessions held stay, the others are replaced. Answers the sessions with objective, bound and status.")
            .Produces<PlanResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/sessions/{id:guid}", MoveAsync).WithName("MoveSession").RequireAuthorization(Policies.ManageOutreach)
            .WithSummary("Moves one session by hand; every hard rule is checked again (422 lists the broken ones).")
            .Produces<SessionResponse>().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        var open = app.MapGroup("/api/public/outreach").WithTags("Public").AllowAnonymous().RequireRateLimiting(Hardening.PublicRateLimit);
        open.MapGet("/", PublicAsync).WithName("PublicOutreachSchedule")
            .WithSummary("When the mobile team comes to a commune's hamlets: coming sessions with time, place and the papers to bring.")
            .Produces<IReadOnlyList<PublicSessionResponse>>();
        return group;
    }

    public static CampaignSettings? Validate(CreateCampaignRequest? r, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (r is null)
        {
            errors.Add("body", "The campaign is required.");
            return null;
        }

        if (r.From is null)
        {
            errors.Add("from", "The first day is required.");
        }

        if (r.To is null)
        {
            errors.Add("to", "The last day is required.");
        }

        if (r.Procedures?.Any(p => p is null || !Domain.Catalog.Procedure.IsValidCode(p.Trim().ToUpperInvariant())) == true)
        {
            errors.Add("procedures", "Each procedure is a code such as 1.001193.");
        }

        if (errors.Any)
        {
            return null;
        }

        var settings = new CampaignSettings(r.Name ?? string.Empty, r.From!.Value, r.To!.Value, r.Days ?? [], r.Slots ?? [], r.Procedures ?? [],
            r.MinutesPerCase ?? 30, r.CapacityPerSession ?? 30, r.Target ?? 0, r.MaxDaysPerMember ?? 4, r.MaxTravelMinutesBetweenSessions ?? 30);
        return errors.Try("body", () =>
        {
            settings.Validate();
            return settings;
        });
    }

    private static async Task<IResult> CreateAsync([FromBody] CreateCampaignRequest? request, MotCuaDb db, HttpContext http, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var settings = Validate(request, errors);
        if (settings is null)
        {
            return errors.ToResult();
        }

        var known = await db.Procedures.Where(p => settings.Procedures.Select(x => x.ToUpperInvariant()).Contains(p.Code)).Select(p => p.Code).ToListAsync(ct);
        var unknown = settings.Procedures.Select(x => x.ToUpperInvariant()).Except(known).ToList();
        if (unknown.Count > 0)
        {
            return Problems.Invalid("procedures", $"Unknown procedures: {string.Join(", ", unknown)}.");
        }

        var campaign = new Campaign(http.User.UnitId()!.Value, settings);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        var body = await CampaignQuery.LoadAsync(campaign.Id, db, Localization.Culture(), ct);
        return TypedResults.Created($"/api/outreach/campaigns/{campaign.Id}", body);
    }

    private static async Task<IResult> ListAsync(MotCuaDb db, CancellationToken ct)
    {
        var campaigns = await db.Campaigns.AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok(campaigns.OrderByDescending(c => c.Settings.From).Select(c => new { c.Id, c.Settings.Name, c.Settings.From, c.Settings.To, c.Settings.Target, LastPlan = CampaignQuery.Summary(c.LastPlan) }));
    }

    private static async Task<IResult> GetAsync(Guid id, MotCuaDb db, CancellationToken ct) =>
        await CampaignQuery.LoadAsync(id, db, Localization.Culture(), ct) is { } c ? TypedResults.Ok(c) : Problems.NotFound("No such campaign.");

    private static async Task<IResult> PlanAsync(Guid id, MotCuaDb db, TimeProvider time, IConfiguration configuration, CancellationToken ct)
    {
        if (!await db.Campaigns.AnyAsync(c => c.Id == id, ct))
        {
            return Problems.NotFound("No such campaign.");
        }

        var outcome = await PlanCampaign.ExecuteAsync(id, db, time, Options(configuration), ct);
        var unitId = await db.Campaigns.Where(c => c.Id == id).Select(c => c.UnitId).SingleAsync(ct);
        var r = outcome.Result;
        return TypedResults.Ok(new PlanResponse(await CampaignQuery.SessionsAsync(outcome.Sessions, unitId, db, Localization.Culture(), ct),
            r.Objective, r.Bound, r.Gap, EnumText.Of(r.Status), r.SolveTime.TotalSeconds, outcome.Baseline.Objective));
    }

    public static PlannerOptions Options(IConfiguration configuration) => new()
    {
        MaxTime = configuration.GetValue("MotCua:Planner:MaxTime", TimeSpan.FromSeconds(10)),
        Workers = configuration.GetValue("MotCua:Planner:Workers", 2),
    };

    private static async Task<IResult> MoveAsync(Guid id, [FromBody] MoveSessionRequest? request, MotCuaDb db, TimeProvider time, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (request?.Date is null)
        {
            errors.Add("date", "The new day is required.");
        }

        if (request?.Slot is not { } slot || !Enum.IsDefined(slot))
        {
            errors.Add("slot", "The half-day is morning or afternoon.");
        }

        if (request?.TeamId is null || request.HamletId is null)
        {
            errors.Add("teamId", "The team and the hamlet are required.");
        }

        if (request?.Version is null)
        {
            errors.Add("version", "The version of the session you saw is required.");
        }

        if (request?.MemberIds is { } chosen && (chosen.Count > Team.MaxMembers || chosen.Any(string.IsNullOrWhiteSpace)))
        {
            errors.Add("memberIds", $"Name at most {Team.MaxMembers} members, by their account ids.");
        }

        if (errors.Any)
        {
            return errors.ToResult();
        }

        var moved = await MoveSession.ExecuteAsync(
            new MoveSession.Input(id, request!.Version!.Value, request.Date!.Value, request.Slot!.Value, request.TeamId!.Value, request.HamletId!.Value, request.MemberIds), db, time, ct);
        if (moved is null)
        {
            return Problems.NotFound("No such session.");
        }

        return TypedResults.Ok((await CampaignQuery.SessionsAsync([moved], moved.UnitId, db, Localization.Culture(), ct))[0]);
    }

    private static async Task<IResult> PublicAsync(string? unit, string? hamlet, MotCuaDb db, TimeProvider time, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(unit) || unit.Length > 32)
        {
            return Problems.Invalid("unit", "The commune's code is required.");
        }

        Guid? hamletId = null;
        if (!string.IsNullOrWhiteSpace(hamlet))
        {
            if (!Guid.TryParse(hamlet, out var h))
            {
                return Problems.Invalid("hamlet", "The hamlet is an id from the commune's list.");
            }

            hamletId = h;
        }

        var sessions = await PublicScheduleQuery.LoadAsync(unit.Trim(), hamletId, db, time, Localization.Culture(), ct);
        return sessions is null ? Problems.NotFound($"No commune has the code '{unit}'.") : TypedResults.Ok(sessions);
    }
}
