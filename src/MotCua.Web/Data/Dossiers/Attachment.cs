using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.Units;

namespace MotCua.Web.Data.Dossiers;

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
