using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.Quality;
using MotCua.Domain.Units;

namespace MotCua.Web.Data.Quality;

/// <summary>
/// The stored <see cref="MeasureFacts"/> of one dossier or feedback item: what it currently adds to the summaries.
/// A change computes the subject's new facts and applies the difference, so "before" is always what was counted.
/// Rows with <see cref="OverdueFrom"/> are the open items' clocks, read as overdue when that instant has passed.
/// </summary>
public sealed class QualityFact : IUnitOwned
{
    public Guid SubjectId { get; set; }

    public FactSubject Subject { get; set; }

    public Guid UnitId { get; set; }

    public DateOnly CohortDay { get; set; }

    public FactTraits Traits { get; set; }

    public int Components { get; set; }

    public int DigitisedComponents { get; set; }

    public int? Guidance { get; set; }

    public int? Attitude { get; set; }

    public int? Speed { get; set; }

    public DateTimeOffset? OverdueFrom { get; set; }

    public MeasureFacts ToFacts() => new(Subject, SubjectId, UnitId, CohortDay, Traits, Components, DigitisedComponents, Guidance, Attitude, Speed, OverdueFrom);
}

internal sealed class QualityFactConfiguration : IEntityTypeConfiguration<QualityFact>
{
    public void Configure(EntityTypeBuilder<QualityFact> b)
    {
        b.HasKey(f => f.SubjectId);
        b.HasIndex(f => new { f.UnitId, f.CohortDay });

        // Only open items carry a clock: a small partial index serves "overdue as of now".
        b.HasIndex(f => new { f.CohortDay, f.OverdueFrom }).HasFilter("\"OverdueFrom\" IS NOT NULL").HasDatabaseName("IX_QualityFacts_OpenClocks");
        b.HasOne<Unit>().WithMany().HasForeignKey(f => f.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
