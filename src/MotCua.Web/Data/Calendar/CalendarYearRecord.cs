using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.Calendar;

namespace MotCua.Web.Data.Calendar;

/// <summary>
/// A year's holidays, days in lieu and swaps as an administrator confirmed them (or as the government announced
/// them, for the years shipped as data). Years without a record use the computed defaults.
/// </summary>
public sealed class CalendarYearRecord
{
    private CalendarYearRecord()
    {
        Days = [];
        ConfirmedBy = string.Empty;
    }

    public CalendarYearRecord(int year, IReadOnlyList<CalendarDay> days, string confirmedBy, DateTimeOffset confirmedAt, string? source)
    {
        Year = year;
        Days = days;
        ConfirmedBy = confirmedBy;
        ConfirmedAt = confirmedAt;
        Source = source;
    }

    public int Year { get; private set; }

    public IReadOnlyList<CalendarDay> Days { get; private set; }

    public string ConfirmedBy { get; private set; }

    public DateTimeOffset ConfirmedAt { get; private set; }

    public string? Source { get; private set; }

    public int Version { get; private set; }

    public void Replace(IReadOnlyList<CalendarDay> days, string confirmedBy, DateTimeOffset confirmedAt, string? source)
    {
        Days = days;
        ConfirmedBy = confirmedBy;
        ConfirmedAt = confirmedAt;
        Source = source;
        Version++;
    }
}

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYearRecord>
{
    public void Configure(EntityTypeBuilder<CalendarYearRecord> b)
    {
        b.HasKey(y => y.Year);
        b.Property(y => y.Year).ValueGeneratedNever();
        b.Property(y => y.Days).HasConversion(new JsonColumnConverter<IReadOnlyList<CalendarDay>>(), new JsonColumnComparer<IReadOnlyList<CalendarDay>>());
        b.Property(y => y.ConfirmedBy).HasMaxLength(200);
        b.Property(y => y.Source).HasMaxLength(1000);
        b.Property(y => y.Version).IsConcurrencyToken();
    }
}
