using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Web.Data;
using MotCua.Web.Data.Identity;

namespace MotCua.Web.Platform.Auth;

/// <summary>Puts the officer's unit, province, name and language into the sign-in ticket.</summary>
internal sealed class StaffClaimsFactory(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, MotCuaDb db)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffClaims.FullName, user.FullName));
        identity.AddClaim(new Claim(StaffClaims.Culture, user.Culture));
        if (user.UnitId is { } unitId)
        {
            var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Code, u.Name, u.ProvinceCode }).SingleOrDefaultAsync();
            identity.AddClaim(new Claim(StaffClaims.Unit, unitId.ToString()));
            if (unit is not null)
            {
                identity.AddClaim(new Claim(StaffClaims.UnitCode, unit.Code));
                identity.AddClaim(new Claim(StaffClaims.UnitName, unit.Name));
                identity.AddClaim(new Claim(StaffClaims.Province, unit.ProvinceCode));
            }
        }
        else if (user.ProvinceCode is { } province)
        {
            identity.AddClaim(new Claim(StaffClaims.Province, province));
        }

        return identity;
    }
}
