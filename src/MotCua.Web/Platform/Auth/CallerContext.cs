using System.Security.Claims;

namespace MotCua.Web.Platform.Auth;

/// <summary>
/// Which units' data a request may touch. Every query of unit-owned data is filtered by it (EF global query filters
/// on <see cref="MotCua.Domain.Units.IUnitOwned"/>), so a feature cannot forget it. The default is nothing.
/// </summary>
public sealed record DataScope(bool All, IReadOnlyList<Guid> UnitIds)
{
    public static readonly DataScope None = new(false, []);

    /// <summary>Work the application does itself (migrations, seeding, commands).</summary>
    public static readonly DataScope System = new(true, []);

    public static DataScope Units(params Guid[] ids) => new(false, ids);
}

/// <summary>Who is calling and what they may see, for the data layer and the audit trail. One per request.</summary>
public sealed class CallerContext
{
    public DataScope Scope { get; set; } = DataScope.None;

    public string ActorId { get; set; } = "anonymous";

    public string? ActorName { get; set; }

    public string? Ip { get; set; }

    public Guid? UnitId { get; set; }

    public ClaimsPrincipal? User { get; set; }

    public void UseSystem(string actor = Platform.Actor.System)
    {
        Scope = DataScope.System;
        ActorId = actor;
        ActorName = actor;
    }
}

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
