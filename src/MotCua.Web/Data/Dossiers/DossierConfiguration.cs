using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Units;

namespace MotCua.Web.Data.Dossiers;

internal sealed class DossierConfiguration : IEntityTypeConfiguration<Dossier>
{
    public void Configure(EntityTypeBuilder<Dossier> b)
    {
        b.HasKey(d => d.Id);
        b.HasIndex(d => d.ClientId).IsUnique();
        b.HasIndex(d => d.Number).IsUnique();
        b.HasIndex(d => new { d.UnitId, d.Status, d.DueAt });
        b.HasIndex(d => new { d.UnitId, d.RegisteredAt });
        b.HasIndex(d => d.EndedAt);
        b.HasIndex(d => d.OutreachSessionId);
        b.HasOne<MotCua.Domain.Outreach.OutreachSession>().WithMany().HasForeignKey(d => d.OutreachSessionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Procedure>().WithMany().HasForeignKey(d => d.ProcedureId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ProcedureVersion>().WithMany().HasForeignKey(d => d.ProcedureVersionId).OnDelete(DeleteBehavior.Restrict);
        b.Property(d => d.ProcedureCode).HasMaxLength(32);
        b.Property(d => d.LookupSecret).HasMaxLength(32);
        b.Property(d => d.ReceivedBy).HasMaxLength(64);
        b.Property(d => d.HandlerId).HasMaxLength(64);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.Property(d => d.PapersReceived).HasConversion(new JsonColumnConverter<IReadOnlyList<string>>(), new JsonColumnComparer<IReadOnlyList<string>>());
        b.OwnsOne(d => d.Applicant, a =>
        {
            a.Property(x => x.CitizenId).HasColumnName("ApplicantCitizenId");
            a.Property(x => x.FullName).HasColumnName("ApplicantName").HasMaxLength(Applicant.MaxNameLength);
            a.Property(x => x.Phone).HasColumnName("ApplicantPhone");
            a.Property(x => x.Address).HasColumnName("ApplicantAddress").HasMaxLength(Applicant.MaxAddressLength);
            a.Property(x => x.HamletId).HasColumnName("ApplicantHamletId");
            a.Property(x => x.Basis).HasColumnName("ApplicantBasis");
            a.Property(x => x.ConsentAt).HasColumnName("ApplicantConsentAt");
            a.Property(x => x.AnonymisedAt).HasColumnName("ApplicantAnonymisedAt");
            a.Ignore(x => x.MaskedName);
            a.Ignore(x => x.MaskedCitizenId);
            a.Ignore(x => x.MaskedPhone);
            a.HasIndex(x => x.CitizenId);
        });
        b.Navigation(d => d.Applicant).IsRequired();
        b.HasMany(d => d.Events).WithOne().HasForeignKey(e => e.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(d => d.Events).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_events");
        b.Ignore(d => d.PromisedAt);
    }
}

internal sealed class DossierEventConfiguration : IEntityTypeConfiguration<DossierEvent>
{
    public void Configure(EntityTypeBuilder<DossierEvent> b)
    {
        b.HasKey(e => e.Id);
        b.HasIndex(e => new { e.DossierId, e.Sequence }).IsUnique();
        b.HasIndex(e => new { e.UnitId, e.At });
        b.Property(e => e.ActorId).HasMaxLength(64);
        b.Property(e => e.FromOfficerId).HasMaxLength(64);
        b.Property(e => e.ToOfficerId).HasMaxLength(64);
        b.Property(e => e.Reason).HasMaxLength(Dossier.MaxReasonLength);
        b.Ignore(e => e.StepTimeliness);
    }
}
