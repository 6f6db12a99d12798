using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Quality;
using MotCua.Domain.Units;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Quality;

/// <summary>The granularity of a summary row: one local day, or one calendar month (the row's period starts on the 1st).</summary>
public enum SummaryGranularity
{
    Day = 1,
    Month = 2,
}

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

/// <summary>
/// A value configured by an administrator for an External indicator of Index 766 (one that depends on systems
/// outside MotCua), for one unit and one month, with where it was read.
/// </summary>
public sealed class QualityExternalValue : IUnitOwned
{
    public const int MaxSourceLength = 200;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid UnitId { get; set; }

    /// <summary>The first day of the month the value is for.</summary>
    public DateOnly Month { get; set; }

    public string IndicatorKey { get; set; } = string.Empty;

    public ExternalValueKind Kind { get; set; }

    public decimal Value { get; set; }

    public string? Source { get; set; }

    public string SetBy { get; set; } = string.Empty;

    public DateTimeOffset SetAt { get; set; }
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

internal sealed class QualityExternalValueConfiguration : IEntityTypeConfiguration<QualityExternalValue>
{
    public void Configure(EntityTypeBuilder<QualityExternalValue> b)
    {
        b.HasKey(v => v.Id);
        b.HasIndex(v => new { v.UnitId, v.Month, v.IndicatorKey }).IsUnique();
        b.Property(v => v.IndicatorKey).HasMaxLength(64);
        b.Property(v => v.Value).HasPrecision(9, 4);
        b.Property(v => v.Source).HasMaxLength(QualityExternalValue.MaxSourceLength);
        b.Property(v => v.SetBy).HasMaxLength(64);
        b.HasOne<Unit>().WithMany().HasForeignKey(v => v.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

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
