using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain;
using MotCua.Domain.Units;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// A scanned paper of a dossier (PDF, JPEG or PNG, checked by content). The bytes live in the database beside the
/// dossier, so that several stateless web nodes serve the same files and a backup holds everything.
/// </summary>
public sealed class Attachment : IUnitOwned
{
    public const long MaxBytes = 10 * 1024 * 1024;

    private Attachment()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        Sha256 = string.Empty;
        UploadedBy = string.Empty;
    }

    public Attachment(Guid dossierId, Guid unitId, string fileName, string contentType, long size, string sha256, DateTimeOffset uploadedAt, string uploadedBy, Guid? id = null)
    {
        Id = id ?? Guid.NewGuid();
        DossierId = dossierId;
        UnitId = unitId;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        UploadedAt = uploadedAt;
        UploadedBy = uploadedBy;
    }

    public Guid Id { get; private set; }

    public Guid DossierId { get; private set; }

    public Guid UnitId { get; private set; }

    /// <summary>The name shown to staff (the uploaded name, cleaned); never used as a path.</summary>
    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long Size { get; private set; }

    /// <summary>Hex SHA-256 of the content: proves integrity and lets a re-sent file be recognised.</summary>
    public string Sha256 { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    public string UploadedBy { get; private set; }
}

/// <summary>
/// The bytes of an attachment, under the attachment's id. There is deliberately no foreign key to <see cref="Attachment"/>:
/// a field kit uploads the bytes first (in chunks, verified) and the attachment row follows when its dossier syncs, so
/// the bytes are written once (<c>docs/decisions/0006-field-sync.md</c>).
/// </summary>
public sealed class AttachmentContent
{
    public Guid Id { get; set; }

    public byte[] Bytes { get; set; } = [];
}

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

    /// <summary>Checks one upload and returns it as an attachment plus its bytes.</summary>
    public static (string ContentType, string Sha256) Check(string fileName, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0)
        {
            throw new DomainRuleException("scan.empty", $"{fileName} is empty.") { IsInvalidInput = true };
        }

        if (bytes.Length > Attachment.MaxBytes)
        {
            throw new DomainRuleException("scan.too-large", $"{fileName} is larger than {Attachment.MaxBytes / 1024 / 1024} MB.") { IsInvalidInput = true };
        }

        var type = SniffContentType(bytes.AsSpan(0, Math.Min(16, bytes.Length)))
            ?? throw new DomainRuleException("scan.type-not-allowed", $"{fileName} is not a PDF, JPEG or PNG file.") { IsInvalidInput = true };
        return (type, Sha256Hex(bytes));
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.HasKey(a => a.Id);
        b.HasIndex(a => a.DossierId);
        b.HasOne<Domain.Dossiers.Dossier>().WithMany().HasForeignKey(a => a.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.Property(a => a.FileName).HasMaxLength(200);
        b.Property(a => a.ContentType).HasMaxLength(64);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.Property(a => a.UploadedBy).HasMaxLength(64);
    }
}

internal sealed class AttachmentContentConfiguration : IEntityTypeConfiguration<AttachmentContent>
{
    public void Configure(EntityTypeBuilder<AttachmentContent> b)
    {
        b.HasKey(c => c.Id);
    }
}
