
namespace MotCua.Web.Platform.Auth;

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
