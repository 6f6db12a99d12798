using Microsoft.AspNetCore.Identity;

namespace MotCua.Web.Platform.Auth;

/// <summary>A staff account: an officer of one commune, or a province or system role.</summary>
public sealed class StaffUser : IdentityUser
{
    public string FullName { get; set; } = string.Empty;

    /// <summary>The commune or ward the officer works for; null for administrators and province viewers.</summary>
    public Guid? UnitId { get; set; }

    /// <summary>For province viewers: the province whose communes they may read.</summary>
    public string? ProvinceCode { get; set; }

    /// <summary>The interface language the user chose: vi, en or id.</summary>
    public string Culture { get; set; } = "vi";
}

/// <summary>The roles of <c>docs/security.md</c>.</summary>
public static class Roles
{
    public const string Administrator = "administrator";
    public const string ProvinceViewer = "province-viewer";
    public const string CentreLeader = "centre-leader";
    public const string CounterOfficer = "counter-officer";
    public const string Specialist = "specialist";
    public const string FieldAgent = "field-agent";

    public static readonly string[] All = [Administrator, ProvinceViewer, CentreLeader, CounterOfficer, Specialist, FieldAgent];

    /// <summary>Roles bound to one unit (their data scope is that unit).</summary>
    public static readonly string[] UnitRoles = [CentreLeader, CounterOfficer, Specialist, FieldAgent];

    public static bool IsValid(string? role) => role is not null && All.Contains(role);
}

/// <summary>Authorization policies; every staff endpoint names one.</summary>
public static class Policies
{
    /// <summary>Any signed-in staff member.</summary>
    public const string Staff = "staff";

    /// <summary>Read dossiers of the user's scope (personal data masked unless <see cref="FullPersonalData"/>).</summary>
    public const string ReadDossiers = "dossiers.read";

    /// <summary>Receive dossiers at the counter or in the field.</summary>
    public const string ReceiveDossiers = "dossiers.receive";

    /// <summary>Move dossiers through their states (each action is checked again per role).</summary>
    public const string ProcessDossiers = "dossiers.process";

    /// <summary>See full citizen IDs, phone numbers and addresses on a dossier's own page (each read is audited).</summary>
    public const string FullPersonalData = "personal-data.full";

    public const string ManageCatalogue = "catalogue.manage";

    public const string ManageCalendar = "calendar.manage";

    public const string ReadAudit = "audit.read";

    public const string ManageUsers = "users.manage";

    /// <summary>See the unit's outreach campaigns, sessions and reports.</summary>
    public const string ReadOutreach = "outreach.read";

    /// <summary>Create and plan campaigns, edit teams and hamlet profiles, move sessions.</summary>
    public const string ManageOutreach = "outreach.manage";

    /// <summary>Record what a session did (its report).</summary>
    public const string ReportOutreach = "outreach.report";

    /// <summary>Issue enrolment codes for field kits, list and revoke devices (administrators for any unit, leaders for theirs).</summary>
    public const string ManageFieldDevices = "field.devices.manage";

    /// <summary>Decide what happens to a dossier changed both at the centre and in the field.</summary>
    public const string ResolveSyncConflicts = "field.conflicts.resolve";

    /// <summary>An enrolled field kit (device credential), acting for its own unit only.</summary>
    public const string FieldDevice = "field.device";
}
