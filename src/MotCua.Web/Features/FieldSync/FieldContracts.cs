using MotCua.Domain.Calendar;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Outreach;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.FieldSync;

/// <param name="Unit">The commune the laptop will work for (administrators only; a leader's own unit otherwise).</param>
/// <param name="TeamId">The mobile team the laptop goes out with: its sessions bring their personal data into the kit.</param>
public sealed record IssueEnrolmentCodeRequest(string? Unit, Guid? TeamId);

public sealed record EnrolmentCodeResponse(string Code, DateTimeOffset ExpiresAt, string Unit, Guid? TeamId, string? TeamName);

/// <param name="Code">The one-time code the leader issued (valid 24 hours).</param>
/// <param name="Name">A name for the laptop, e.g. "Tổ 1 – laptop Dell".</param>
public sealed record EnrolRequest(string? Code, string? Name);

/// <param name="Secret">Shown once: the laptop sends <c>Authorization: Device {deviceId}.{secret}</c> on every call.</param>
public sealed record EnrolResponse(Guid DeviceId, string Secret, Guid UnitId, string Unit, string UnitName, Guid? TeamId, string? TeamName, DateTimeOffset ServerTime);

public sealed record FieldDeviceResponse(Guid Id, string Name, string Unit, Guid? TeamId, string? TeamName, DateTimeOffset EnrolledAt, DateTimeOffset? LastSeenAt, DateTimeOffset? RevokedAt);

public sealed record KitDevice(Guid Id, string Name, Guid? TeamId, string? TeamName);

public sealed record KitPeriod(TimeOnly Start, TimeOnly End);

public sealed record KitUnit(Guid Id, string Code, string Name, string ProvinceCode, string ProvinceName, IReadOnlyList<KitPeriod> Hours, TimeOnly SameDayCutoff);

public sealed record KitHamlet(Guid Id, string Name, double DistanceKm, int TravelMinutes, int Population, string? MeetingPlace);

public sealed record KitCalendarDay(DateOnly Date, CalendarDayKind Kind, LocalizedTextDocument Name);

public sealed record KitCalendarYear(int Year, IReadOnlyList<KitCalendarDay> Days, string? Source);

public sealed record KitTeam(Guid Id, string Name, int CrewSize, Equipment Equipment, IReadOnlyList<TeamMember> Members);

public sealed record KitCampaign(Guid Id, CampaignSettings Settings);

public sealed record KitSession(Guid Id, Guid CampaignId, DateOnly Date, SessionSlot Slot, Guid TeamId, Guid HamletId, IReadOnlyList<string> MemberIds, int ExpectedCases);

/// <summary>A team member's account, copied so that they sign in on the laptop with their usual password.</summary>
public sealed record KitAccount(string Id, string UserName, string FullName, string PasswordHash, string SecurityStamp, string Culture, IReadOnlyList<string> Roles);

/// <summary>An open dossier of a hamlet the team visits: personal data, only for the team's own sessions.</summary>
public sealed record KitDossier(string Number, DossierStatus Status, int Version, string Procedure, string ProcedureName, string ApplicantName,
    string? CitizenId, string? Phone, string? Address, Guid? HamletId, DateTimeOffset? DueAt, string? SupplementReason, DateOnly SessionDay);

public sealed record KitNumberBlock(DateOnly Day, int First, int Count);

/// <summary>Everything a laptop needs for the sessions of the coming days, and the dossier numbers it may print.</summary>
public sealed record FieldKitResponse(
    DateTimeOffset ServerTime,
    DateOnly From,
    DateOnly To,
    string PublicBaseUrl,
    KitDevice Device,
    KitUnit Unit,
    IReadOnlyList<KitHamlet> Hamlets,
    CatalogDocument Catalog,
    IReadOnlyList<KitCalendarYear> CalendarYears,
    IReadOnlyList<KitTeam> Teams,
    IReadOnlyList<KitCampaign> Campaigns,
    IReadOnlyList<KitSession> Sessions,
    IReadOnlyList<KitAccount> Accounts,
    IReadOnlyList<KitDossier> Dossiers,
    IReadOnlyList<KitNumberBlock> Blocks);

/// <param name="Id">The attachment's id, generated on the laptop; its bytes were uploaded with <c>PUT /api/field/attachments/{id}</c>.</param>
/// <param name="Sha256">Hex SHA-256 of the whole file.</param>
public sealed record FieldAttachmentRef(Guid? Id, string? Sha256, long? Size, string? FileName, string? ContentType);

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
    ApplicantRequest? Applicant = null,
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
