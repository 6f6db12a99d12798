namespace MotCua.Domain.Calendar;

/// <summary>
/// The public holidays of a Gregorian year as a computed DEFAULT, to be confirmed by an administrator against what
/// the Government announces for that year (công chức, viên chức follow the announced schedule, which may move the
/// Tết days, choose the day next to 2 September and swap working days).
/// </summary>
/// <remarks>
/// <para>Labour Code 2019 (Bộ luật Lao động số 45/2019/QH14) art. 112(1), in force since 1 January 2021, gives
/// 11 paid holidays: Tết Dương lịch (1 January); Tết Âm lịch, 5 days; Ngày Chiến thắng (30 April); Ngày Quốc tế
/// Lao động (1 May); Quốc khánh, 2 days (2 September and one day immediately before or after); Giỗ Tổ Hùng Vương
/// (10th day of the 3rd lunar month).</para>
/// <para>Defaults chosen where the law leaves a choice:</para>
/// <list type="bullet">
/// <item>Tết: the last day of the old lunar year (29 or 30 tháng Chạp) and days 1–4 of the new year (mùng 1–4),
/// the pattern the Government announced for 2026. Other years it announced two days before and three after
/// (2025: 28 tháng Chạp – mùng 3).</item>
/// <item>2 September: the adjacent day that is a working day (Monday–Friday); when both are, the one that joins the
/// holiday to a weekend (3 September when it is a Friday), otherwise 1 September. This reproduces the days
/// announced for 2021–2026.</item>
/// <item>Art. 111(3): a holiday that falls on the weekly rest day (Saturday or Sunday for state bodies) gives a day
/// off in lieu (nghỉ bù) on the next working day that is not itself a holiday or day in lieu.</item>
/// </list>
/// <para>No holiday added after the 2019 Code is included. Ngày Văn hóa Việt Nam (24 November) was chosen by the
/// Politburo (Resolution 80-NQ/TW, 7 January 2026) to become a paid holiday, and Government Resolution 30/NQ-CP
/// (February 2026) asks for art. 112 to be amended; until the National Assembly amends the Code it is not a holiday.</para>
/// </remarks>
public static class HolidayDefaults
{
    /// <summary>The first year under Labour Code 2019.</summary>
    public const int FirstYear = 2021;

    /// <summary>The last year the lunar calendar supports.</summary>
    public const int LastYear = VietnameseLunarCalendar.MaxYear;

    private const int TetDaysInNewYear = 4;

    private static readonly LocalizedText NewYearsDay = new("Tết Dương lịch", "New Year's Day", "Tahun Baru Masehi");
    private static readonly LocalizedText HungKings = new(
        "Giỗ Tổ Hùng Vương (10/3 âm lịch)",
        "Hùng Kings' Commemoration Day (10th day of the 3rd lunar month)",
        "Hari Peringatan Raja-Raja Hùng (tanggal 10 bulan ke-3 kalender lunar)");
    private static readonly LocalizedText VictoryDay = new(
        "Ngày Chiến thắng (30/4)",
        "Reunification Day (30 April)",
        "Hari Kemenangan (30 April)");
    private static readonly LocalizedText LabourDay = new(
        "Ngày Quốc tế Lao động (1/5)",
        "International Labour Day (1 May)",
        "Hari Buruh Internasional (1 Mei)");
    private static readonly LocalizedText NationalDay = new("Quốc khánh (2/9)", "National Day (2 September)", "Hari Nasional (2 September)");
    private static readonly LocalizedText NationalDayAdjacent = new(
        "Quốc khánh (ngày liền kề)",
        "National Day (adjacent day)",
        "Hari Nasional (hari yang berdampingan)");

    /// <summary>
    /// The default holidays and days in lieu of <paramref name="year"/>, ordered by date. Every date lies in that year.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is before <see cref="FirstYear"/> or after <see cref="LastYear"/>.</exception>
    public static IReadOnlyList<CalendarDay> ForYear(int year)
    {
        if (year is < FirstYear or > LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Holiday defaults follow Labour Code 2019 and cover {FirstYear}–{LastYear}.");
        }

        var holidays = new List<CalendarDay>
        {
            new(new DateOnly(year, 1, 1), CalendarDayKind.Holiday, NewYearsDay),
        };
        holidays.AddRange(TetDays(year));
        holidays.Add(new CalendarDay(VietnameseLunarCalendar.HungKingsDay(year), CalendarDayKind.Holiday, HungKings));
        holidays.Add(new CalendarDay(new DateOnly(year, 4, 30), CalendarDayKind.Holiday, VictoryDay));
        holidays.Add(new CalendarDay(new DateOnly(year, 5, 1), CalendarDayKind.Holiday, LabourDay));
        holidays.Add(new CalendarDay(NationalDayAdjacentDate(year), CalendarDayKind.Holiday, NationalDayAdjacent));
        holidays.Add(new CalendarDay(new DateOnly(year, 9, 2), CalendarDayKind.Holiday, NationalDay));
        holidays.Sort((a, b) => a.Date.CompareTo(b.Date));

        var days = new List<CalendarDay>(holidays);
        var taken = holidays.Select(h => h.Date).ToHashSet();
        foreach (var holiday in holidays.Where(h => IsWeekend(h.Date)))
        {
            var inLieu = holiday.Date.AddDays(1);
            while (IsWeekend(inLieu) || taken.Contains(inLieu))
            {
                inLieu = inLieu.AddDays(1);
            }

            taken.Add(inLieu);
            days.Add(new CalendarDay(inLieu, CalendarDayKind.DayInLieu, InLieuOf(holiday.Name)));
        }

        days.Sort((a, b) => a.Date.CompareTo(b.Date));
        return days.AsReadOnly();
    }

    private static IEnumerable<CalendarDay> TetDays(int year)
    {
        var lastDay = VietnameseLunarCalendar.LastDayOfYear(year - 1);
        var lastDayLunar = VietnameseLunarCalendar.FromSolar(lastDay);
        yield return new CalendarDay(lastDay, CalendarDayKind.Holiday, TetLastDayName(lastDayLunar));

        var newYear = VietnameseLunarCalendar.NewYear(year);
        for (var day = 1; day <= TetDaysInNewYear; day++)
        {
            yield return new CalendarDay(newYear.AddDays(day - 1), CalendarDayKind.Holiday, TetNewYearDayName(day));
        }
    }

    private static LocalizedText TetLastDayName(LunarDate lastDay)
    {
        var leapVi = lastDay.IsLeapMonth ? " nhuận" : string.Empty;
        var leapEn = lastDay.IsLeapMonth ? " leap" : string.Empty;
        var leapId = lastDay.IsLeapMonth ? " kabisat" : string.Empty;
        return new LocalizedText(
            $"Tết Nguyên đán ({lastDay.Day} tháng Chạp{leapVi})",
            $"Lunar New Year (Tết), {lastDay.Day}th day of the{leapEn} 12th lunar month",
            $"Tahun Baru Imlek (Tết), tanggal {lastDay.Day} bulan ke-12{leapId} kalender lunar");
    }

    private static LocalizedText TetNewYearDayName(int day) => new(
        $"Tết Nguyên đán (mùng {day} tháng Giêng)",
        $"Lunar New Year (Tết), {EnglishOrdinal(day)} day of the 1st lunar month",
        $"Tahun Baru Imlek (Tết), tanggal {day} bulan ke-1 kalender lunar");

    private static LocalizedText InLieuOf(LocalizedText holiday) => new(
        $"Nghỉ bù {holiday.Vi}",
        $"Day in lieu of {holiday.En ?? holiday.Vi}",
        $"Cuti pengganti {holiday.Id ?? holiday.En ?? holiday.Vi}");

    private static DateOnly NationalDayAdjacentDate(int year)
    {
        var before = new DateOnly(year, 9, 1);
        var after = new DateOnly(year, 9, 3);
        if (IsWeekend(before))
        {
            return after;
        }

        if (IsWeekend(after))
        {
            return before;
        }

        return after.DayOfWeek == DayOfWeek.Friday ? after : before;
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static string EnglishOrdinal(int number) => number switch
    {
        1 => "1st",
        2 => "2nd",
        3 => "3rd",
        _ => $"{number}th",
    };
}
