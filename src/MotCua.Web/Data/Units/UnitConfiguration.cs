using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.Calendar;
using MotCua.Domain.Units;

namespace MotCua.Web.Data.Units;

internal sealed class ProvinceConfiguration : IEntityTypeConfiguration<Province>
{
    public void Configure(EntityTypeBuilder<Province> b)
    {
        b.HasKey(p => p.Code);
        b.Property(p => p.Code).HasMaxLength(32);
        b.Property(p => p.Name).HasMaxLength(200);
    }
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.HasKey(u => u.Id);
        b.Property(u => u.Code).HasMaxLength(32);
        b.HasIndex(u => u.Code).IsUnique();
        b.Property(u => u.Name).HasMaxLength(200);
        b.Property(u => u.ProvinceCode).HasMaxLength(32);
        b.HasOne<Province>().WithMany().HasForeignKey(u => u.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        b.Property(u => u.Hours)
            .HasConversion(new JsonColumnConverter<OfficeHours>(), new JsonColumnComparer<OfficeHours>())
            .HasMaxLength(1000);
    }
}

internal sealed class HamletConfiguration : IEntityTypeConfiguration<Hamlet>
{
    public void Configure(EntityTypeBuilder<Hamlet> b)
    {
        b.HasKey(h => h.Id);
        b.Property(h => h.Name).HasMaxLength(200);
        b.Property(h => h.MeetingPlace).HasMaxLength(300);
        b.HasOne<Unit>().WithMany().HasForeignKey(h => h.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(h => new { h.UnitId, h.Name }).IsUnique();
        b.Property(h => h.Priority).HasConversion(new JsonColumnConverter<MotCua.Domain.Outreach.HamletPriority>(), new JsonColumnComparer<MotCua.Domain.Outreach.HamletPriority>()).HasMaxLength(500);
        b.Property(h => h.Version).IsConcurrencyToken();
    }
}
