
namespace MotCua.Web.Platform.Auth;

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

    /// <summary>Set one's own offline PIN for a laptop of one's team, or (leaders) issue and revoke the team's (never administrators).</summary>
    public const string FieldPins = "field.pins";

    /// <summary>An enrolled field kit (device credential), acting for its own unit only.</summary>
    public const string FieldDevice = "field.device";
}
