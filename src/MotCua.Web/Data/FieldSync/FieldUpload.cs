using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.Units;
using MotCua.Web.Data.Audit;

namespace MotCua.Web.Data.FieldSync;

/// <summary>An attachment a device is uploading in chunks; once complete, its bytes are in <see cref="Dossiers.AttachmentContent"/> under the same id.</summary>
[NotAudited]
public sealed class FieldUpload : IUnitOwned
{
    private FieldUpload()
    {
        Sha256 = string.Empty;
    }

    public FieldUpload(Guid id, Guid deviceId, Guid unitId, string sha256, long size, DateTimeOffset startedAt)
    {
        Id = id;
        DeviceId = deviceId;
        UnitId = unitId;
        Sha256 = sha256;
        Size = size;
        StartedAt = startedAt;
    }

    public Guid Id { get; private set; }

    public Guid DeviceId { get; private set; }

    public Guid UnitId { get; private set; }

    /// <summary>Hex SHA-256 of the whole file, as the device announced it.</summary>
    public string Sha256 { get; private set; }

    public long Size { get; private set; }

    /// <summary>Contiguous bytes received from the start.</summary>
    public long Received { get; private set; }

    public string? ContentType { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public bool IsComplete => CompletedAt is not null;

    public void Append(long bytes) => Received += bytes;

    public void Complete(string contentType, DateTimeOffset at)
    {
        ContentType = contentType;
        Received = Size;
        CompletedAt = at;
    }
}

internal sealed class FieldUploadConfiguration : IEntityTypeConfiguration<FieldUpload>
{
    public void Configure(EntityTypeBuilder<FieldUpload> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.DeviceId);
        b.HasOne<FieldDevice>().WithMany().HasForeignKey(x => x.DeviceId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.ContentType).HasMaxLength(64);
        b.Ignore(x => x.IsComplete);
    }
}
