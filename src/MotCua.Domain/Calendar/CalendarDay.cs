namespace MotCua.Domain.Calendar;

/// <summary>How a date departs from the ordinary week (Monday–Friday working, Saturday–Sunday rest).</summary>
public enum CalendarDayKind
{
    /// <summary>A public holiday under Labour Code 2019 art. 112 (Tết Dương lịch, Tết Nguyên đán, Giỗ Tổ Hùng Vương, 30/4, 1/5, 2/9).</summary>
    Holiday = 1,

    /// <summary>A day off given because a holiday fell on a weekly rest day (ngày nghỉ bù).</summary>
    DayInLieu = 2,

    /// <summary>A normal working day turned into a day off by a swap the government announced (hoán đổi ngày nghỉ).</summary>
    SwappedDayOff = 3,

    /// <summary>A Saturday or Sunday made a working day to make up for a swapped day off (ngày làm bù).</summary>
    WorkingWeekend = 4,

    /// <summary>An ordinary Saturday or Sunday; reported with non-working days, never stored.</summary>
    Weekend = 5,
}

/// <summary>A localised name: Vietnamese is required, English and Indonesian fall back to it.</summary>
public sealed record LocalizedText(string Vi, string? En = null, string? Id = null)
{
    public string For(string culture) => culture switch
    {
        _ when culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) => En ?? Vi,
        _ when culture.StartsWith("id", StringComparison.OrdinalIgnoreCase) => Id ?? En ?? Vi,
        _ => Vi,
    };

    public override string ToString() => Vi;
}

/// <summary>One date that is not an ordinary day of the week, with the reason.</summary>
public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, LocalizedText Name);
