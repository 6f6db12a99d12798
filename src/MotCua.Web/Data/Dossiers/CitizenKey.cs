using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;

namespace MotCua.Web.Data.Dossiers;

/// <summary>
/// The citizen's key to a dossier: its number and the lookup secret printed on the receipt. Holding both, not a staff
/// scope, is what grants a public read, a rating or a complaint about it, so the lookup ignores the scope filters and
/// compares the secret in constant time.
/// </summary>
public static class CitizenKey
{
    /// <summary>Longest secret worth comparing; anything longer is a typo or a probe.</summary>
    public const int MaxSecretLength = 32;

    /// <summary>Constant-time comparison of a receipt secret (case-insensitive, as people type it); false when there is none.</summary>
    public static bool Matches(string? expected, string? given)
    {
        var a = Encoding.UTF8.GetBytes(expected ?? "-no-such-record-");
        var b = Encoding.UTF8.GetBytes((given ?? string.Empty).Trim().ToUpperInvariant());
        return CryptographicOperations.FixedTimeEquals(a, b) && expected is not null;
    }

    /// <summary>The number as parsed, when it is one and the secret is worth comparing.</summary>
    public static bool TryRead(string? number, string? secret, out DossierNumber parsed) =>
        DossierNumber.TryParse(number?.Trim(), out parsed) && !string.IsNullOrWhiteSpace(secret) && secret.Length <= MaxSecretLength;

    /// <summary>The dossier whose number and lookup secret match; null otherwise (a wrong secret and an unknown number alike).</summary>
    public static async Task<Dossier?> FindDossierAsync(MotCuaDb db, string? number, string? secret, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!TryRead(number, secret, out var n))
        {
            return null;
        }

        var dossier = await db.Dossiers.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(d => d.Number == n, ct);
        return Matches(dossier?.LookupSecret, secret) ? dossier : null;
    }
}
