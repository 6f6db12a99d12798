using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Outreach;
using MotCua.Domain.Units;
using MotCua.Web.Data;
using MotCua.Web.Data.Dossiers;
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

    private static async Task<IResult> ReceiveAsync([FromBody] ReceiveDossierRequest? request, MotCuaDb db, TimeProvider time, IntakeNumbering numbering, NodeRole node, HttpContext http,
        IAuthorizationService authorization, CancellationToken ct)
    {
        var unit = http.User.UnitCodeOf();
        if (request?.Unit is { Length: > 0 } asked && unit is not null && !string.Equals(asked.Trim(), unit, StringComparison.Ordinal))
        {
            return Problems.Result(ProblemKind.Denied, "dossier.other-unit", $"You receive dossiers for {unit} only.");
        }

        var errors = new ValidationErrors();
        var input = InputOf(request, unit, Actor.Of(http), time.GetUtcNow(), errors);
        if (input is null)
        {
            return errors.ToResult();
        }

        IntakeRules.Check(http.User, input.Channel, numbering, api: true);
        var outcome = await ReceiveDossier.ExecuteAsync(input, db, time, numbering, ct);

        // A new dossier answers what the officer typed, and its secret for the receipt they print. A repeated client id
        // is a read of a dossier already there: audited like one, and with the secret only for the officer who received it.
        var d = outcome.Dossier;
        var applicant = outcome.Created ? ApplicantView.Of(d.Applicant, full: true) : await ReadDossier.ApplicantAsync(d, http.User, db, authorization, ct);
        var body = await DossierQuery.ToResponseAsync(d, db, time, http.User, node, applicant, ct, withSecret: outcome.Created || d.ReceivedBy == input.ActorId);
        return outcome.Created
            ? TypedResults.Created($"/api/dossiers/{body.Number}", body)
            : TypedResults.Ok(body);
    }

    /// <summary>The request as <see cref="ReceiveDossier.Input"/>, reporting every malformed field at once.</summary>
    private static ReceiveDossier.Input? InputOf(ReceiveDossierRequest? request, string? unit, string actorId, DateTimeOffset now, ValidationErrors errors)
    {
        if (request is null)
        {
            errors.Add("body", "The dossier is required.");
            return null;
        }

        if (request.ClientId is not { } clientId || clientId == Guid.Empty)
        {
            errors.Add("clientId", "A client-generated id (UUID) is required, so that a repeated request cannot create a second dossier.");
        }

        var procedure = ReceiveDossier.ReadProcedure(request.Procedure, errors);
        if (string.IsNullOrWhiteSpace(unit) || !UnitCodeFormat.IsValid(unit.Trim()))
        {
            errors.Add("unit", "The receiving unit is not known: the account must belong to a commune.");
        }

        if (request.Channel is not { } channel || !Enum.IsDefined(channel))
        {
            errors.Add("channel", "The channel is required: counter, online, post, outreach or homeVisit.", "dossier.channel-required");
        }

        DateTimeOffset? recordedAt = null;
        if (request.ReceivedAt is not null)
        {
            if (QueryValues.TryParseInstant(request.ReceivedAt, out var at))
            {
                recordedAt = at;
            }
            else
            {
                errors.Add("receivedAt", "receivedAt must be an ISO 8601 instant with an offset, e.g. 2026-11-14T09:30:00+07:00.", "dossier.received-at-invalid");
            }
        }

        var a = request.Applicant;
        if (a is null)
        {
            errors.Add("applicant", "The applicant is required.");
        }

        var applicant = a is null ? null : ReceiveDossier.ReadApplicant(a.CitizenId, a.FullName, a.Phone, a.Address, a.HamletId, a.Consent == true, now, errors);
        if (errors.Any)
        {
            return null;
        }

        ReceiveDossier.CheckPapers(request.Papers, errors);
        var groups = errors.Any ? PriorityGroup.None : ReceiveDossier.ReadPriorityGroups(request.PriorityGroups, errors);
        return errors.Any
            ? null
            : new ReceiveDossier.Input(request.ClientId!.Value, unit!.Trim(), procedure!, applicant!, request.Channel!.Value, recordedAt, request.NeedsVerification, actorId,
                request.Papers, null, request.OutreachSession, groups);
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

    private static async Task<IResult> GetAsync(string number, MotCuaDb db, TimeProvider time, NodeRole node, HttpContext http, IAuthorizationService authorization, CancellationToken ct)
    {
        var read = DossierNumber.TryParse(number, out var n) ? await ReadDossier.ExecuteAsync(n, http.User, db, authorization, ct) : null;
        return read is null
            ? Problems.NotFound($"No dossier has the number '{number}'.")
            : TypedResults.Ok(await DossierQuery.ToResponseAsync(read.Dossier, db, time, http.User, node, read.Applicant, ct));
    }

    private static async Task<IResult> TransitionAsync(string number, [FromBody] TransitionRequest? request, MotCuaDb db, TimeProvider time, NodeRole node, HttpContext http,
        IAuthorizationService authorization, CancellationToken ct)
    {
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
            return Problems.Result(ProblemKind.Denied, "dossier.action-not-permitted", $"Your role does not take the action {EnumText.Of(request.Action.Value)}.");
        }

        var command = new DossierCommand(request.Action.Value, request.Version!.Value, Actor.Of(http), request.Reason, request.ToOfficer, promised);
        var dossier = await TransitionDossier.ExecuteAsync(n, command, node, db, time, ct);
        return dossier is null
            ? Problems.NotFound($"No dossier has the number '{number}'.")
            : TypedResults.Ok(await DossierQuery.ToResponseAsync(dossier, db, time, http.User, node, await ReadDossier.ApplicantAsync(dossier, http.User, db, authorization, ct), ct));
    }
}
