using System.Security.Claims;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Features.Quality;

/// <summary>Which units' and provinces' index a user may read (the summaries are read with the scope filters off).</summary>
public static class QualityAccess
{
    /// <summary>An administrator any unit; a province viewer the units of their province; a centre leader their own.</summary>
    public static bool MayReadUnit(ClaimsPrincipal user, QualityIndexQuery.UnitInfo unit)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(unit);
        return user.IsInRole(Roles.Administrator)
            || (user.IsInRole(Roles.ProvinceViewer) && user.FindFirstValue(StaffClaims.Province) == unit.ProvinceCode)
            || (user.IsInRole(Roles.CentreLeader) && user.UnitId() == unit.Id);
    }

    public static bool MayReadProvince(ClaimsPrincipal user, string provinceCode)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Administrator) || (user.IsInRole(Roles.ProvinceViewer) && user.FindFirstValue(StaffClaims.Province) == provinceCode);
    }

    /// <summary>The province a user's ranking defaults to: their own (province viewer), or their unit's.</summary>
    public static string? DefaultProvince(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(StaffClaims.Province);
    }
}
