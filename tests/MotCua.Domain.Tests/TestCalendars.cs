using MotCua.Domain.Calendar;

namespace MotCua.Domain.Tests;

/// <summary>Calendars built from explicit days, so calendar arithmetic is tested independently of the defaults.</summary>
internal static class TestCalendars
{
    private static readonly LocalizedText Tet = new("Tết Nguyên đán", "Lunar New Year", "Tahun Baru Imlek");

    /// <summary>The days announced for 2026 that matter to these tests.</summary>
    public static WorkingCalendar Year2026 { get; } = new(
        new Dictionary<int, IReadOnlyList<CalendarDay>>
        {
            [2026] =
            [
                new(new DateOnly(2026, 1, 1), CalendarDayKind.Holiday, new LocalizedText("Tết Dương lịch")),
                new(new DateOnly(2026, 1, 2), CalendarDayKind.SwappedDayOff, new LocalizedText("Nghỉ hoán đổi")),
                new(new DateOnly(2026, 1, 10), CalendarDayKind.WorkingWeekend, new LocalizedText("Làm bù")),
                new(new DateOnly(2026, 2, 16), CalendarDayKind.Holiday, Tet),
                new(new DateOnly(2026, 2, 17), CalendarDayKind.Holiday, Tet),
                new(new DateOnly(2026, 2, 18), CalendarDayKind.Holiday, Tet),
                new(new DateOnly(2026, 2, 19), CalendarDayKind.Holiday, Tet),
                new(new DateOnly(2026, 2, 20), CalendarDayKind.Holiday, Tet),
                new(new DateOnly(2026, 4, 27), CalendarDayKind.DayInLieu, new LocalizedText("Nghỉ bù Giỗ Tổ Hùng Vương")),
                new(new DateOnly(2026, 4, 30), CalendarDayKind.Holiday, new LocalizedText("Ngày Chiến thắng")),
                new(new DateOnly(2026, 5, 1), CalendarDayKind.Holiday, new LocalizedText("Quốc tế Lao động")),
            ],
        },
        OfficeHours.Default);

    public static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, WorkingCalendar.VietnamOffset);
}
