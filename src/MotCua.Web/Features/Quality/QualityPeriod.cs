using System.Globalization;
using System.Text.RegularExpressions;
using MotCua.Domain.Calendar;

namespace MotCua.Web.Features.Quality;

/// <summary>What kind of period the dashboard shows.</summary>
public enum PeriodKind
{
    Month = 1,
    Quarter = 2,
    Year = 3,
    Custom = 4,
}

/// <summary>
/// A period of the index: Vietnam-local days <see cref="From"/> to <see cref="To"/>, both included. Dossiers and feedback
/// count in the period when their clock started on one of those days (their cohort).
/// </summary>
public readonly partial record struct QualityPeriod(DateOnly From, DateOnly To, PeriodKind Kind = PeriodKind.Custom)
{
    /// <summary>At most this many days, so that a request cannot ask for centuries of day rows.</summary>
    public const int MaxDays = 3 * 366 + 1;

    public static QualityPeriod Month(int year, int month)
    {
        var from = new DateOnly(year, month, 1);
        return new(from, from.AddMonths(1).AddDays(-1), PeriodKind.Month);
    }

    public static QualityPeriod Quarter(int year, int quarter)
    {
        var from = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
        return new(from, from.AddMonths(3).AddDays(-1), PeriodKind.Quarter);
    }

    public static QualityPeriod Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), PeriodKind.Year);

    /// <summary>The month that contains the local day of <paramref name="now"/>.</summary>
    public static QualityPeriod MonthOf(DateTimeOffset now)
    {
        var today = WorkingCalendar.LocalDate(now);
        return Month(today.Year, today.Month);
    }

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The first day of every month the period touches.</summary>
    public IEnumerable<DateOnly> Months()
    {
        for (var m = new DateOnly(From.Year, From.Month, 1); m <= To; m = m.AddMonths(1))
        {
            yield return m;
        }
    }

    /// <summary>"2026-03", "2026-Q1", "2026", or "2026-03-01_2026-03-15" (custom), as used in page addresses.</summary>
    public string Code => Kind switch
    {
        PeriodKind.Month => From.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{From.Year}-Q{((From.Month - 1) / 3) + 1}"),
        PeriodKind.Year => From.Year.ToString(CultureInfo.InvariantCulture),
        _ => string.Create(CultureInfo.InvariantCulture, $"{From:yyyy-MM-dd}_{To:yyyy-MM-dd}"),
    };

    /// <summary>"03/2026", "Q1/2026", "2026", "01/03/2026 – 15/03/2026".</summary>
    public string Label => Kind switch
    {
        PeriodKind.Month => From.ToString("MM/yyyy", CultureInfo.InvariantCulture),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"Q{((From.Month - 1) / 3) + 1}/{From.Year}"),
        PeriodKind.Year => From.Year.ToString(CultureInfo.InvariantCulture),
        _ => string.Create(CultureInfo.InvariantCulture, $"{From:dd/MM/yyyy} – {To:dd/MM/yyyy}"),
    };

    public static bool TryParse(string? text, out QualityPeriod period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 32)
        {
            return false;
        }

        var m = Pattern().Match(text.Trim());
        if (!m.Success)
        {
            return false;
        }

        if (m.Groups["custom"].Success)
        {
            return Platform.QueryValues.TryParseDate(m.Groups["from"].Value, out var from)
                && Platform.QueryValues.TryParseDate(m.Groups["to"].Value, out var to)
                && TryCreate(from, to, out period);
        }

        var year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2099)
        {
            return false;
        }

        if (m.Groups["month"].Success)
        {
            var month = int.Parse(m.Groups["month"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12)
            {
                return false;
            }

            period = Month(year, month);
            return true;
        }

        if (m.Groups["quarter"].Success)
        {
            period = Quarter(year, int.Parse(m.Groups["quarter"].Value, CultureInfo.InvariantCulture));
            return true;
        }

        period = Year(year);
        return true;
    }

    /// <summary>A custom period from two dates, in order and at most <see cref="MaxDays"/> long.</summary>
    public static bool TryCreate(DateOnly from, DateOnly to, out QualityPeriod period)
    {
        period = default;
        if (to < from || to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            return false;
        }

        period = new QualityPeriod(from, to);
        if (from.Day == 1 && to == from.AddMonths(1).AddDays(-1))
        {
            period = period with { Kind = PeriodKind.Month };
        }

        return true;
    }

    [GeneratedRegex(@"^(?:(?<custom>(?<from>\d{4}-\d{2}-\d{2})_(?<to>\d{4}-\d{2}-\d{2}))|(?<year>\d{4})(?:-(?:(?<month>\d{2})|Q(?<quarter>[1-4])))?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
