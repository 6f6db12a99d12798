using System.Globalization;
using System.Text;
using MotCua.Domain.Calendar;

namespace MotCua.Domain.Tests.Calendar;

public class HolidayDefaultsTests
{
    [Fact]
    public void ForYear_2026_HungKingsOnSunday26April_DayInLieuMonday27April()
    {
        var days = HolidayDefaults.ForYear(2026);

        Assert.Contains(days, d => d.Date == new DateOnly(2026, 4, 26) && d.Kind == CalendarDayKind.Holiday && d.Name.Vi.StartsWith("Giỗ Tổ Hùng Vương", StringComparison.Ordinal));
        var inLieu = Assert.Single(days, d => d.Kind == CalendarDayKind.DayInLieu);
        Assert.Equal(new DateOnly(2026, 4, 27), inLieu.Date);
        Assert.Equal("Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch)", inLieu.Name.Vi);
    }

    [Fact]
    public void ForYear_2026_TetIsMonday16ToFriday20February()
    {
        var tet = HolidayDefaults.ForYear(2026).Where(d => d.Name.Vi.StartsWith("Tết Nguyên đán", StringComparison.Ordinal)).ToList();

        Assert.Equal(Dates("2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"), tet.Select(d => d.Date));
        Assert.All(tet, d => Assert.Equal(CalendarDayKind.Holiday, d.Kind));
        Assert.Equal("Tết Nguyên đán (29 tháng Chạp)", tet[0].Name.Vi);
        Assert.Equal("Tết Nguyên đán (mùng 1 tháng Giêng)", tet[1].Name.Vi);
        Assert.Equal("Tết Nguyên đán (mùng 4 tháng Giêng)", tet[4].Name.Vi);
    }

    [Fact]
    public void ForYear_2026_MatchesTheAnnouncedHolidaysExceptTheSwaps()
    {
        // Announced for 2026 (VPCP 12729/VPCP-KGVX, VPCP 9859/VPCP-KGVX): the default holidays and day in lieu are
        // exactly the announced ones; only the swaps (2 Jan ↔ 10 Jan, 31 Aug ↔ 22 Aug) are an administrator's to add.
        var days = HolidayDefaults.ForYear(2026);

        Assert.Equal(
            Dates("2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-04-26", "2026-04-30", "2026-05-01", "2026-09-01", "2026-09-02"),
            days.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date));
        Assert.Equal(Dates("2026-04-27"), days.Where(d => d.Kind == CalendarDayKind.DayInLieu).Select(d => d.Date));
    }

    [Fact]
    public void ForYear_2021_NationalDayIsThursday_AdjacentDayIsFriday3September()
    {
        // 2021 was announced as 2–5 September (SGGP, 2020-12-09): 2 and 3 September plus the weekend.
        var september = HolidayDefaults.ForYear(2021).Where(d => d.Date.Month == 9).ToList();

        Assert.Equal(Dates("2021-09-02", "2021-09-03"), september.Select(d => d.Date));
        Assert.All(september, d => Assert.Equal(CalendarDayKind.Holiday, d.Kind));
    }

    [Theory]
    [InlineData(2022, "2022-09-01")] // Friday 2 Sep: Thursday 1 Sep (announced 1–4 Sep, dangcongsan.vn)
    [InlineData(2023, "2023-09-01")] // Saturday 2 Sep: Friday 1 Sep
    [InlineData(2024, "2024-09-03")] // Monday 2 Sep: Tuesday 3 Sep (announced 31 Aug – 3 Sep, SGGP)
    [InlineData(2025, "2025-09-01")] // Tuesday 2 Sep: Monday 1 Sep (announced 30 Aug – 2 Sep, Vietnam News)
    [InlineData(2026, "2026-09-01")] // Wednesday 2 Sep: Tuesday 1 Sep (announced, Vietnam News 2025-10-17)
    [InlineData(2027, "2027-09-03")] // Thursday 2 Sep: Friday 3 Sep
    [InlineData(2029, "2029-09-03")] // Sunday 2 Sep: Monday 3 Sep
    public void ForYear_NationalDayAdjacentDay_IsTheWorkingDayThatBestJoinsTheWeekend(int year, string expected)
    {
        var adjacent = Assert.Single(HolidayDefaults.ForYear(year), d => d.Name.Vi == "Quốc khánh (ngày liền kề)");

        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), adjacent.Date);
        Assert.Equal(CalendarDayKind.Holiday, adjacent.Kind);
    }

    [Fact]
    public void ForYear_2029_NationalDayOnSunday_DayInLieuAfterTheAdjacentMonday()
    {
        var september = HolidayDefaults.ForYear(2029).Where(d => d.Date.Month == 9).Select(d => (d.Date, d.Kind));

        Assert.Equal(
            [
                (new DateOnly(2029, 9, 2), CalendarDayKind.Holiday),
                (new DateOnly(2029, 9, 3), CalendarDayKind.Holiday),
                (new DateOnly(2029, 9, 4), CalendarDayKind.DayInLieu),
            ],
            september);
    }

    [Fact]
    public void ForYear_2022_WeekendHolidays_GetTheDaysInLieuThatWereAnnounced()
    {
        // 2022 as announced: 1 Jan (Sat) → Mon 3 Jan; Giỗ Tổ Sun 10 Apr → Mon 11 Apr; 30 Apr (Sat) and 1 May (Sun)
        // → Mon 2 and Tue 3 May (SGGP, "Seven days off in total for national holidays in April"; officeholidays.com).
        var inLieu = HolidayDefaults.ForYear(2022).Where(d => d.Kind == CalendarDayKind.DayInLieu).Select(d => d.Date);

        Assert.Equal(Dates("2022-01-03", "2022-04-11", "2022-05-02", "2022-05-03"), inLieu);
    }

    [Fact]
    public void ForYear_2025_DefaultTetIsLastDayPlusFourAndSaturdayGetsMondayInLieu()
    {
        // The default differs from 2025's announced Tết (27–31 Jan, two days before and three after): the
        // administrator confirms. 28 Jan 2025 was 29 tháng Chạp; mùng 4 fell on Saturday 1 Feb.
        var days = HolidayDefaults.ForYear(2025).Where(d => d.Date > new DateOnly(2025, 1, 1) && d.Date < new DateOnly(2025, 3, 1)).ToList();

        Assert.Equal(
            [
                (new DateOnly(2025, 1, 28), CalendarDayKind.Holiday, "Tết Nguyên đán (29 tháng Chạp)"),
                (new DateOnly(2025, 1, 29), CalendarDayKind.Holiday, "Tết Nguyên đán (mùng 1 tháng Giêng)"),
                (new DateOnly(2025, 1, 30), CalendarDayKind.Holiday, "Tết Nguyên đán (mùng 2 tháng Giêng)"),
                (new DateOnly(2025, 1, 31), CalendarDayKind.Holiday, "Tết Nguyên đán (mùng 3 tháng Giêng)"),
                (new DateOnly(2025, 2, 1), CalendarDayKind.Holiday, "Tết Nguyên đán (mùng 4 tháng Giêng)"),
                (new DateOnly(2025, 2, 3), CalendarDayKind.DayInLieu, "Nghỉ bù Tết Nguyên đán (mùng 4 tháng Giêng)"),
            ],
            days.Select(d => (d.Date, d.Kind, d.Name.Vi)));
    }

    [Fact]
    public void ForYear_2021_TetWeekendDaysGiveTwoDaysInLieuAfterTheBlock()
    {
        // Tết Tân Sửu: 30 tháng Chạp Thu 11 Feb, mùng 1–4 Fri 12 – Mon 15 Feb; Sat 13 and Sun 14 → Tue 16, Wed 17.
        // 1 May 2021 was a Saturday → Monday 3 May (announced 30 Apr – 3 May, SGGP 2020-12-09).
        var inLieu = HolidayDefaults.ForYear(2021).Where(d => d.Kind == CalendarDayKind.DayInLieu).Select(d => (d.Date, d.Name.Vi));

        Assert.Equal(
            [
                (new DateOnly(2021, 2, 16), "Nghỉ bù Tết Nguyên đán (mùng 2 tháng Giêng)"),
                (new DateOnly(2021, 2, 17), "Nghỉ bù Tết Nguyên đán (mùng 3 tháng Giêng)"),
                (new DateOnly(2021, 5, 3), "Nghỉ bù Ngày Quốc tế Lao động (1/5)"),
            ],
            inLieu);
        Assert.Contains(HolidayDefaults.ForYear(2021), d => d.Date == new DateOnly(2021, 2, 11) && d.Name.Vi == "Tết Nguyên đán (30 tháng Chạp)");
    }

    [Fact]
    public void ForYear_EveryYear_HasElevenHolidaysAndWellFormedDaysInLieu()
    {
        for (var year = HolidayDefaults.FirstYear; year <= HolidayDefaults.LastYear; year++)
        {
            var days = HolidayDefaults.ForYear(year);
            var holidays = days.Where(d => d.Kind == CalendarDayKind.Holiday).ToList();
            var inLieu = days.Where(d => d.Kind == CalendarDayKind.DayInLieu).ToList();

            Assert.Equal(11, holidays.Count);
            Assert.Equal(days.Count, holidays.Count + inLieu.Count);
            Assert.Equal(holidays.Count(d => IsWeekend(d.Date)), inLieu.Count);
            Assert.Equal(days.OrderBy(d => d.Date).Select(d => d.Date), days.Select(d => d.Date));
            Assert.Equal(days.Count, days.Select(d => d.Date).Distinct().Count());
            Assert.All(days, d => Assert.Equal(year, d.Date.Year));
            Assert.All(inLieu, d => Assert.False(IsWeekend(d.Date)));
            Assert.Contains(holidays, d => d.Date == VietnameseLunarCalendar.HungKingsDay(year));
            Assert.Contains(holidays, d => d.Date == VietnameseLunarCalendar.LastDayOfYear(year - 1));
            Assert.Contains(holidays, d => d.Date == VietnameseLunarCalendar.NewYear(year).AddDays(3));
        }
    }

    [Fact]
    public void ForYear_Names_AreTrilingualAndNfc()
    {
        foreach (var day in HolidayDefaults.ForYear(2026).Concat(HolidayDefaults.ForYear(2021)))
        {
            Assert.False(string.IsNullOrWhiteSpace(day.Name.Vi));
            Assert.False(string.IsNullOrWhiteSpace(day.Name.En));
            Assert.False(string.IsNullOrWhiteSpace(day.Name.Id));
            Assert.True(day.Name.Vi.IsNormalized(NormalizationForm.FormC), day.Name.Vi);
            Assert.True(day.Name.En!.IsNormalized(NormalizationForm.FormC), day.Name.En);
            Assert.True(day.Name.Id!.IsNormalized(NormalizationForm.FormC), day.Name.Id);
        }
    }

    [Fact]
    public void ForYear_2026_NamesInEachLanguage()
    {
        var days = HolidayDefaults.ForYear(2026);

        var newYear = days[0];
        Assert.Equal(("Tết Dương lịch", "New Year's Day", "Tahun Baru Masehi"), (newYear.Name.Vi, newYear.Name.En, newYear.Name.Id));
        var inLieu = Assert.Single(days, d => d.Kind == CalendarDayKind.DayInLieu);
        Assert.Equal("Day in lieu of Hùng Kings' Commemoration Day (10th day of the 3rd lunar month)", inLieu.Name.For("en-US"));
        Assert.StartsWith("Cuti pengganti Hari Peringatan Raja-Raja Hùng", inLieu.Name.For("id"), StringComparison.Ordinal);
    }

    [Fact]
    public void ForYear_DoesNotAddVietnameseCultureDay24November()
    {
        // Chosen by the Politburo (Resolution 80-NQ/TW, 2026) but not yet enacted in Labour Code art. 112.
        Assert.DoesNotContain(HolidayDefaults.ForYear(2026), d => d.Date == new DateOnly(2026, 11, 24));
    }

    [Theory]
    [InlineData(2020)]
    [InlineData(2200)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void ForYear_OutsideSupportedYears_Throws(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HolidayDefaults.ForYear(year));
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static DateOnly[] Dates(params string[] isoDates) =>
        [.. isoDates.Select(iso => DateOnly.Parse(iso, CultureInfo.InvariantCulture))];
}
