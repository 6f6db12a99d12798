using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Quality;
using MotCua.Domain.Units;

namespace MotCua.Web.Data.Quality;

internal sealed class FeedbackConfiguration : IEntityTypeConfiguration<Feedback>
{
    public void Configure(EntityTypeBuilder<Feedback> b)
    {
        b.ToTable("Feedback");
        b.HasKey(f => f.Id);
        b.HasIndex(f => f.Code).IsUnique();
        b.HasIndex(f => new { f.UnitId, f.ReceivedAt });
        b.HasIndex(f => f.DossierId);
        b.HasOne<Unit>().WithMany().HasForeignKey(f => f.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Dossier>().WithMany().HasForeignKey(f => f.DossierId).OnDelete(DeleteBehavior.Restrict);
        b.Property(f => f.Code).HasMaxLength(32);
        b.Property(f => f.Secret).HasMaxLength(32);
        b.Property(f => f.Subject).HasMaxLength(Feedback.MaxSubjectLength);
        b.Property(f => f.Content).HasMaxLength(Feedback.MaxContentLength);
        b.Property(f => f.DossierNumber).HasMaxLength(64);
        b.Property(f => f.SubmitterName).HasMaxLength(Feedback.MaxNameLength);
        b.Property(f => f.AssigneeId).HasMaxLength(64);
        b.Property(f => f.Response).HasMaxLength(Feedback.MaxTextLength);
        b.Property(f => f.Version).IsConcurrencyToken();
        b.Property<List<FeedbackStep>>("_steps").HasColumnName("Steps")
            .HasConversion(new JsonColumnConverter<List<FeedbackStep>>(), new JsonColumnComparer<List<FeedbackStep>>());
        b.Ignore(f => f.Steps);
        b.Ignore(f => f.IsOpen);
        b.Ignore(f => f.CanBeRated);
    }
}
