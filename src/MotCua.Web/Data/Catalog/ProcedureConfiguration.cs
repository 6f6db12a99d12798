using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.Catalog;

namespace MotCua.Web.Data.Catalog;

internal sealed class ProcedureConfiguration : IEntityTypeConfiguration<Procedure>
{
    public void Configure(EntityTypeBuilder<Procedure> b)
    {
        b.HasKey(p => p.Id);
        b.Property(p => p.Code).HasMaxLength(32);
        b.HasIndex(p => p.Code).IsUnique();
        b.Property(p => p.Field).HasMaxLength(64);
        b.ComplexProperty(p => p.Name, n =>
        {
            n.Property(x => x.Vi).HasColumnName("NameVi").HasMaxLength(300);
            n.Property(x => x.En).HasColumnName("NameEn").HasMaxLength(300);
            n.Property(x => x.Id).HasColumnName("NameId").HasMaxLength(300);
        });
        b.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.ProcedureId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Versions).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_versions");
    }
}

internal sealed class ProcedureVersionConfiguration : IEntityTypeConfiguration<ProcedureVersion>
{
    public void Configure(EntityTypeBuilder<ProcedureVersion> b)
    {
        b.HasKey(v => v.Id);
        b.HasIndex(v => new { v.ProcedureId, v.EffectiveFrom }).IsUnique();
        b.Ignore(v => v.Rules);
        b.Property(v => v.Fee).HasConversion(new JsonColumnConverter<Fee>(), new JsonColumnComparer<Fee>());
        b.Property(v => v.Papers).HasConversion(new JsonColumnConverter<IReadOnlyList<RequiredPaper>>(), new JsonColumnComparer<IReadOnlyList<RequiredPaper>>());
        b.Property(v => v.Channels).HasConversion(new JsonColumnConverter<IReadOnlyList<Channel>>(), new JsonColumnComparer<IReadOnlyList<Channel>>()).HasMaxLength(200);
        b.Property(v => v.ExtendedTimeLimit).HasConversion(new TimeLimitConverter()).HasMaxLength(16);
        b.Property(v => v.LegalBasis).HasMaxLength(500);
    }
}
