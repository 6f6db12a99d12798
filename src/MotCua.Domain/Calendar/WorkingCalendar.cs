using System.Collections.Concurrent;

namespace MotCua.Domain.Calendar;

/// <summary>
/// The working calendar of a commune centre. A working day is Monday–Friday, except public holidays, days off in
/// lieu and days swapped off, plus any Saturday or Sunday the government made a working day in a swap. A weekend
/// outreach session does not make its day a working day. Time is Vietnam's (UTC+7, no daylight saving since 1975).
/// </summary>
/// <remarks>
/// Years an administrator has confirmed come in to the constructor; other years use
/// <see cref="HolidayDefaults.ForYear"/>, computed from the lunar calendar and Labour Code 2019 art. 112.
/// </remarks>
public sealed class WorkingCalendar
{
    /// <summary>Asia/Ho_Chi_Minh has been UTC+7 without daylight saving since 1975.</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    private const int MaxDaysSearched = 3 * 366;

    private static readonly LocalizedText Saturday = new("Thứ Bảy", "Saturday", "Sabtu");
    private static readonly LocalizedText Sunday = new("Chủ nhật", "Sunday", "Minggu");

    private readonly IReadOnlyDictionary<int, IReadOnlyList<CalendarDay>> _confirmedYears;
    private readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, CalendarDay>> _years = new();

    public WorkingCalendar(IReadOnlyDictionary<int, IReadOnlyList<CalendarDay>> confirmedYears, OfficeHours hours)
    {
        _confirmedYears = confirmedYears;
        Hours = hours;
    }

    /// <summary>A calendar with only the computed defaults and the national office hours.</summary>
    public static WorkingCalendar Defaults { get; } = new(new Dictionary<int, IReadOnlyList<CalendarDay>>(), OfficeHours.Default);

    public OfficeHours Hours { get; }

    public WorkingCalendar WithHours(OfficeHours hours) => hours == Hours ? this : new WorkingCalendar(_confirmedYears, hours);

    public bool IsConfirmed(int year) => _confirmedYears.ContainsKey(year);

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => instant.ToOffset(VietnamOffset);

    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    public static DateTimeOffset At(DateOnly date, TimeOnly time) => new(date.ToDateTime(time), VietnamOffset);

    /// <summary>The exceptional entry for a date (holiday, day in lieu, swap), if any.</summary>
    public CalendarDay? Exception(DateOnly date) => YearDays(date.Year).GetValueOrDefault(date);

    public bool IsWorkingDay(DateOnly date)
    {
        if (Exception(date) is { } day)
        {
            return day.Kind == CalendarDayKind.WorkingWeekend;
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>Why a date is not a working day, or null when it is one.</summary>
    public CalendarDay? NonWorkingReason(DateOnly date)
    {
        if (Exception(date) is { } day)
        {
            return day.Kind == CalendarDayKind.WorkingWeekend ? null : day;
        }

        return date.DayOfWeek switch
        {
            DayOfWeek.Saturday => new CalendarDay(date, CalendarDayKind.Weekend, Saturday),
            DayOfWeek.Sunday => new CalendarDay(date, CalendarDayKind.Weekend, Sunday),
            _ => null,
        };
    }

    /// <summary>Every date in [from, to] that is not a working day, with its reason.</summary>
    public IEnumerable<CalendarDay> NonWorkingDays(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if (NonWorkingReason(d) is { } reason)
            {
                yield return reason;
            }
        }
    }

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        var d = date;
        for (var i = 0; i < MaxDaysSearched; i++)
        {
            d = d.AddDays(1);
            if (IsWorkingDay(d))
            {
                return d;
            }
        }

        throw new DomainRuleException("calendar.no-working-day", $"No working day within {MaxDaysSearched} days after {date:yyyy-MM-dd}.");
    }

    /// <summary>The working day <paramref name="days"/> working days after <paramref name="date"/> (0 returns the date itself if it is a working day, else the next one).</summary>
    public DateOnly AddWorkingDays(DateOnly date, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var d = IsWorkingDay(date) ? date : NextWorkingDay(date);
        for (var i = 0; i < days; i++)
        {
            d = NextWorkingDay(d);
        }

        return d;
    }

    /// <summary>
    /// When a dossier received at <paramref name="receivedAt"/> is due under <paramref name="limit"/>; null when the
    /// procedure has no legal time limit. The result carries the +07:00 offset.
    /// </summary>
    /// <remarks>
    /// Working days: the clock starts at receipt, or at the next opening if received outside office hours, and runs
    /// for N whole working days of office time; so a dossier received at 09:30 on Monday with 3 days is due 09:30 on
    /// Thursday, and one received on a Saturday is due at closing on the third working day. Working hours count only
    /// office minutes (lunch, nights, weekends and holidays excluded). Same day: due at closing the same working day,
    /// or the next working day when received after the cut-off (15:00) or on a non-working day.
    /// </remarks>
    public DateTimeOffset? DueAt(DateTimeOffset receivedAt, TimeLimit limit) => limit.Kind switch
    {
        TimeLimitKind.None => null,
        TimeLimitKind.SameDay => SameDayDue(receivedAt),
        TimeLimitKind.WorkingHours => AddWorkingMinutes(receivedAt, limit.Value * 60L),
        TimeLimitKind.WorkingDays => AddWholeWorkingDays(receivedAt, limit.Value),
        _ => throw new DomainRuleException("calendar.time-limit-invalid", $"Unknown time limit kind {limit.Kind}."),
    };

    /// <summary>
    /// The instant at which <paramref name="minutes"/> minutes of office time have passed since <paramref name="start"/>.
    /// When the count ends exactly at a closing time, that closing time is the answer (not the next opening).
    /// </summary>
    public DateTimeOffset AddWorkingMinutes(DateTimeOffset start, long minutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        var local = ToLocal(start);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var remaining = (double)minutes;
        if (remaining == 0)
        {
            return local;
        }

        for (var i = 0; i < MaxDaysSearched * 10; i++)
        {
            if (IsWorkingDay(date))
            {
                foreach (var period in Hours.Periods)
                {
                    if (time >= period.End)
                    {
                        continue;
                    }

                    var from = time > period.Start ? time : period.Start;
                    var available = (period.End - from).TotalMinutes;
                    if (remaining <= available)
                    {
                        return At(date, from.Add(TimeSpan.FromMinutes(remaining)));
                    }

                    remaining -= available;
                }
            }

            date = date.AddDays(1);
            time = TimeOnly.MinValue;
        }

        throw new DomainRuleException("calendar.no-working-day", "The time limit runs past the supported calendar range.");
    }

    /// <summary>Minutes of office time on working days between two instants (0 when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public long WorkingMinutesBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return 0;
        }

        var start = ToLocal(from);
        var end = ToLocal(to);
        var total = 0.0;
        for (var date = DateOnly.FromDateTime(start.DateTime); date <= DateOnly.FromDateTime(end.DateTime); date = date.AddDays(1))
        {
            if (!IsWorkingDay(date))
            {
                continue;
            }

            foreach (var period in Hours.Periods)
            {
                var periodStart = At(date, period.Start);
                var periodEnd = At(date, period.End);
                var overlapStart = periodStart > start ? periodStart : start;
                var overlapEnd = periodEnd < end ? periodEnd : end;
                if (overlapEnd > overlapStart)
                {
                    total += (overlapEnd - overlapStart).TotalMinutes;
                }
            }
        }

        return (long)Math.Round(total);
    }

    /// <summary>Closing time of a date's last office period, as an instant.</summary>
    public DateTimeOffset ClosingTime(DateOnly date) => At(date, Hours.Closes);

    private DateTimeOffset SameDayDue(DateTimeOffset receivedAt)
    {
        var local = ToLocal(receivedAt);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (IsWorkingDay(date) && time <= Hours.SameDayCutoff)
        {
            return ClosingTime(date);
        }

        return ClosingTime(NextWorkingDay(date));
    }

    private DateTimeOffset AddWholeWorkingDays(DateTimeOffset receivedAt, int days)
    {
        var start = ToLocal(StartOfWork(receivedAt));
        var startDate = DateOnly.FromDateTime(start.DateTime);
        var offset = WorkingMinutesBetween(At(startDate, Hours.Opens), start);
        if (offset == 0)
        {
            return ClosingTime(AddWorkingDays(startDate, days - 1));
        }

        var dueDate = AddWorkingDays(startDate, days);
        return AddWorkingMinutes(At(dueDate, Hours.Opens), offset);
    }

    /// <summary>The instant itself when inside office hours of a working day, else the next opening.</summary>
    public DateTimeOffset StartOfWork(DateTimeOffset instant)
    {
        var local = ToLocal(instant);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (IsWorkingDay(date))
        {
            foreach (var period in Hours.Periods)
            {
                if (time < period.Start)
                {
                    return At(date, period.Start);
                }

                if (time < period.End)
                {
                    return local;
                }
            }
        }

        return At(NextWorkingDay(date), Hours.Opens);
    }

    private IReadOnlyDictionary<DateOnly, CalendarDay> YearDays(int year) =>
        _years.GetOrAdd(year, y =>
        {
            var days = _confirmedYears.TryGetValue(y, out var confirmed) ? confirmed : HolidayDefaults.ForYear(y);
            var map = new Dictionary<DateOnly, CalendarDay>();
            foreach (var day in days)
            {
                map[day.Date] = day;
            }

            return map;
        });
}
