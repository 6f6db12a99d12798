using System.Security.Cryptography;
using MotCua.Domain;
using MotCua.Web.Data.Dossiers;

namespace MotCua.Web.Platform.Uploads;

/// <summary>What an uploaded file is, by its first bytes rather than its name or declared type.</summary>
public static class ScanFiles
{
    public static string? SniffContentType(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return "image/jpeg";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        return null;
    }

    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>A display name without path parts or control characters, at most 120 characters.</summary>
    public static string CleanName(string? name)
    {
        var n = Path.GetFileName((name ?? string.Empty).Replace('\\', '/')).Trim();
        n = new string(n.Where(c => !char.IsControl(c)).ToArray());
        if (n.Length == 0)
        {
            n = "scan";
        }

        return n.Length > 120 ? n[^120..] : n;
    }

    /// <summary>
    /// The name a scan is stored and downloaded under: the cleaned name with the extension of the type its content was
    /// found to be, so that a PDF sent as <c>thu.html</c> or <c>anh.svg</c> is kept (and later served) as <c>thu.pdf</c>.
    /// </summary>
    public static string StoredName(string? name, string contentType)
    {
        var extension = contentType switch
        {
            "application/pdf" => ".pdf",
            "image/jpeg" => ".jpg",
            "image/png" => ".png",
            _ => ".bin",
        };
        var stem = Path.GetFileNameWithoutExtension(CleanName(name)).TrimEnd('.', ' ');
        if (stem.Length == 0)
        {
            stem = "scan";
        }

        return (stem.Length > 116 ? stem[^116..] : stem) + extension;
    }

    /// <summary>Checks one upload and returns it as an attachment plus its bytes.</summary>
    public static (string ContentType, string Sha256) Check(string fileName, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0)
        {
            throw new DomainRuleException("scan.empty", $"{fileName} is empty.", RuleKind.Invalid);
        }

        if (bytes.Length > Attachment.MaxBytes)
        {
            throw new DomainRuleException("scan.too-large", $"{fileName} is larger than {Attachment.MaxBytes / 1024 / 1024} MB.", RuleKind.Invalid);
        }

        var type = SniffContentType(bytes.AsSpan(0, Math.Min(16, bytes.Length)))
            ?? throw new DomainRuleException("scan.type-not-allowed", $"{fileName} is not a PDF, JPEG or PNG file.", RuleKind.Invalid);
        return (type, Sha256Hex(bytes));
    }
}
