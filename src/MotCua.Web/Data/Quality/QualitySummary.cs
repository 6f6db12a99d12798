using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.Quality;
using MotCua.Domain.Units;

namespace MotCua.Web.Data.Quality;

/// <summary>
/// One count of the Index 766 summaries: for a unit, a cohort day or month, and a measure (e.g. <c>dossiers.early</c>),
/// the sum of the <see cref="MeasureFacts"/> of the dossiers or feedback received then. Kept up to date in the same
/// transaction as every change (see <see cref="QualityLedger"/>); the dashboard and the ranking read only these rows
/// and the open items' clocks in <see cref="QualityFact"/>.
/// </summary>
public sealed class QualitySummary : IUnitOwned
{
    public Guid UnitId { get; set; }

    public SummaryGranularity Granularity { get; set; }

    public DateOnly PeriodStart { get; set; }

    public string Measure { get; set; } = string.Empty;

    public long Count { get; set; }
}

internal sealed class QualitySummaryConfiguration : IEntityTypeConfiguration<QualitySummary>
{
    public void Configure(EntityTypeBuilder<QualitySummary> b)
    {
        // Granularity and period first: a province ranking reads one period for every unit.
        b.HasKey(s => new { s.Granularity, s.PeriodStart, s.UnitId, s.Measure });
        b.HasIndex(s => new { s.UnitId, s.Granularity, s.PeriodStart });
        b.Property(s => s.Measure).HasMaxLength(48);
        b.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
