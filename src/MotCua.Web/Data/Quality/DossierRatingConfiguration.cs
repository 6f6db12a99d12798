using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Quality;

namespace MotCua.Web.Data.Quality;

internal sealed class DossierRatingConfiguration : IEntityTypeConfiguration<DossierRating>
{
    public void Configure(EntityTypeBuilder<DossierRating> b)
    {
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.DossierId).IsUnique();
        b.HasIndex(r => new { r.UnitId, r.RatedAt });
        b.HasOne<Dossier>().WithMany().HasForeignKey(r => r.DossierId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Comment).HasMaxLength(DossierRating.MaxCommentLength);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.Answers);
    }
}
