
namespace MotCua.Web.Data;

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
