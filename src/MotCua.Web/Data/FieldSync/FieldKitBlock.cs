using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.Units;
using MotCua.Web.Data.Audit;

namespace MotCua.Web.Data.FieldSync;

/// <summary>A block of dossier numbers the centre reserved for this laptop, and how many of them intake has used.</summary>
[NotAudited]
public sealed class FieldKitBlock : IUnitOwned
{
    public Guid Id { get; set; }

    public Guid UnitId { get; set; }

    public DateOnly Day { get; set; }

    public int First { get; set; }

    public int Count { get; set; }

    public int Used { get; set; }
}

internal sealed class FieldKitBlockConfiguration : IEntityTypeConfiguration<FieldKitBlock>
{
    public void Configure(EntityTypeBuilder<FieldKitBlock> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.UnitId, x.Day, x.First }).IsUnique();
    }
}
