using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.Units;

namespace MotCua.Web.Data.FieldSync;

/// <summary>
/// Dossier numbers the centre reserved for one device on one day: taken atomically from the same (unit, day) counter
/// the counter uses, so numbers printed offline are never issued twice.
/// </summary>
public sealed class FieldNumberBlock : IUnitOwned
{
    private FieldNumberBlock()
    {
    }

    public FieldNumberBlock(Guid deviceId, Guid unitId, DateOnly day, int first, int count, DateTimeOffset reservedAt)
    {
        Id = Guid.NewGuid();
        DeviceId = deviceId;
        UnitId = unitId;
        Day = day;
        First = first;
        Count = count;
        ReservedAt = reservedAt;
    }

    public Guid Id { get; private set; }

    public Guid DeviceId { get; private set; }

    public Guid UnitId { get; private set; }

    public DateOnly Day { get; private set; }

    public int First { get; private set; }

    public int Count { get; private set; }

    public DateTimeOffset ReservedAt { get; private set; }

    public bool Contains(int sequence) => sequence >= First && sequence < First + Count;
}

internal sealed class FieldNumberBlockConfiguration : IEntityTypeConfiguration<FieldNumberBlock>
{
    public void Configure(EntityTypeBuilder<FieldNumberBlock> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.DeviceId, x.Day });
        b.HasIndex(x => new { x.UnitId, x.Day, x.First }).IsUnique();
        b.HasOne<FieldDevice>().WithMany().HasForeignKey(x => x.DeviceId).OnDelete(DeleteBehavior.Restrict);
    }
}
