using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.Outreach;
using MotCua.Domain.Units;

namespace MotCua.Web.Data.Outreach;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> b)
    {
        b.HasKey(t => t.Id);
        b.HasIndex(t => t.UnitId);
        b.HasOne<Unit>().WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Members).HasConversion(new JsonColumnConverter<IReadOnlyList<TeamMember>>(), new JsonColumnComparer<IReadOnlyList<TeamMember>>());
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Ignore(t => t.Missing);
    }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.HasKey(c => c.Id);
        b.HasIndex(c => c.UnitId);
        b.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.Settings).HasConversion(new JsonColumnConverter<CampaignSettings>(), new JsonColumnComparer<CampaignSettings>());
        b.Property(c => c.LastPlan).HasConversion(new JsonColumnConverter<PlanSummary?>(), new JsonColumnComparer<PlanSummary?>());
        b.Property(c => c.Version).IsConcurrencyToken();
    }
}

internal sealed class OutreachSessionConfiguration : IEntityTypeConfiguration<OutreachSession>
{
    public void Configure(EntityTypeBuilder<OutreachSession> b)
    {
        b.HasKey(s => s.Id);
        b.HasIndex(s => new { s.CampaignId, s.Date });
        b.HasIndex(s => new { s.UnitId, s.HamletId, s.Date });
        b.HasOne<Campaign>().WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Team>().WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Hamlet>().WithMany().HasForeignKey(s => s.HamletId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.MemberIds).HasConversion(new JsonColumnConverter<IReadOnlyList<string>>(), new JsonColumnComparer<IReadOnlyList<string>>());
        b.Property(s => s.ReasonValues).HasConversion(new JsonColumnConverter<IReadOnlyDictionary<string, string>>(), new JsonColumnComparer<IReadOnlyDictionary<string, string>>());
        b.Property(s => s.ReasonCode).HasMaxLength(64);
        b.Property(s => s.Notes).HasMaxLength(2000);
        b.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class HamletTravelConfiguration : IEntityTypeConfiguration<HamletTravel>
{
    public void Configure(EntityTypeBuilder<HamletTravel> b)
    {
        b.HasKey(t => new { t.FromHamletId, t.ToHamletId });
        b.HasIndex(t => t.UnitId);
        b.HasOne<Hamlet>().WithMany().HasForeignKey(t => t.FromHamletId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Hamlet>().WithMany().HasForeignKey(t => t.ToHamletId).OnDelete(DeleteBehavior.Restrict);
    }
}
