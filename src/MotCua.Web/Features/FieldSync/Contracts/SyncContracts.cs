using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Outreach;
using MotCua.Web.Data.FieldSync;

namespace MotCua.Web.Features.FieldSync;

/// <param name="Id">The attachment's id, generated on the laptop; its bytes were uploaded with <c>PUT /api/field/attachments/{id}</c>.</param>
/// <param name="Sha256">Hex SHA-256 of the whole file.</param>
public sealed record FieldAttachmentRef(Guid? Id, string? Sha256, long? Size, string? FileName, string? ContentType);

/// <summary>The applicant of a dossier received in the field, as the laptop recorded them (the same shape as the counter's).</summary>
/// <param name="Consent">The person consented to the processing of their data (required for assisted services without a legal basis).</param>
public sealed record FieldApplicant(string? CitizenId, string? FullName, string? Phone, string? Address, Guid? HamletId, bool? Consent = null);

/// <param name="ClientId">Generated on the laptop; the same item sent again is answered <c>already-synced</c>.</param>
/// <param name="Kind">dossier (a new dossier) or transition (a step on a dossier from the kit).</param>
/// <param name="Number">The number printed on the receipt: it must come from one of this device's blocks.</param>
/// <param name="ReceivedAt">When the citizen handed the papers in (or the step was taken), by the laptop's clock.</param>
/// <param name="BaseVersion">For a transition: the dossier version the kit carried.</param>
/// <param name="ReceivedBy">The staff account that did the work on the laptop.</param>
/// <param name="Action">For a transition: supplementReceived or returnResult.</param>
public sealed record FieldSyncItem(
    Guid? ClientId,
    FieldItemKind? Kind,
    string? Number,
    string? LookupSecret = null,
    string? Procedure = null,
    Channel? Channel = null,
    FieldApplicant? Applicant = null,
    string? ReceivedAt = null,
    IReadOnlyList<string>? Papers = null,
    Guid? OutreachSession = null,
    IReadOnlyList<PriorityGroup>? PriorityGroups = null,
    IReadOnlyList<FieldAttachmentRef?>? Attachments = null,
    int? BaseVersion = null,
    bool NeedsVerification = false,
    string? ReceivedBy = null,
    DossierAction? Action = null,
    string? Reason = null);

/// <param name="SentAt">The laptop's clock when it sent the batch: the centre measures the clock skew from it.</param>
public sealed record FieldSyncRequest(string? SentAt, IReadOnlyList<FieldSyncItem?>? Items);

/// <summary>RFC 9457 problem details for one refused item.</summary>
public sealed record FieldProblem(string Type, string Title, int Status, string Detail, string Code, IReadOnlyDictionary<string, string[]>? Errors = null);

/// <param name="Retriable">For a refusal: true when sending the item again later can succeed (e.g. its scans are still uploading).</param>
public sealed record FieldItemResult(
    Guid ClientId,
    FieldItemOutcome Outcome,
    string? Number = null,
    DateTimeOffset? ReceivedAt = null,
    DateTimeOffset? DueAt = null,
    Guid? ConflictId = null,
    bool? Retriable = null,
    FieldProblem? Problem = null);

/// <param name="SkewSeconds">The centre's clock minus the laptop's, as applied to the batch's field times (0 within tolerance).</param>
public sealed record FieldSyncResponse(DateTimeOffset ServerTime, double SkewSeconds, IReadOnlyList<FieldItemResult> Items);

public sealed record FieldStatusRequest(IReadOnlyList<Guid>? ClientIds, IReadOnlyList<Guid>? Attachments);

public sealed record FieldItemStatus(Guid ClientId, FieldItemOutcome Outcome, string Number, DateTimeOffset? ReceivedAt, DateTimeOffset? DueAt, Guid? ConflictId);

public sealed record FieldAttachmentStatus(Guid Id, long Size, long Received, bool Complete);

/// <summary>What the centre already holds of the items and attachments asked about; the ones it does not know are left out.</summary>
public sealed record FieldStatusResponse(DateTimeOffset ServerTime, IReadOnlyList<FieldItemStatus> Items, IReadOnlyList<FieldAttachmentStatus> Attachments);

public sealed record FieldUploadResponse(Guid Id, long Size, long Received, bool Complete);
