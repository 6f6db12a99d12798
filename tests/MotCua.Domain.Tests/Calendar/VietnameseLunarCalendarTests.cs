using System.Globalization;
using MotCua.Domain.Calendar;

namespace MotCua.Domain.Tests.Calendar;

public class VietnameseLunarCalendarTests
{
    /// <summary>
    /// Tết (mùng 1 tháng Giêng) and Giỗ Tổ Hùng Vương (10/3 âm lịch) as published, never computed by the code under test.
    /// </summary>
    /// <remarks>
    /// Sources, for every year 2000–2040:
    /// <list type="bullet">
    /// <item>Hồ Ngọc Đức, "Âm lịch Việt Nam", https://www.informatik.uni-leipzig.de/~duc/amlich/ — the published
    /// per-year table TK21 (years 2000–2099) in amlich-hnd.js, read by hand: Tết = 1 January + the offset in the
    /// top bits, the 3rd month starts after the lengths of months 1, 2 (and a leap month 1 or 2 when the table has one).</item>
    /// <item>vacanza/python-holidays, holidays/calendars/chinese.py: LUNAR_NEW_YEAR_DATES and HUNG_KINGS_DATES with the
    /// VIETNAMESE_CALENDAR_LUNAR_NEW_YEAR_DATES (2007, 2030) and VIETNAMESE_CALENDAR_HUNG_KINGS_DATES (2009, 2037, 2038)
    /// overrides. Both sources agree on all 82 dates below.</item>
    /// </list>
    /// Spot checks in Vietnamese and government news are noted on the rows they confirm.
    /// </remarks>
    public static readonly IReadOnlyList<(int Year, DateOnly Tet, DateOnly HungKings)> PublishedTable =
    [
        // 2000–2009: Hồ Ngọc Đức TK21; python-holidays. 2007: Hồ Ngọc Đức, "In 2007 the Vietnamese New Year is on
        // 17/02/2007, the Chinese one on 18/02/2007" (calrules page; also reported by viet-jo.com, 2006-07-06, citing
        // the Vietnamese calendar authority). 2009: Giỗ Tổ 4 Apr (python-holidays Vietnamese override; China 5 Apr).
        (2000, new(2000, 2, 5), new(2000, 4, 14)),
        (2001, new(2001, 1, 24), new(2001, 4, 3)),
        (2002, new(2002, 2, 12), new(2002, 4, 22)),
        (2003, new(2003, 2, 1), new(2003, 4, 11)),
        (2004, new(2004, 1, 22), new(2004, 4, 28)),
        (2005, new(2005, 2, 9), new(2005, 4, 18)),
        (2006, new(2006, 1, 29), new(2006, 4, 7)),
        (2007, new(2007, 2, 17), new(2007, 4, 26)),
        (2008, new(2008, 2, 7), new(2008, 4, 15)),
        (2009, new(2009, 1, 26), new(2009, 4, 4)),

        // 2010–2019: Hồ Ngọc Đức TK21; python-holidays. 2016 Giỗ Tổ Sat 16 Apr: Da Nang Today, 2016-04-01, quoting MoLISA.
        (2010, new(2010, 2, 14), new(2010, 4, 23)),
        (2011, new(2011, 2, 3), new(2011, 4, 12)),
        (2012, new(2012, 1, 23), new(2012, 3, 31)),
        (2013, new(2013, 2, 10), new(2013, 4, 19)),
        (2014, new(2014, 1, 31), new(2014, 4, 9)),
        (2015, new(2015, 2, 19), new(2015, 4, 28)),
        (2016, new(2016, 2, 8), new(2016, 4, 16)),
        (2017, new(2017, 1, 28), new(2017, 4, 6)),
        (2018, new(2018, 2, 16), new(2018, 4, 25)),
        (2019, new(2019, 2, 5), new(2019, 4, 14)),

        // 2020–2029: Hồ Ngọc Đức TK21; python-holidays. News: Giỗ Tổ 2021 = 21 Apr (cafedautu.vn), 2022 = Sun 10 Apr
        // (SGGP), 2025 = Mon 7 Apr (baochinhphu.vn), 2026 = Sun 26 Apr (thanhnien.vn, 2026-02-23); Tết 2022 = Tue 1 Feb
        // (evbn.org), 2024 = Sat 10 Feb, 2025 = 29 Jan (laodong via 5now.info), 2026 = Tue 17 Feb (oneshop.vn).
        (2020, new(2020, 1, 25), new(2020, 4, 2)),
        (2021, new(2021, 2, 12), new(2021, 4, 21)),
        (2022, new(2022, 2, 1), new(2022, 4, 10)),
        (2023, new(2023, 1, 22), new(2023, 4, 29)),
        (2024, new(2024, 2, 10), new(2024, 4, 18)),
        (2025, new(2025, 1, 29), new(2025, 4, 7)),
        (2026, new(2026, 2, 17), new(2026, 4, 26)),
        (2027, new(2027, 2, 6), new(2027, 4, 16)),
        (2028, new(2028, 1, 26), new(2028, 4, 4)),
        (2029, new(2029, 2, 13), new(2029, 4, 23)),

        // 2030–2040: Hồ Ngọc Đức TK21; python-holidays. 2030: Hồ Ngọc Đức, "In 2030 the dates are 02/02/2030 and
        // 03/02/2030" (Vietnam, China); scienceinfo.net also reports Vietnam a day before China in 2030.
        // 2037, 2038: Giỗ Tổ 24 Apr and 13 Apr (python-holidays Vietnamese overrides; China 25 Apr and 14 Apr).
        (2030, new(2030, 2, 2), new(2030, 4, 12)),
        (2031, new(2031, 1, 23), new(2031, 4, 1)),
        (2032, new(2032, 2, 11), new(2032, 4, 19)),
        (2033, new(2033, 1, 31), new(2033, 4, 9)),
        (2034, new(2034, 2, 19), new(2034, 4, 28)),
        (2035, new(2035, 2, 8), new(2035, 4, 17)),
        (2036, new(2036, 1, 28), new(2036, 4, 6)),
        (2037, new(2037, 2, 15), new(2037, 4, 24)),
        (2038, new(2038, 2, 4), new(2038, 4, 13)),
        (2039, new(2039, 1, 24), new(2039, 4, 3)),
        (2040, new(2040, 2, 12), new(2040, 4, 20)),
    ];

    public static IEnumerable<TheoryDataRow<int, DateOnly>> PublishedTet() =>
        PublishedTable.Select(row => new TheoryDataRow<int, DateOnly>(row.Year, row.Tet));

    public static IEnumerable<TheoryDataRow<int, DateOnly>> PublishedHungKings() =>
        PublishedTable.Select(row => new TheoryDataRow<int, DateOnly>(row.Year, row.HungKings));

    [Fact]
    public void PublishedTable_CoversEveryYear2000To2040()
    {
        Assert.Equal(Enumerable.Range(2000, 41), PublishedTable.Select(row => row.Year));
    }

    [Theory]
    [MemberData(nameof(PublishedTet))]
    public void NewYear_MatchesPublishedVietnameseTable(int year, DateOnly expected)
    {
        Assert.Equal(expected, VietnameseLunarCalendar.NewYear(year));
        Assert.Equal(new LunarDate(year, 1, 1, IsLeapMonth: false), VietnameseLunarCalendar.FromSolar(expected));
    }

    [Theory]
    [MemberData(nameof(PublishedHungKings))]
    public void HungKingsDay_MatchesPublishedVietnameseTable(int year, DateOnly expected)
    {
        Assert.Equal(expected, VietnameseLunarCalendar.HungKingsDay(year));
        Assert.Equal(new LunarDate(year, 3, 10, IsLeapMonth: false), VietnameseLunarCalendar.FromSolar(expected));
    }

    [Fact]
    public void NewYear_2007_IsFeb17NotChinaFeb18()
    {
        Assert.Equal(new DateOnly(2007, 2, 17), VietnameseLunarCalendar.NewYear(2007));
        Assert.Equal(new DateOnly(2007, 2, 18), ChinaDate(2007, 1, 1));
    }

    [Fact]
    public void NewYear_2030_VietnamIsOneDayBeforeChina()
    {
        Assert.Equal(new DateOnly(2030, 2, 2), VietnameseLunarCalendar.NewYear(2030));
        Assert.Equal(new DateOnly(2030, 2, 3), ChinaDate(2030, 1, 1));
    }

    [Theory]
    [InlineData(2009, "2009-04-04", "2009-04-05")]
    [InlineData(2037, "2037-04-24", "2037-04-25")]
    [InlineData(2038, "2038-04-13", "2038-04-14")]
    public void HungKingsDay_VietnamIsOneDayBeforeChina(int year, string vietnam, string china)
    {
        Assert.Equal(DateOnly.Parse(vietnam, CultureInfo.InvariantCulture), VietnameseLunarCalendar.HungKingsDay(year));
        Assert.Equal(DateOnly.Parse(china, CultureInfo.InvariantCulture), ChinaDate(year, 3, 10));
    }

    [Fact]
    public void ChineseLunisolarCalendar_DiffersFromPublishedVietnameseTable_In2007And2030ForTetAnd2009_2037_2038ForHungKings()
    {
        // Why the implementation must not use ChineseLunisolarCalendar: compared with the published Vietnamese
        // table (not with our own code), China's calendar is wrong for Vietnam in exactly these years.
        var tetDifferences = PublishedTable.Where(row => ChinaDate(row.Year, 1, 1) != row.Tet).Select(row => row.Year);
        var hungKingsDifferences = PublishedTable.Where(row => ChinaDate(row.Year, 3, 10) != row.HungKings).Select(row => row.Year);

        Assert.Equal([2007, 2030], tetDifferences);
        Assert.Equal([2009, 2037, 2038], hungKingsDifferences);
    }

    [Theory]
    [InlineData(2020, 4, "2020-04-23", 30, 29)]
    [InlineData(2023, 2, "2023-02-20", 30, 29)]
    [InlineData(2025, 6, "2025-06-25", 30, 29)]
    [InlineData(2033, 11, "2033-11-22", 30, 29)]
    public void ToSolar_LeapMonth_FollowsItsRegularMonthAsPublished(int year, int month, string regularFirstDay, int regularLength, int leapLength)
    {
        // Regular and leap months with their lengths from Hồ Ngọc Đức's TK21 table (2020 tháng 4 nhuận,
        // 2023 tháng 2 nhuận, 2025 tháng 6 nhuận, 2033 tháng 11 nhuận).
        var regularStart = DateOnly.Parse(regularFirstDay, CultureInfo.InvariantCulture);
        var leapStart = regularStart.AddDays(regularLength);

        Assert.Equal(regularStart, VietnameseLunarCalendar.ToSolar(new LunarDate(year, month, 1, IsLeapMonth: false)));
        Assert.Equal(leapStart, VietnameseLunarCalendar.ToSolar(new LunarDate(year, month, 1, IsLeapMonth: true)));
        Assert.Equal(new LunarDate(year, month, regularLength, IsLeapMonth: false), VietnameseLunarCalendar.FromSolar(leapStart.AddDays(-1)));
        Assert.Equal(new LunarDate(year, month, 1, IsLeapMonth: true), VietnameseLunarCalendar.FromSolar(leapStart));
        Assert.Equal(new LunarDate(year, month, leapLength, IsLeapMonth: true), VietnameseLunarCalendar.FromSolar(leapStart.AddDays(leapLength - 1)));
        Assert.Equal(new LunarDate(year, month + 1, 1, IsLeapMonth: false), VietnameseLunarCalendar.FromSolar(leapStart.AddDays(leapLength)));
    }

    [Fact]
    public void FromSolar_2033LeapElevenBelongsToLunarYear2033()
    {
        // Month 11 and the leap month 11 of 2033 are still lunar year 2033 though the leap month ends in January 2034.
        Assert.Equal(new LunarDate(2033, 11, 29, IsLeapMonth: true), VietnameseLunarCalendar.FromSolar(new DateOnly(2034, 1, 19)));
        Assert.Equal(new LunarDate(2033, 12, 1, IsLeapMonth: false), VietnameseLunarCalendar.FromSolar(new DateOnly(2034, 1, 20)));
    }

    [Theory]
    [InlineData(2019)]
    [InlineData(2021)]
    [InlineData(2022)]
    [InlineData(2024)]
    public void ToSolar_YearWithoutLeapMonth_RejectsEveryLeapMonth(int year)
    {
        for (var month = 1; month <= 12; month++)
        {
            var lunar = new LunarDate(year, month, 1, IsLeapMonth: true);
            Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(lunar));
        }
    }

    [Fact]
    public void ToSolar_LeapMonthTheYearLacks_Throws()
    {
        // 2025 has only a leap 6th month.
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(new LunarDate(2025, 2, 1, IsLeapMonth: true)));
    }

    [Fact]
    public void ToSolar_Day30OfA29DayMonth_Throws()
    {
        // Month 2 of 2025 runs 28 Feb – 28 Mar 2025 (29 days) in Hồ Ngọc Đức's table; month 1 has 30 days.
        Assert.Equal(new DateOnly(2025, 3, 28), VietnameseLunarCalendar.ToSolar(new LunarDate(2025, 2, 29, IsLeapMonth: false)));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(new LunarDate(2025, 2, 30, IsLeapMonth: false)));
        Assert.Equal(new DateOnly(2025, 2, 27), VietnameseLunarCalendar.ToSolar(new LunarDate(2025, 1, 30, IsLeapMonth: false)));
    }

    [Theory]
    [InlineData(2025, 1, 0)]
    [InlineData(2025, 1, 31)]
    [InlineData(2025, 0, 1)]
    [InlineData(2025, 13, 1)]
    [InlineData(2025, -1, 1)]
    [InlineData(1899, 1, 1)]
    [InlineData(2200, 1, 1)]
    public void ToSolar_NonexistentDate_Throws(int year, int month, int day)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(new LunarDate(year, month, day, IsLeapMonth: false)));
    }

    [Theory]
    [InlineData(1899)]
    [InlineData(2200)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void YearFunctions_OutOfRange_Throw(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.NewYear(year));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.LastDayOfYear(year));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.HungKingsDay(year));
    }

    [Fact]
    public void FromSolar_OutsideSupportedYears_Throws()
    {
        var first = VietnameseLunarCalendar.NewYear(VietnameseLunarCalendar.MinYear);
        var last = VietnameseLunarCalendar.LastDayOfYear(VietnameseLunarCalendar.MaxYear);

        Assert.Equal(new LunarDate(1900, 1, 1, IsLeapMonth: false), VietnameseLunarCalendar.FromSolar(first));
        Assert.Equal(2199, VietnameseLunarCalendar.FromSolar(last).Year);
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.FromSolar(first.AddDays(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.FromSolar(last.AddDays(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.FromSolar(DateOnly.MinValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.FromSolar(DateOnly.MaxValue));
    }

    [Fact]
    public void NewYear_1900_IsJan31()
    {
        // Hồ Ngọc Đức's table (TK20) and python-holidays both give Tết Canh Tý on 31 Jan 1900.
        Assert.Equal(new DateOnly(1900, 1, 31), VietnameseLunarCalendar.NewYear(1900));
    }

    [Fact]
    public void LastDayOfYear_IsTheDayBeforeTheNextNewYear()
    {
        for (var year = VietnameseLunarCalendar.MinYear; year <= VietnameseLunarCalendar.MaxYear; year++)
        {
            var last = VietnameseLunarCalendar.LastDayOfYear(year);
            var lunar = VietnameseLunarCalendar.FromSolar(last);

            Assert.Equal(year, lunar.Year);
            Assert.Equal(12, lunar.Month);
            Assert.InRange(lunar.Day, 29, 30);
            if (year < VietnameseLunarCalendar.MaxYear)
            {
                Assert.Equal(VietnameseLunarCalendar.NewYear(year + 1).AddDays(-1), last);
            }
        }
    }

    [Fact]
    public void LastDayOfYear_2025_Is29thOfTheTwelfthMonth()
    {
        // Tết 2026: "29 tháng Chạp năm Ất Tỵ ... thứ Hai, ngày 16/02/2026" (Bộ Nội vụ schedule, tienphong.vn); no 30 Tết.
        Assert.Equal(new DateOnly(2026, 2, 16), VietnameseLunarCalendar.LastDayOfYear(2025));
        Assert.Equal(new LunarDate(2025, 12, 29, IsLeapMonth: false), VietnameseLunarCalendar.FromSolar(new DateOnly(2026, 2, 16)));
    }

    [Fact]
    public void FromSolar_EveryDaySupported_RoundTripsAndAdvancesByOneLunarDay()
    {
        var first = VietnameseLunarCalendar.NewYear(VietnameseLunarCalendar.MinYear);
        var last = VietnameseLunarCalendar.LastDayOfYear(VietnameseLunarCalendar.MaxYear);
        var previous = VietnameseLunarCalendar.FromSolar(first);

        for (var date = first.AddDays(1); date <= last; date = date.AddDays(1))
        {
            var lunar = VietnameseLunarCalendar.FromSolar(date);

            Assert.Equal(date, VietnameseLunarCalendar.ToSolar(lunar));
            if (lunar.Day == 1)
            {
                Assert.InRange(previous.Day, 29, 30);
                var expectedMonth = lunar.IsLeapMonth ? previous.Month : previous.Month % 12 + 1;
                Assert.Equal(expectedMonth, lunar.Month);
                Assert.Equal(lunar.Month == 1 && !lunar.IsLeapMonth ? previous.Year + 1 : previous.Year, lunar.Year);
            }
            else
            {
                Assert.Equal(previous with { Day = previous.Day + 1 }, lunar);
            }

            previous = lunar;
        }
    }

    [Fact]
    public void ToSolar_EveryLunarDate2000To2040_RoundTrips()
    {
        var checkedDates = 0;
        for (var year = 2000; year <= 2040; year++)
        {
            for (var month = 1; month <= 12; month++)
            {
                foreach (var isLeap in new[] { false, true })
                {
                    for (var day = 1; day <= 30; day++)
                    {
                        var lunar = new LunarDate(year, month, day, isLeap);
                        DateOnly solar;
                        try
                        {
                            solar = VietnameseLunarCalendar.ToSolar(lunar);
                        }
                        catch (ArgumentOutOfRangeException)
                        {
                            continue;
                        }

                        Assert.Equal(lunar, VietnameseLunarCalendar.FromSolar(solar));
                        checkedDates++;
                    }
                }
            }
        }

        // Every solar day from Tết 2000 to the eve of Tết 2041 is exactly one lunar date.
        var days = VietnameseLunarCalendar.NewYear(2041).DayNumber - VietnameseLunarCalendar.NewYear(2000).DayNumber;
        Assert.Equal(days, checkedDates);
    }

    [Fact]
    public void LeapYears2000To2040_HaveThirteenMonthsAndTheRestTwelve()
    {
        // Leap months per Hồ Ngọc Đức's TK21 table: 2001 (4), 2004 (2), 2006 (7), 2009 (5), 2012 (4), 2014 (9),
        // 2017 (6), 2020 (4), 2023 (2), 2025 (6), 2028 (5), 2031 (3), 2033 (11), 2036 (6), 2039 (5).
        var expected = new Dictionary<int, int>
        {
            [2001] = 4, [2004] = 2, [2006] = 7, [2009] = 5, [2012] = 4, [2014] = 9, [2017] = 6, [2020] = 4,
            [2023] = 2, [2025] = 6, [2028] = 5, [2031] = 3, [2033] = 11, [2036] = 6, [2039] = 5,
        };

        for (var year = 2000; year <= 2040; year++)
        {
            var leapMonths = Enumerable.Range(1, 12).Where(month => Exists(new LunarDate(year, month, 1, IsLeapMonth: true))).ToList();
            var length = VietnameseLunarCalendar.NewYear(year + 1).DayNumber - VietnameseLunarCalendar.NewYear(year).DayNumber;

            if (expected.TryGetValue(year, out var leapMonth))
            {
                Assert.Equal([leapMonth], leapMonths);
                Assert.InRange(length, 383, 385);
            }
            else
            {
                Assert.Empty(leapMonths);
                Assert.InRange(length, 353, 355);
            }
        }
    }

    private static bool Exists(LunarDate lunar)
    {
        try
        {
            VietnameseLunarCalendar.ToSolar(lunar);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>The date .NET's ChineseLunisolarCalendar (China, UTC+8) gives for a non-leap lunar month and day.</summary>
    private static DateOnly ChinaDate(int year, int month, int day)
    {
        var calendar = new ChineseLunisolarCalendar();

        // The calendar numbers months 1–13 in a leap year; GetLeapMonth is the index of the leap month, so months from
        // that index on are shifted by one.
        var leapIndex = calendar.GetLeapMonth(year);
        var index = leapIndex != 0 && leapIndex <= month ? month + 1 : month;
        return DateOnly.FromDateTime(calendar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }
}
