using System.Security.Cryptography;

namespace MotCua.Domain.Dossiers;

/// <summary>
/// The code printed on a receipt beside the dossier number, with which the citizen (and only the citizen) looks the
/// dossier up: 8 characters from an alphabet without look-alikes (no 0/O, 1/I), about 40 bits, typed from a paper slip.
/// </summary>
public static class LookupSecret
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, 8);

    /// <summary>True for a secret <see cref="New"/> could have made.</summary>
    public static bool IsWellFormed(string? secret) => secret is { Length: 8 } && secret.All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
