using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Web.Data;
using MotCua.Web.Data.Calendar;
using MotCua.Web.Platform;

namespace MotCua.Web.Features.Calendar;

/// <summary>An administrator confirms or overrides a year's holidays, days in lieu and swaps.</summary>
public static class SetCalendarYear
{
    private static readonly Dictionary<CalendarDayKind, LocalizedText> DefaultNames = new()
    {
        [CalendarDayKind.Holiday] = new("Ngày lễ", "Public holiday", "Hari libur nasional"),
        [CalendarDayKind.DayInLieu] = new("Nghỉ bù", "Day off in lieu", "Cuti pengganti"),
        [CalendarDayKind.SwappedDayOff] = new("Nghỉ hoán đổi", "Swapped day off", "Libur tukar hari"),
        [CalendarDayKind.WorkingWeekend] = new("Làm bù", "Working weekend day", "Hari kerja pengganti"),
    };

    public static IReadOnlyList<CalendarDay>? Validate(int year, SetCalendarYearRequest? request, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (request is null)
        {
            errors.Add("body", "The year's days are required.");
            return null;
        }

        if (request.Holidays is not { Count: > 0 })
        {
            errors.Add("holidays", "A year's public holidays are required (1 January, Tết, Giỗ Tổ Hùng Vương, 30/4, 1/5, 2/9).");
        }

        var days = new List<CalendarDay>();
        Add(request.Holidays, "holidays", CalendarDayKind.Holiday);
        Add(request.DaysInLieu, "daysInLieu", CalendarDayKind.DayInLieu);
        Add(request.SwappedDaysOff, "swappedDaysOff", CalendarDayKind.SwappedDayOff);
        Add(request.WorkingWeekends, "workingWeekends", CalendarDayKind.WorkingWeekend);
        if (request.Source?.Length > 1000)
        {
            errors.Add("source", "The source is at most 1000 characters.");
        }

        foreach (var dup in days.GroupBy(d => d.Date).Where(g => g.Count() > 1))
        {
            errors.Add("days", $"{dup.Key:yyyy-MM-dd} appears more than once.");
        }

        return errors.Any ? null : days.OrderBy(d => d.Date).ToList();

        void Add(IReadOnlyList<NamedDate>? list, string field, CalendarDayKind kind)
        {
            if (list is null)
            {
                return;
            }

            if (list.Count > 60)
            {
                errors.Add(field, "At most 60 days per list.");
                return;
            }

            for (var i = 0; i < list.Count; i++)
            {
                var path = string.Create(CultureInfo.InvariantCulture, $"{field}[{i}]");
                if (list[i]?.Date is not { } date)
                {
                    errors.Add($"{path}.date", "The date is required.");
                    continue;
                }

                if (date.Year != year)
                {
                    errors.Add($"{path}.date", $"{date:yyyy-MM-dd} is not in {year}.");
                    continue;
                }

                var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
                if (kind == CalendarDayKind.WorkingWeekend && !weekend)
                {
                    errors.Add($"{path}.date", $"{date:yyyy-MM-dd} is a {date.DayOfWeek}: only a Saturday or Sunday can be made a working day.");
                    continue;
                }

                if (kind is CalendarDayKind.DayInLieu or CalendarDayKind.SwappedDayOff && weekend)
                {
                    errors.Add($"{path}.date", $"{date:yyyy-MM-dd} is a {date.DayOfWeek}: a day in lieu or a swapped day off must be a weekday.");
                    continue;
                }

                var name = list[i].Name?.ToDomain() ?? DefaultNames[kind];
                if (name.Vi.Length > 200 || name.En?.Length > 200 || name.Id?.Length > 200)
                {
                    errors.Add($"{path}.name", "A name is at most 200 characters.");
                    continue;
                }

                days.Add(new CalendarDay(date, kind, name));
            }
        }
    }

    public static async Task ExecuteAsync(int year, IReadOnlyList<CalendarDay> days, string? source, string actor, MotCuaDb db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var record = await db.CalendarYears.SingleOrDefaultAsync(y => y.Year == year, ct);
        if (record is null)
        {
            db.CalendarYears.Add(new CalendarYearRecord(year, days, actor, time.GetUtcNow(), source));
        }
        else
        {
            record.Replace(days, actor, time.GetUtcNow(), source);
        }

        await db.SaveChangesAsync(ct);
    }
}
