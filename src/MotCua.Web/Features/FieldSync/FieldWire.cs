using System.Globalization;

namespace MotCua.Web.Features.FieldSync;

/// <summary>What the laptop and the centre agree on over the wire: limits, instants and the digest of an uploaded file.</summary>
public static class FieldWire
{
    /// <summary>Client ids one status request may ask about.</summary>
    public const int MaxStatusIds = 1000;

    /// <summary>Attachments one status request may ask about.</summary>
    public const int MaxStatusAttachments = 5000;

    /// <summary>RFC 9530 <c>Repr-Digest: sha-256=:base64:</c> → lowercase hex.</summary>
    public static bool TryParseDigest(string? header, out string sha256Hex)
    {
        sha256Hex = string.Empty;
        if (string.IsNullOrWhiteSpace(header) || header.Length > 300)
        {
            return false;
        }

        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("sha-256=:", StringComparison.OrdinalIgnoreCase) && part.EndsWith(':') && part.Length > 10)
            {
                var b64 = part["sha-256=:".Length..^1];
                var buffer = new byte[32];
                if (Convert.TryFromBase64String(b64, buffer, out var written) && written == 32)
                {
                    sha256Hex = Convert.ToHexStringLower(buffer);
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The <c>Repr-Digest</c> header of a file with this SHA-256.</summary>
    public static string Digest(byte[] sha256) => $"sha-256=:{Convert.ToBase64String(sha256)}:";

    /// <summary>An instant as the field API writes it: ISO 8601 with the sender's offset.</summary>
    public static string Instant(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}
