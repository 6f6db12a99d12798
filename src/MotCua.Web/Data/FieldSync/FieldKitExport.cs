using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Units;
using MotCua.Web.Data.Audit;

namespace MotCua.Web.Data.FieldSync;

/// <summary>
/// A dossier a device's kit carried (its personal data left the centre for that laptop). A field step is taken only on
/// a dossier its own device's kit carried. Audited as the <c>personal-data.export</c> it stands for.
/// </summary>
[NotAudited]
public sealed class FieldKitExport : IUnitOwned
{
    private FieldKitExport()
    {
    }

    public FieldKitExport(Guid deviceId, Guid unitId, Guid dossierId, DateOnly sessionDay, DateTimeOffset at)
    {
        DeviceId = deviceId;
        UnitId = unitId;
        DossierId = dossierId;
        SessionDay = sessionDay;
        FirstExportedAt = at;
        LastExportedAt = at;
    }

    public Guid DeviceId { get; private set; }

    public Guid DossierId { get; private set; }

    public Guid UnitId { get; private set; }

    public DateOnly SessionDay { get; private set; }

    public DateTimeOffset FirstExportedAt { get; private set; }

    public DateTimeOffset LastExportedAt { get; private set; }

    public void Again(DateOnly sessionDay, DateTimeOffset at)
    {
        SessionDay = sessionDay;
        LastExportedAt = at;
    }
}

internal sealed class FieldKitExportConfiguration : IEntityTypeConfiguration<FieldKitExport>
{
    public void Configure(EntityTypeBuilder<FieldKitExport> b)
    {
        b.HasKey(x => new { x.DeviceId, x.DossierId });
        b.HasIndex(x => x.UnitId);
        b.HasOne<FieldDevice>().WithMany().HasForeignKey(x => x.DeviceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Dossier>().WithMany().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Restrict);
    }
}
