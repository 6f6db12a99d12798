using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Data.Audit;

namespace MotCua.Web.Data.FieldSync;

/// <summary>The field kit's own state: its enrolment with the centre and what the last kit brought. One row.</summary>
[NotAudited]
public sealed class FieldNodeState
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public string Server { get; set; } = string.Empty;

    public Guid DeviceId { get; set; }

    /// <summary>The device secret the centre issued at enrolment (sent with every call to the centre).</summary>
    public string DeviceSecret { get; set; } = string.Empty;

    public string DeviceName { get; set; } = string.Empty;

    public Guid UnitId { get; set; }

    public string UnitCode { get; set; } = string.Empty;

    public string UnitName { get; set; } = string.Empty;

    public Guid? TeamId { get; set; }

    public string? TeamName { get; set; }

    public DateTimeOffset EnrolledAt { get; set; }

    public DateTimeOffset? KitAt { get; set; }

    public DateOnly? KitFrom { get; set; }

    public DateOnly? KitTo { get; set; }

    /// <summary>Where citizens look dossiers up: the centre's public address, printed in the receipt's QR code.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The centre's clock minus the laptop's when the kit came (seconds): shown as a warning when large.</summary>
    public double ClockDifferenceSeconds { get; set; }

    public DateTimeOffset? LastSyncAt { get; set; }
}

internal sealed class FieldNodeStateConfiguration : IEntityTypeConfiguration<FieldNodeState>
{
    public void Configure(EntityTypeBuilder<FieldNodeState> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Server).HasMaxLength(500);
        b.Property(x => x.DeviceSecret).HasMaxLength(100);
        b.Property(x => x.DeviceName).HasMaxLength(FieldDevice.MaxNameLength);
        b.Property(x => x.UnitCode).HasMaxLength(32);
        b.Property(x => x.UnitName).HasMaxLength(200);
        b.Property(x => x.TeamName).HasMaxLength(100);
        b.Property(x => x.PublicBaseUrl).HasMaxLength(500);
    }
}
