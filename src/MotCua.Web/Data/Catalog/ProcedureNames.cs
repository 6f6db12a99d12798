using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Data.Catalog;

/// <summary>Procedures by code and name in the reader's language, for pickers and lists.</summary>
public static class ProcedureNames
{
    /// <summary>Every procedure of the catalogue, by code.</summary>
    public static async Task<IReadOnlyList<(string Code, string Name)>> AllAsync(MotCuaDb db, string culture, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return [.. (await db.Procedures.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct)).Select(p => (p.Code, p.Name.For(culture)))];
    }

    /// <summary>Each code with its procedure's name (the code itself for one not in the catalogue), in the given order.</summary>
    public static async Task<IReadOnlyList<(string Code, string Name)>> OfAsync(IReadOnlyList<string> codes, MotCuaDb db, string culture, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(db);
        var names = await db.Procedures.AsNoTracking().Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, p => p.Name, ct);
        return [.. codes.Select(code => (code, names.TryGetValue(code, out var name) ? name.For(culture) : code))];
    }
}
