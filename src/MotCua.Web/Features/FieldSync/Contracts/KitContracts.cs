using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Outreach;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Platform;

namespace MotCua.Web.Features.FieldSync;

public sealed record KitDevice(Guid Id, string Name, Guid? TeamId, string? TeamName);

public sealed record KitPeriod(TimeOnly Start, TimeOnly End);

public sealed record KitUnit(Guid Id, string Code, string Name, string ProvinceCode, string ProvinceName, IReadOnlyList<KitPeriod> Hours, TimeOnly SameDayCutoff);

public sealed record KitHamlet(Guid Id, string Name, double DistanceKm, int TravelMinutes, int Population, string? MeetingPlace);

public sealed record KitCalendarDay(DateOnly Date, CalendarDayKind Kind, LocalizedTextDocument Name);

public sealed record KitCalendarYear(int Year, IReadOnlyList<KitCalendarDay> Days, string? Source);

public sealed record KitTeam(Guid Id, string Name, int CrewSize, Equipment Equipment, IReadOnlyList<TeamMember> Members);

public sealed record KitCampaign(Guid Id, CampaignSettings Settings);

public sealed record KitSession(Guid Id, Guid CampaignId, DateOnly Date, SessionSlot Slot, Guid TeamId, Guid HamletId, IReadOnlyList<string> MemberIds, int ExpectedCases);

/// <summary>
/// A team member of the laptop's team who has an offline PIN for this laptop: who they are and the PIN's verifier, made
/// for this laptop only (<c>Platform/Auth/FieldPins</c>). No password hash and no security stamp ever leaves the centre.
/// </summary>
public sealed record KitAccount(string Id, string UserName, string FullName, string PinVerifier, string Culture, IReadOnlyList<string> Roles);

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
