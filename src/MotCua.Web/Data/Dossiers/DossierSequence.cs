using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.Units;
using MotCua.Web.Data.Audit;

namespace MotCua.Web.Data.Dossiers;

/// <summary>The last sequence number issued per unit and receipt day: the NNNN of <c>&lt;unit&gt;-YYMMDD-NNNN</c>.</summary>
[NotAudited]
public sealed class DossierSequence
{
    public Guid UnitId { get; set; }

    public DateOnly Day { get; set; }

    public int Last { get; set; }
}

internal sealed class DossierSequenceConfiguration : IEntityTypeConfiguration<DossierSequence>
{
    public void Configure(EntityTypeBuilder<DossierSequence> b)
    {
        b.HasKey(s => new { s.UnitId, s.Day });
        b.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
