using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Features.Dossiers;

public static class DossiersApi
{
    public static RouteGroupBuilder MapDossiersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dossiers").WithTags("Dossiers").RequireAuthorization(Policies.ReadDossiers);
        group.MapPost("/", ReceiveAsync).WithName("ReceiveDossier")
            .WithSummary("Receives a dossier; a repeated clientId returns the existing dossier (200) instead of a second one (201).")
            .Produces<DossierResponse>(StatusCodes.Status201Created)
            .Produces<DossierResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.ReceiveDossiers);
        group.MapGet("/", ListAsync).WithName("ListDossiers").WithSummary("Dossiers by urgency; filter by status (name or 1–10, comma-separated), overdue, procedure.");
        group.MapGet("/{number}", GetAsync).WithName("GetDossier").WithSummary("A dossier with its history and the actions allowed now.")
            .Produces<DossierResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{number}/transitions", TransitionAsync).WithName("TransitionDossier")
            .WithSummary("Moves a dossier: 409 when the version is stale, 422 when the state machine forbids the action.")
            .Produces<DossierResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.ProcessDossiers);
        return group;
    }

    private static async Task<IResult> ReceiveAsync([FromBody] ReceiveDossierRequest? request, MotCuaDb db, TimeProvider time, IntakeNumbering numbering, FieldSync.FieldSettings fieldSettings, HttpContext http, CancellationToken ct)
    {
        var unit = http.User.UnitCodeOf();
        if (request?.Unit is { Length: > 0 } asked && unit is not null && !string.Equals(asked.Trim(), unit, StringComparison.Ordinal))
        {
            return Problems.Result(StatusCodes.Status403Forbidden, "Not your unit", $"You receive dossiers for {unit} only.", "dossier.other-unit");
        }

        var errors = new ValidationErrors();
        var input = ReceiveDossier.Validate(request is null ? null : request with { Unit = unit }, Actor.Of(http), time.GetUtcNow(), errors);
        if (input is null)
        {
            return errors.ToResult();
        }

        if (fieldSettings.IsFieldNode && !input.Channel.AllowsFieldTimestamp())
        {
            return Problems.Result(StatusCodes.Status422UnprocessableEntity, "Not allowed by the rules", "A field kit receives outreach and home-visit dossiers only.", "field.channel");
        }

        var outcome = await ReceiveDossier.ExecuteAsync(input, db, time, ct, numbering);
        var body = await DossierQuery.ToResponseAsync(outcome.Dossier, db, time, http.User, fullPersonalData: true, ct);
        return outcome.Created
            ? TypedResults.Created($"/api/dossiers/{body.Number}", body)
            : TypedResults.Ok(body);
    }

    private static async Task<IResult> ListAsync(string? status, string? overdue, string? procedure, string? unit, int? page, int? pageSize, MotCuaDb db, TimeProvider time, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var statuses = new List<DossierStatus>();
        foreach (var s in (status ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (int.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var n) && Enum.IsDefined((DossierStatus)n))
            {
                statuses.Add((DossierStatus)n);
            }
            else if (EnumText.TryParse<DossierStatus>(s, out var named))
            {
                statuses.Add(named);
            }
            else
            {
                errors.Add("status", $"'{s}' is not a status (1–10 or a name such as processing).");
            }
        }

        bool? overdueFilter = null;
        if (!string.IsNullOrWhiteSpace(overdue))
        {
            if (bool.TryParse(overdue, out var o))
            {
                overdueFilter = o;
            }
            else
            {
                errors.Add("overdue", "overdue is true or false.");
            }
        }

        if (page is < 1 or > 100_000)
        {
            errors.Add("page", "page starts at 1.");
        }

        if (pageSize is < 1 or > DossierQuery.MaxPageSize)
        {
            errors.Add("pageSize", $"pageSize is 1–{DossierQuery.MaxPageSize}.");
        }

        Guid? unitId = null;
        if (!string.IsNullOrWhiteSpace(unit))
        {
            unitId = await db.Units.Where(u => u.Code == unit.Trim()).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct);
            if (unitId is null)
            {
                errors.Add("unit", $"No unit has the code '{unit}'.");
            }
        }

        if (errors.Any)
        {
            return errors.ToResult();
        }

        var filter = new DossierQuery.Filter(statuses, overdueFilter, string.IsNullOrWhiteSpace(procedure) ? null : procedure.Trim().ToUpperInvariant(), unitId, page ?? 1, pageSize ?? 50);
        return TypedResults.Ok(await DossierQuery.ListAsync(filter, db, time, ct));
    }

    private static async Task<IResult> GetAsync(string number, MotCuaDb db, TimeProvider time, HttpContext http, IAuthorizationService authorization, CancellationToken ct)
    {
        if (!DossierNumber.TryParse(number, out var n))
        {
            return Problems.NotFound($"No dossier has the number '{number}'.");
        }

        var dossier = await DossierQuery.FindAsync(n, db, ct);
        if (dossier is null)
        {
            return Problems.NotFound($"No dossier has the number '{number}'.");
        }

        var full = (await authorization.AuthorizeAsync(http.User, Policies.FullPersonalData)).Succeeded;
        if (full)
        {
            db.Audit("personal-data.read", nameof(Dossier), dossier.Id.ToString(), dossier.Number.ToString());
            await db.SaveChangesAsync(ct);
        }

        return TypedResults.Ok(await DossierQuery.ToResponseAsync(dossier, db, time, http.User, full, ct));
    }

    private static async Task<IResult> TransitionAsync(string number, [FromBody] TransitionRequest? request, MotCuaDb db, TimeProvider time, FieldSync.FieldSettings fieldSettings, HttpContext http, CancellationToken ct)
    {
        if (fieldSettings.IsFieldNode)
        {
            return Problems.Result(StatusCodes.Status422UnprocessableEntity, "Not allowed by the rules", "A field kit only receives dossiers; later steps are taken at the centre after sync.", "field.receive-only");
        }

        var errors = new ValidationErrors();
        if (request?.Action is not { } action || action is DossierAction.Register or DossierAction.Receive || !Enum.IsDefined(action))
        {
            errors.Add("action", "The action is required: accept, decline, startProcessing, handOver, requestSupplement, supplementReceived, requestPayment, paymentReceived, complete, returnResult, withdraw, stop or apologise.");
        }

        if (request?.Version is not { } version || version < 1)
        {
            errors.Add("version", "The version of the dossier you saw is required.");
        }

        if (request?.ToOfficer?.Length > 64)
        {
            errors.Add("toOfficer", "The officer id is at most 64 characters.");
        }

        DateTimeOffset? promised = null;
        if (request?.PromisedAt is not null)
        {
            if (QueryValues.TryParseInstant(request.PromisedAt, out var p))
            {
                promised = p;
            }
            else
            {
                errors.Add("promisedAt", "promisedAt is an ISO 8601 instant with an offset.");
            }
        }

        if (errors.Any)
        {
            return errors.ToResult();
        }

        if (!DossierNumber.TryParse(number, out var n))
        {
            return Problems.NotFound($"No dossier has the number '{number}'.");
        }

        if (!DossierPermissions.May(http.User, request!.Action!.Value))
        {
            return Problems.Result(StatusCodes.Status403Forbidden, "Not your step", $"Your role does not take the action {EnumText.Of(request.Action.Value)}.", "dossier.action-not-permitted");
        }

        var command = new DossierCommand(request.Action.Value, request.Version!.Value, Actor.Of(http), request.Reason, request.ToOfficer, promised);
        var dossier = await TransitionDossier.ExecuteAsync(n, command, db, time, ct);
        return dossier is null
            ? Problems.NotFound($"No dossier has the number '{number}'.")
            : TypedResults.Ok(await DossierQuery.ToResponseAsync(dossier, db, time, http.User, fullPersonalData: true, ct));
    }
}
