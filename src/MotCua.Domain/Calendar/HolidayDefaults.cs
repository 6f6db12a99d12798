namespace MotCua.Domain.Calendar;

// TEMPORARY: replaced by the lunar-calendar implementation being written in parallel.
public static class HolidayDefaults
{
    public static IReadOnlyList<CalendarDay> ForYear(int year) =>
    [
        new CalendarDay(new DateOnly(year, 1, 1), CalendarDayKind.Holiday, new LocalizedText("Tết Dương lịch")),
        new CalendarDay(new DateOnly(year, 4, 30), CalendarDayKind.Holiday, new LocalizedText("Ngày Chiến thắng")),
        new CalendarDay(new DateOnly(year, 5, 1), CalendarDayKind.Holiday, new LocalizedText("Quốc tế Lao động")),
        new CalendarDay(new DateOnly(year, 9, 2), CalendarDayKind.Holiday, new LocalizedText("Quốc khánh")),
    ];
}
