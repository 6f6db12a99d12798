using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.Quality;
using MotCua.Domain.Units;

namespace MotCua.Web.Data.Quality;

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
