using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Data.Audit;
using MotCua.Web.Data.Dossiers;
using MotCua.Web.Data.FieldSync;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Features.FieldSync.Centre;

/// <summary>The centre's side of the field kit: enrolment, the kit, resumable attachment upload, batch sync and status.</summary>
public static class FieldApi
{
    public static RouteGroupBuilder MapFieldApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/field").WithTags("Field kit");
        group.MapPost("/devices", IssueCodeAsync).WithName("IssueEnrolmentCode").RequireAuthorization(Policies.ManageFieldDevices)
            .WithSummary("Issues a one-time enrolment code (valid 24 hours, stored hashed) for a laptop of the leader's unit (administrators name the unit), optionally tied to a mobile team.")
            .Produces<EnrolmentCodeResponse>(StatusCodes.Status201Created).ProducesValidationProblem();
        group.MapGet("/devices", ListDevicesAsync).WithName("ListFieldDevices").RequireAuthorization(Policies.ManageFieldDevices)
            .WithSummary("The enrolled laptops of the caller's scope, with when they were last seen and whether they are revoked.")
            .Produces<IReadOnlyList<FieldDeviceResponse>>();
        group.MapPost("/devices/{id:guid}/revoke", RevokeAsync).WithName("RevokeFieldDevice").RequireAuthorization(Policies.ManageFieldDevices)
            .WithSummary("Revokes a laptop's credential: every call it makes afterwards answers 401.")
            .Produces<FieldDeviceResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/devices/{id:guid}/pins", ListPinsAsync).WithName("ListFieldPins").RequireAuthorization(Policies.FieldPins)
            .WithSummary("The members of the laptop's team and whether each has an offline PIN for it (a member sees their own line; leaders all).")
            .Produces<IReadOnlyList<FieldPinResponse>>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/devices/{id:guid}/pins/{userId}", SetPinAsync).WithName("SetFieldPin").RequireAuthorization(Policies.FieldPins)
            .WithSummary("A member sets their own offline PIN for a laptop of their team ({\"pin\":\"…\"}); a centre leader issues one ({}), shown once. The laptop's next kit carries it as a slow hash for that laptop only.")
            .Produces<FieldPinResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/devices/{id:guid}/pins/{userId}/revoke", RevokePinAsync).WithName("RevokeFieldPin").RequireAuthorization(Policies.FieldPins)
            .WithSummary("Revokes a member's offline PIN for a laptop (the member or a leader): the next kit removes the account from the laptop, and items the laptop sends in that member's name from then on are refused.")
            .Produces<FieldPinResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/enrol", EnrolAsync).WithName("EnrolFieldDevice").AllowAnonymous().RequireRateLimiting(Hardening.SignInRateLimit)
            .WithSummary("A laptop trades a one-time code for a device id and secret (shown once; the centre keeps its hash). Then it calls with Authorization: Device {id}.{secret}.")
            .Produces<EnrolResponse>(StatusCodes.Status201Created).ProducesValidationProblem();
        group.MapGet("/kit", KitAsync).WithName("GetFieldKit").RequireAuthorization(Policies.FieldDevice)
            .WithSummary("The kit for the coming days: catalogue, calendar, unit, hamlets, sessions, team accounts, personal data of the team's own sessions and a block of dossier numbers per session day (days=yyyy-MM-dd,… adds days; size=N numbers per day). Repeating it reserves nothing more.")
            .Produces<FieldKitResponse>().ProducesValidationProblem();
        group.MapPut("/attachments/{id:guid}", UploadAsync).WithName("UploadFieldAttachment").RequireAuthorization(Policies.FieldDevice)
            .WithSummary("One chunk of an attachment (application/octet-stream) with Content-Range: bytes a-b/total and Repr-Digest: sha-256=:base64: of the whole file. Resumable; verified when complete.")
            .Accepts<byte[]>("application/octet-stream")
            .Produces<FieldUploadResponse>().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/sync", SyncAsync).WithName("SyncFieldBatch").RequireAuthorization(Policies.FieldDevice)
            .WithSummary("A batch of field items; each is answered created, already-synced, conflict or rejected (problem details, retriable or not) and committed on its own.")
            .Produces<FieldSyncResponse>().ProducesValidationProblem();
        group.MapPost("/status", StatusAsync).WithName("FieldSyncStatus").RequireAuthorization(Policies.FieldDevice)
            .WithSummary("What the centre already holds of these client ids and attachments (bytes received), so a laptop resumes without sending twice.")
            .Produces<FieldStatusResponse>().ProducesValidationProblem();
        group.MapGet("/conflicts", ConflictsAsync).WithName("ListSyncConflicts").RequireAuthorization(Policies.ResolveSyncConflicts)
            .WithSummary("Dossiers changed both at the centre and in the field, open ones first (resolved=true lists the decided ones).")
            .Produces<IReadOnlyList<SyncConflictResponse>>();
        group.MapPost("/conflicts/{id:guid}/resolve", ResolveAsync).WithName("ResolveSyncConflict").RequireAuthorization(Policies.ResolveSyncConflicts)
            .WithSummary("A leader applies the field's step to the dossier as it is now (422 if the dossier no longer allows it) or keeps the centre's version.")
            .Produces<SyncConflictResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return group;
    }

    private static async Task<IResult> ConflictsAsync(bool? resolved, MotCuaDb db, CancellationToken ct) =>
        TypedResults.Ok(await ResolveSyncConflict.ListAsync(resolved != true, db, ct));

    private static async Task<IResult> ResolveAsync(Guid id, [FromBody] ResolveConflictRequest? request, MotCuaDb db, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        if (request?.Resolution is not { } resolution || !Enum.IsDefined(resolution))
        {
            return Problems.Invalid("resolution", "Choose applied (take the field's step now) or kept (the centre's version stands).");
        }

        if (request.Note?.Length > 1000)
        {
            return Problems.Invalid("note", "The note is at most 1000 characters.");
        }

        var conflict = await ResolveSyncConflict.ExecuteAsync(id, resolution, request.Note, request.Version, Actor.Of(http), db, time, ct);
        if (conflict is null)
        {
            return Problems.NotFound("No such conflict in your unit.");
        }

        var all = await ResolveSyncConflict.ListAsync(false, db, ct);
        return TypedResults.Ok(all.Single(c => c.Id == id));
    }

    private static async Task<IResult> ListPinsAsync(Guid id, MotCuaDb db, HttpContext http, CancellationToken ct) =>
        await FieldOfflinePins.ListAsync(id, http.User, db, ct) is { } pins ? TypedResults.Ok(pins) : Problems.NotFound("No such laptop in your unit.");

    private static async Task<IResult> SetPinAsync(Guid id, string userId, [FromBody] SetFieldPinRequest? request, MotCuaDb db, TimeProvider time, FieldSettings settings, HttpContext http, CancellationToken ct)
    {
        if (request is null || userId.Length > 64)
        {
            return Problems.Invalid("pin", "Send {\"pin\":\"…\"} to set your own PIN, or {} to issue one as a leader.");
        }

        if (request.Pin is { Length: > FieldPins.MaxLength })
        {
            return Problems.Invalid("pin", $"A PIN is {FieldPins.MinLength}–{FieldPins.MaxLength} digits.");
        }

        var pin = await FieldOfflinePins.SetAsync(id, userId, request.Pin, http.User, db, time, settings, ct);
        return pin is null ? Problems.NotFound("No such laptop in your unit, or the person is not a member of its team.") : TypedResults.Ok(pin);
    }

    private static async Task<IResult> RevokePinAsync(Guid id, string userId, MotCuaDb db, TimeProvider time, HttpContext http, CancellationToken ct) =>
        userId.Length <= 64 && await FieldOfflinePins.RevokeAsync(id, userId, http.User, db, time, ct) is { } pin
            ? TypedResults.Ok(pin)
            : Problems.NotFound("No such laptop in your unit, or the person is not a member of its team.");

    internal static SyncFieldBatch.Device DeviceOf(HttpContext http) => new(
        http.User.DeviceId() ?? throw new InvalidOperationException("Not a device."),
        http.User.UnitId() ?? throw new InvalidOperationException("A device without a unit."),
        http.User.UnitCodeOf() ?? string.Empty,
        Actor.Of(http));

    private static async Task<IResult> IssueCodeAsync([FromBody] IssueEnrolmentCodeRequest? request, MotCuaDb db, TimeProvider time, FieldSettings settings, HttpContext http, CancellationToken ct)
    {
        if (request is null)
        {
            return Problems.Invalid("body", "Send {} for a laptop of your unit, or name the unit and the team.");
        }

        Guid unitId;
        if (http.User.UnitId() is { } own)
        {
            if (request?.Unit is { Length: > 0 } asked && asked.Trim() != http.User.UnitCodeOf())
            {
                return Problems.Result(ProblemKind.Denied, "field.other-unit", "A leader enrols laptops for their own unit only.");
            }

            unitId = own;
        }
        else if (request.TeamId is not null)
        {
            // An administrator's laptop carries no team: no accounts and no personal data ever reach it.
            return Problems.Result(ProblemKind.Denied, "field.admin-team", "Only a centre leader enrols a laptop for one of their unit's teams; an administrator enrols laptops without a team.");
        }
        else if (string.IsNullOrWhiteSpace(request?.Unit) || request.Unit.Length > 32)
        {
            return Problems.Invalid("unit", "Name the unit (its code) the laptop will work for.");
        }
        else if (await db.Units.Where(u => u.Code == request.Unit.Trim()).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct) is { } found)
        {
            unitId = found;
        }
        else
        {
            return Problems.Invalid("unit", $"No unit has the code '{request.Unit}'.");
        }

        var code = await FieldEnrolment.IssueCodeAsync(unitId, request?.TeamId, Actor.Of(http), db, time, settings, ct);
        return TypedResults.Created("/api/field/enrol", code);
    }

    private static async Task<IResult> ListDevicesAsync(MotCuaDb db, CancellationToken ct) => TypedResults.Ok(await FieldEnrolment.ListAsync(db, ct));

    private static async Task<IResult> RevokeAsync(Guid id, MotCuaDb db, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var device = await FieldEnrolment.RevokeAsync(id, Actor.Of(http), db, time, ct);
        return device is null ? Problems.NotFound("No such device in your unit.") : TypedResults.Ok(device);
    }

    private static async Task<IResult> EnrolAsync([FromBody] EnrolRequest? request, MotCuaDb db, TimeProvider time, FailureThrottle throttle, HttpContext http, CancellationToken ct)
    {
        // A wrong code is a guess at a secret: counted per address like a wrong password.
        var address = FailureThrottle.AddressOf(http);
        if (throttle.RetryAfter(throttle.Rules.SignInPerAddress, address) is { } wait)
        {
            return FailureThrottle.TooMany(http, wait);
        }

        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request?.Code) || request.Code.Length > 40)
        {
            errors.Add("code", "The enrolment code from the centre is required.");
        }

        if (string.IsNullOrWhiteSpace(request?.Name) || request.Name.Length > FieldDevice.MaxNameLength)
        {
            errors.Add("name", $"A name for the laptop (1–{FieldDevice.MaxNameLength} characters) is required.");
        }

        if (errors.Any)
        {
            return errors.ToResult();
        }

        EnrolResponse enrolled;
        try
        {
            enrolled = await FieldEnrolment.EnrolAsync(request!.Code!, request.Name!, db, time, ct);
        }
        catch (Domain.DomainRuleException ex) when (ex.Code == "field.code-invalid")
        {
            throttle.Fail(throttle.Rules.SignInPerAddress, address);
            throw;
        }

        return TypedResults.Created($"/api/field/devices/{enrolled.DeviceId}", enrolled);
    }

    private static async Task<IResult> KitAsync(string? days, int? size, MotCuaDb db, TimeProvider time, FieldSettings settings, IConfiguration configuration, HttpContext http, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var extra = new List<DateOnly>();
        if (days is { Length: > 400 })
        {
            errors.Add("days", "At most a few days, as yyyy-MM-dd separated by commas.");
        }
        else
        {
            foreach (var d in (days ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (QueryValues.TryParseDate(d, out var day))
                {
                    extra.Add(day);
                }
                else
                {
                    errors.Add("days", $"'{d}' is not a date yyyy-MM-dd.");
                }
            }
        }

        if (size is < 1 or > FieldSettings.MaxBlock)
        {
            errors.Add("size", $"size is 1–{FieldSettings.MaxBlock} numbers per day.");
        }

        if (errors.Any)
        {
            return errors.ToResult();
        }

        var publicBase = configuration["MotCua:PublicBaseUrl"] is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{http.Request.Scheme}://{http.Request.Host}";
        var kit = await BuildFieldKit.ExecuteAsync(DeviceOf(http).Id, extra, size, publicBase, db, time, settings, ct);
        return TypedResults.Ok(kit);
    }

    private static async Task<IResult> UploadAsync(Guid id, HttpRequest request, MotCuaDb db, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        if (request.ContentType is not { } type || !MediaTypeHeaderValue.TryParse(type, out var media) || media.MediaType != "application/octet-stream")
        {
            return Problems.Result(ProblemKind.MediaType, "field.upload-type", "Send the chunk's bytes as application/octet-stream.");
        }

        if (id == Guid.Empty)
        {
            return Problems.Invalid("id", "The attachment id is a UUID generated on the laptop.");
        }

        if (!ContentRangeHeaderValue.TryParse(request.Headers.ContentRange.ToString(), out var range)
            || range.Unit != "bytes" || range.From is not { } from || range.To is not { } to || range.Length is not { } total || from < 0 || to < from || to >= total)
        {
            return Problems.Invalid("Content-Range", "Content-Range: bytes {first}-{last}/{file size} is required.");
        }

        if (total > Attachment.MaxBytes)
        {
            return Problems.Result(ProblemKind.TooLarge, "scan.too-large", $"A scan is at most {Attachment.MaxBytes / 1024 / 1024} MB.");
        }

        var length = to - from + 1;
        if (length > FieldSettings.MaxChunkBytes)
        {
            return Problems.Result(ProblemKind.TooLarge, "field.chunk-too-large", $"A chunk is at most {FieldSettings.MaxChunkBytes / 1024 / 1024} MB.");
        }

        if (!FieldWire.TryParseDigest(request.Headers["Repr-Digest"].ToString(), out var sha256))
        {
            return Problems.Invalid("Repr-Digest", "Repr-Digest: sha-256=:{base64 SHA-256 of the whole file}: is required.");
        }

        if (request.ContentLength is { } declared && declared != length)
        {
            return Problems.Invalid("Content-Length", "The body must hold exactly the bytes of the Content-Range.");
        }

        var bytes = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = await request.Body.ReadAsync(bytes.AsMemory(read), ct);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        if (read != length || await request.Body.ReadAsync(new byte[1], ct) != 0)
        {
            return Problems.Invalid("Content-Range", "The body must hold exactly the bytes of the Content-Range.");
        }

        var result = await FieldWriteGate.RunAsync(db, () => ReceiveAttachmentChunk.ExecuteAsync(new ReceiveAttachmentChunk.Chunk(id, from, to, total, sha256, bytes), DeviceOf(http), db, time, ct), ct);
        return result.Problem is null ? TypedResults.Ok(result.Upload) : TypedResults.Problem(result.Problem);
    }

    private static async Task<IResult> SyncAsync([FromBody] FieldSyncRequest? request, MotCuaDb db, TimeProvider time, FieldSettings settings, HttpContext http, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (!QueryValues.TryParseInstant(request?.SentAt, out var sentAt))
        {
            errors.Add("sentAt", "sentAt is the laptop's clock when it sent the batch, ISO 8601 with an offset.");
        }

        if (request?.Items is not { Count: > 0 and <= FieldSettings.MaxBatch } items)
        {
            errors.Add("items", $"A batch has 1–{FieldSettings.MaxBatch} items.");
        }
        else
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i]?.ClientId is not { } c || c == Guid.Empty)
                {
                    errors.Add($"items[{i}].clientId", "Each item needs the UUID the laptop gave it.");
                }

                if (items[i]?.Kind is not { } k || !Enum.IsDefined(k))
                {
                    errors.Add($"items[{i}].kind", "Each item is a dossier or a transition.");
                }
            }
        }

        if (errors.Any)
        {
            return errors.ToResult();
        }

        var response = await SyncFieldBatch.ExecuteAsync(DeviceOf(http), sentAt, [.. request!.Items!.Select(i => i!)], db, time, settings, ct);
        return TypedResults.Ok(response);
    }

    private static async Task<IResult> StatusAsync([FromBody] FieldStatusRequest? request, MotCuaDb db, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (request is null)
        {
            errors.Add("body", "clientIds and attachments are required (either may be empty).");
        }

        if (request?.ClientIds?.Count > FieldWire.MaxStatusIds)
        {
            errors.Add("clientIds", $"At most {FieldWire.MaxStatusIds} client ids per call.");
        }

        if (request?.Attachments?.Count > FieldWire.MaxStatusAttachments)
        {
            errors.Add("attachments", $"At most {FieldWire.MaxStatusAttachments} attachment ids per call.");
        }

        if (errors.Any)
        {
            return errors.ToResult();
        }

        var device = DeviceOf(http);
        var ids = request!.ClientIds?.Distinct().ToList() ?? [];
        var records = ids.Count == 0 ? [] : await db.FieldSyncRecords.AsNoTracking().Where(r => r.DeviceId == device.Id && ids.Contains(r.ClientId)).ToListAsync(ct);
        var dossierIds = records.Where(r => r.DossierId is not null).Select(r => r.DossierId!.Value).Distinct().ToList();
        var due = dossierIds.Count == 0 ? [] : await db.Dossiers.AsNoTracking().Where(d => dossierIds.Contains(d.Id)).Select(d => new { d.Id, d.OriginalDueAt }).ToDictionaryAsync(d => d.Id, d => d.OriginalDueAt, ct);
        var attachments = await ReceiveAttachmentChunk.StatusAsync(request.Attachments?.Distinct().ToList() ?? [], device, db, ct);
        var now = time.GetUtcNow();
        (await db.FieldDevices.SingleAsync(d => d.Id == device.Id, ct)).Seen(now);
        db.Audit(AuditActions.FieldStatus, nameof(FieldDevice), device.Id.ToString(), $"{ids.Count} items asked, {records.Count} held; {attachments.Count} attachments known");
        await FieldWriteGate.RunAsync(db, () => db.SaveChangesAsync(ct), ct);
        static DateTimeOffset? Local(DateTimeOffset? at) => at is { } a ? Domain.Calendar.WorkingCalendar.ToLocal(a) : null;
        return TypedResults.Ok(new FieldStatusResponse(now,
            [.. records.Select(r => new FieldItemStatus(r.ClientId, r.Outcome, r.Number, Local(r.CorrectedAt), r.DossierId is { } d ? Local(due.GetValueOrDefault(d)) : null, r.ConflictId))],
            attachments));
    }
}
