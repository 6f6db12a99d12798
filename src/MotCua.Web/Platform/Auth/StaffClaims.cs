using System.Security.Claims;

namespace MotCua.Web.Platform.Auth;

public static class StaffClaims
{
    public const string Unit = "motcua:unit";
    public const string UnitCode = "motcua:unit_code";
    public const string UnitName = "motcua:unit_name";
    public const string Province = "motcua:province";
    public const string FullName = "motcua:name";
    public const string Culture = "motcua:culture";

    public static Guid? UnitId(this ClaimsPrincipal user) =>
        Guid.TryParse(user?.FindFirstValue(Unit), out var id) ? id : null;

    public static string? UnitCodeOf(this ClaimsPrincipal user) => user?.FindFirstValue(UnitCode);
}
