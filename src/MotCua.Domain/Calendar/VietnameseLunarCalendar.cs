namespace MotCua.Domain.Calendar;

/// <summary>
/// A date of the Vietnamese lunisolar calendar (âm lịch). <see cref="Year"/> is the Gregorian year in which
/// the lunar year begins (lunar year 2026 is Bính Ngọ, starting 17 Feb 2026). <see cref="IsLeapMonth"/> marks
/// the intercalary month (tháng nhuận), which repeats the number of the month before it.
/// </summary>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth);

/// <summary>
/// The Vietnamese lunisolar calendar computed astronomically for Hà Nội time (UTC+7), the rule in force
/// since 1968. The rules are the ones Hồ Ngọc Đức published for âm lịch Việt Nam: a month begins on the civil
/// day (UTC+7) of the new moon, month 11 contains the December solstice, and when 13 months separate two
/// months 11 the first month without a major solar term (trung khí) is the leap month. New moons and the
/// sun's apparent longitude are computed after Meeus.
/// </summary>
/// <remarks>
/// <see cref="System.Globalization.ChineseLunisolarCalendar"/> is not used on purpose: it follows China (UTC+8)
/// and gives, for example, Tết on 18 Feb 2007 and 3 Feb 2030 where Vietnam celebrates 17 Feb 2007 and
/// 2 Feb 2030. Lunar years <see cref="MinYear"/> to <see cref="MaxYear"/> are supported. Years before 1968 are
/// proleptic: the calendar actually used in Vietnam then followed China and sometimes differs. Far in the future
/// a new moon close to local midnight may fall on the other day than in published tables (for example month 4
/// of 2054, whose new moon is within a minute of midnight).
/// </remarks>
public static class VietnameseLunarCalendar
{
    public const int MinYear = 1900;
    public const int MaxYear = 2199;

    private static readonly Lazy<MonthTable> Table = new(MonthTable.Build);

    public static LunarDate FromSolar(DateOnly date)
    {
        var table = Table.Value;
        if (date < table.FirstSupportedDay || date > table.LastSupportedDay)
        {
            throw new ArgumentOutOfRangeException(
                nameof(date),
                date,
                $"Only dates from {table.FirstSupportedDay:yyyy-MM-dd} to {table.LastSupportedDay:yyyy-MM-dd} (lunar years {MinYear}–{MaxYear}) are supported.");
        }

        var month = table.MonthContaining(date.DayNumber);
        return new LunarDate(month.LunarYear, month.Number, date.DayNumber - month.FirstDay + 1, month.IsLeap);
    }

    /// <exception cref="ArgumentOutOfRangeException">
    /// The lunar date does not exist: year out of range, month not 1–12, a leap month the year lacks,
    /// or a day past the end of the month (day 30 of a 29-day month).
    /// </exception>
    public static DateOnly ToSolar(LunarDate lunar)
    {
        EnsureYearSupported(lunar.Year, nameof(lunar));
        if (lunar.Month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(lunar), lunar, "A lunar month is numbered 1 to 12.");
        }

        var month = Table.Value.Find(lunar.Year, lunar.Month, lunar.IsLeapMonth)
            ?? throw new ArgumentOutOfRangeException(
                nameof(lunar),
                lunar,
                $"Lunar year {lunar.Year} has no leap month {lunar.Month}.");

        if (lunar.Day < 1 || lunar.Day > month.Length)
        {
            throw new ArgumentOutOfRangeException(
                nameof(lunar),
                lunar,
                $"Lunar month {lunar.Month}{(lunar.IsLeapMonth ? " (leap)" : string.Empty)} of {lunar.Year} has {month.Length} days.");
        }

        return DateOnly.FromDayNumber(month.FirstDay + lunar.Day - 1);
    }

    /// <summary>Mùng 1 Tết: the first day of month 1 of the lunar year.</summary>
    public static DateOnly NewYear(int lunarYear)
    {
        EnsureYearSupported(lunarYear, nameof(lunarYear));
        return DateOnly.FromDayNumber(Table.Value.NewYearDay(lunarYear));
    }

    /// <summary>
    /// The last day of the lunar year (ngày cuối năm, 29 or 30 tháng Chạp, or of a leap twelfth month):
    /// exactly the day before <see cref="NewYear"/> of the following lunar year.
    /// </summary>
    public static DateOnly LastDayOfYear(int lunarYear)
    {
        EnsureYearSupported(lunarYear, nameof(lunarYear));
        return DateOnly.FromDayNumber(Table.Value.NewYearDay(lunarYear + 1) - 1);
    }

    /// <summary>Giỗ Tổ Hùng Vương: the 10th day of the (non-leap) 3rd lunar month, a public holiday under Labour Code 2019 art. 112(1)(đ).</summary>
    public static DateOnly HungKingsDay(int lunarYear) => ToSolar(new LunarDate(lunarYear, 3, 10, IsLeapMonth: false));

    private static void EnsureYearSupported(int lunarYear, string paramName)
    {
        if (lunarYear is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(paramName, lunarYear, $"Only lunar years {MinYear}–{MaxYear} are supported.");
        }
    }

    /// <summary>One lunar month: its number, leap flag, the lunar year it belongs to and its civil days.</summary>
    private sealed record LunarMonth(int LunarYear, int Number, bool IsLeap, int FirstDay, int Length);

    /// <summary>Every lunar month of the supported years, in order, computed once.</summary>
    private sealed class MonthTable
    {
        private readonly LunarMonth[] _months;
        private readonly int[] _firstDays;
        private readonly Dictionary<int, int> _firstIndexOfYear = [];

        private MonthTable(LunarMonth[] months)
        {
            _months = months;
            _firstDays = Array.ConvertAll(months, m => m.FirstDay);
            for (var i = 0; i < months.Length; i++)
            {
                _firstIndexOfYear.TryAdd(months[i].LunarYear, i);
            }

            FirstSupportedDay = DateOnly.FromDayNumber(NewYearDay(MinYear));
            LastSupportedDay = DateOnly.FromDayNumber(NewYearDay(MaxYear + 1) - 1);
        }

        public DateOnly FirstSupportedDay { get; }

        public DateOnly LastSupportedDay { get; }

        public static MonthTable Build()
        {
            // Solstice years from December 1898 reach back past Tết of MinYear; those up to December 2200
            // reach past the last day of MaxYear (and so give NewYear(MaxYear + 1)).
            var months = new List<LunarMonth>();
            for (var gregorianYear = MinYear - 2; gregorianYear <= MaxYear + 1; gregorianYear++)
            {
                months.AddRange(SolsticeYear(gregorianYear));
            }

            return new MonthTable([.. months]);
        }

        public LunarMonth MonthContaining(int dayNumber)
        {
            var index = Array.BinarySearch(_firstDays, dayNumber);
            return _months[index >= 0 ? index : ~index - 1];
        }

        public LunarMonth? Find(int lunarYear, int number, bool isLeap)
        {
            for (var i = _firstIndexOfYear[lunarYear]; i < _months.Length && _months[i].LunarYear == lunarYear; i++)
            {
                var month = _months[i];
                if (month.Number == number && month.IsLeap == isLeap)
                {
                    return month;
                }
            }

            return null;
        }

        public int NewYearDay(int lunarYear) => Find(lunarYear, 1, isLeap: false)!.FirstDay;

        /// <summary>
        /// The months from the month 11 that contains the December solstice of <paramref name="gregorianYear"/>
        /// up to (not including) the next month 11, numbered and with the leap month marked.
        /// </summary>
        private static IEnumerable<LunarMonth> SolsticeYear(int gregorianYear)
        {
            var firstLunation = Astronomy.LunationOfMonthEleven(gregorianYear);
            var nextFirstLunation = Astronomy.LunationOfMonthEleven(gregorianYear + 1);
            var count = nextFirstLunation - firstLunation;
            var starts = new int[count + 1];
            for (var i = 0; i <= count; i++)
            {
                starts[i] = Astronomy.NewMoonDay(firstLunation + i);
            }

            // 13 lunations between two solstice months: the first month in which the sun crosses no
            // multiple of 30° is intercalary and repeats the number of the month before it.
            var leapIndex = -1;
            if (count == 13)
            {
                for (var i = 0; i < count; i++)
                {
                    if (Astronomy.MajorTermIndex(starts[i]) == Astronomy.MajorTermIndex(starts[i + 1]))
                    {
                        leapIndex = i;
                        break;
                    }
                }
            }

            var number = 10;
            var lunarYear = gregorianYear;
            for (var i = 0; i < count; i++)
            {
                var isLeap = i == leapIndex;
                if (!isLeap)
                {
                    number = number == 12 ? 1 : number + 1;
                    if (number == 1)
                    {
                        lunarYear = gregorianYear + 1;
                    }
                }

                yield return new LunarMonth(lunarYear, number, isLeap, starts[i], starts[i + 1] - starts[i]);
            }
        }
    }

    /// <summary>
    /// Lunar and solar positions from Jean Meeus, Astronomical Algorithms (2nd ed., 1998). Times are Julian days;
    /// a civil day is identified by its <see cref="DateOnly.DayNumber"/>.
    /// </summary>
    private static class Astronomy
    {
        private const double VietnamOffsetDays = 7.0 / 24.0;
        private const double SynodicMonth = 29.530588861;

        // A Julian day number minus this is the DateOnly.DayNumber of the same civil day.
        private const int JulianDayOfDayNumberZero = 1721426;

        // Lunation 0 is Meeus's: the new moon of 6 January 2000.
        private const double LunationZero = 2451550.09766;

        private const double Degree = Math.PI / 180.0;

        /// <summary>The lunation whose month contains the December solstice of <paramref name="gregorianYear"/>.</summary>
        public static int LunationOfMonthEleven(int gregorianYear)
        {
            var december31 = new DateOnly(gregorianYear, 12, 31).DayNumber + JulianDayOfDayNumberZero;
            var lunation = (int)Math.Floor((december31 - LunationZero) / SynodicMonth);

            // The estimate is within one lunation; step until the month starts on or before the solstice
            // day and the next month starts after it.
            while (StartsAfterSolstice(NewMoonDay(lunation)))
            {
                lunation--;
            }

            while (!StartsAfterSolstice(NewMoonDay(lunation + 1)))
            {
                lunation++;
            }

            return lunation;
        }

        /// <summary>The civil day (DateOnly day number) in UTC+7 on which new moon number <paramref name="lunation"/> falls.</summary>
        public static int NewMoonDay(int lunation)
        {
            var ephemerisDay = NewMoonInstant(lunation);
            var universalDay = ephemerisDay - (DeltaTSeconds(ephemerisDay) / 86400.0);
            return (int)Math.Floor(universalDay + 0.5 + VietnamOffsetDays) - JulianDayOfDayNumberZero;
        }

        /// <summary>Which 30° sector of the ecliptic the sun is in at the start (00:00 UTC+7) of the civil day.</summary>
        public static int MajorTermIndex(int dayNumber) => (int)Math.Floor(SunLongitudeAtStartOf(dayNumber) / 30.0);

        private static bool StartsAfterSolstice(int dayNumber)
        {
            // Around December the sun is between 240° and 300°; 270° is the solstice.
            var longitude = SunLongitudeAtStartOf(dayNumber);
            return longitude is >= 270.0 or < 90.0;
        }

        private static double SunLongitudeAtStartOf(int dayNumber)
        {
            var julianDay = dayNumber + JulianDayOfDayNumberZero - 0.5 - VietnamOffsetDays;
            return ApparentSunLongitude(julianDay);
        }

        /// <summary>Meeus ch. 49: the instant of a new moon in Julian Ephemeris Days (dynamical time).</summary>
        private static double NewMoonInstant(int lunation)
        {
            double k = lunation;
            var t = k / 1236.85;
            var t2 = t * t;
            var t3 = t2 * t;
            var t4 = t3 * t;

            var meanPhase = 2451550.09766 + (29.530588861 * k) + (0.00015437 * t2) - (0.000000150 * t3) + (0.00000000073 * t4);
            var e = 1 - (0.002516 * t) - (0.0000074 * t2);
            var m = (2.5534 + (29.10535670 * k) - (0.0000014 * t2) - (0.00000011 * t3)) * Degree;
            var mp = (201.5643 + (385.81693528 * k) + (0.0107582 * t2) + (0.00001238 * t3) - (0.000000058 * t4)) * Degree;
            var f = (160.7108 + (390.67050284 * k) - (0.0016118 * t2) - (0.00000227 * t3) + (0.000000011 * t4)) * Degree;
            var omega = (124.7746 - (1.56375588 * k) + (0.0020672 * t2) + (0.00000215 * t3)) * Degree;

            var periodic =
                (-0.40720 * Math.Sin(mp))
                + (0.17241 * e * Math.Sin(m))
                + (0.01608 * Math.Sin(2 * mp))
                + (0.01039 * Math.Sin(2 * f))
                + (0.00739 * e * Math.Sin(mp - m))
                - (0.00514 * e * Math.Sin(mp + m))
                + (0.00208 * e * e * Math.Sin(2 * m))
                - (0.00111 * Math.Sin(mp - (2 * f)))
                - (0.00057 * Math.Sin(mp + (2 * f)))
                + (0.00056 * e * Math.Sin((2 * mp) + m))
                - (0.00042 * Math.Sin(3 * mp))
                + (0.00042 * e * Math.Sin(m + (2 * f)))
                + (0.00038 * e * Math.Sin(m - (2 * f)))
                - (0.00024 * e * Math.Sin((2 * mp) - m))
                - (0.00017 * Math.Sin(omega))
                - (0.00007 * Math.Sin(mp + (2 * m)))
                + (0.00004 * Math.Sin((2 * mp) - (2 * f)))
                + (0.00004 * Math.Sin(3 * m))
                + (0.00003 * Math.Sin(mp + m - (2 * f)))
                + (0.00003 * Math.Sin((2 * mp) + (2 * f)))
                - (0.00003 * Math.Sin(mp + m + (2 * f)))
                + (0.00003 * Math.Sin(mp - m + (2 * f)))
                - (0.00002 * Math.Sin(mp - m - (2 * f)))
                - (0.00002 * Math.Sin((3 * mp) + m))
                + (0.00002 * Math.Sin(4 * mp));

            var planetary =
                (0.000325 * SinDegrees(299.77 + (0.107408 * k) - (0.009173 * t2)))
                + (0.000165 * SinDegrees(251.88 + (0.016321 * k)))
                + (0.000164 * SinDegrees(251.83 + (26.651886 * k)))
                + (0.000126 * SinDegrees(349.42 + (36.412478 * k)))
                + (0.000110 * SinDegrees(84.66 + (18.206239 * k)))
                + (0.000062 * SinDegrees(141.74 + (53.303771 * k)))
                + (0.000060 * SinDegrees(207.14 + (2.453732 * k)))
                + (0.000056 * SinDegrees(154.84 + (7.306860 * k)))
                + (0.000047 * SinDegrees(34.52 + (27.261239 * k)))
                + (0.000042 * SinDegrees(207.19 + (0.121824 * k)))
                + (0.000040 * SinDegrees(291.34 + (1.844379 * k)))
                + (0.000037 * SinDegrees(161.72 + (24.198154 * k)))
                + (0.000035 * SinDegrees(239.56 + (25.513099 * k)))
                + (0.000023 * SinDegrees(331.55 + (3.592518 * k)));

            return meanPhase + periodic + planetary;
        }

        /// <summary>
        /// ΔT = TT − UT in seconds, from the Espenak–Meeus polynomials (NASA, 2006) for 1860–2200. Beyond 2005 they
        /// are predictions; a new moon within a minute or so of local midnight can fall on either civil day.
        /// </summary>
        private static double DeltaTSeconds(double julianDay)
        {
            var y = 2000.0 + ((julianDay - 2451545.0) / 365.25);
            double t;
            switch (y)
            {
                case < 1900:
                    t = y - 1860;
                    return 7.62 + (0.5737 * t) - (0.251754 * t * t) + (0.01680668 * Math.Pow(t, 3))
                        - (0.0004473624 * Math.Pow(t, 4)) + (Math.Pow(t, 5) / 233174);
                case < 1920:
                    t = y - 1900;
                    return -2.79 + (1.494119 * t) - (0.0598939 * t * t) + (0.0061966 * Math.Pow(t, 3)) - (0.000197 * Math.Pow(t, 4));
                case < 1941:
                    t = y - 1920;
                    return 21.20 + (0.84493 * t) - (0.076100 * t * t) + (0.0020936 * Math.Pow(t, 3));
                case < 1961:
                    t = y - 1950;
                    return 29.07 + (0.407 * t) - (t * t / 233) + (Math.Pow(t, 3) / 2547);
                case < 1986:
                    t = y - 1975;
                    return 45.45 + (1.067 * t) - (t * t / 260) - (Math.Pow(t, 3) / 718);
                case < 2005:
                    t = y - 2000;
                    return 63.86 + (0.3345 * t) - (0.060374 * t * t) + (0.0017275 * Math.Pow(t, 3))
                        + (0.000651814 * Math.Pow(t, 4)) + (0.00002373599 * Math.Pow(t, 5));
                case < 2050:
                    t = y - 2000;
                    return 62.92 + (0.32217 * t) + (0.005589 * t * t);
                case < 2150:
                    t = (y - 1820) / 100;
                    return -20 + (32 * t * t) - (0.5628 * (2150 - y));
                default:
                    t = (y - 1820) / 100;
                    return -20 + (32 * t * t);
            }
        }

        /// <summary>Meeus ch. 25 (low accuracy): the sun's apparent longitude in degrees, 0 ≤ λ &lt; 360.</summary>
        private static double ApparentSunLongitude(double julianDay)
        {
            var t = (julianDay - 2451545.0) / 36525.0;
            var t2 = t * t;
            var meanAnomaly = (357.52911 + (35999.05029 * t) - (0.0001537 * t2)) * Degree;
            var meanLongitude = 280.46646 + (36000.76983 * t) + (0.0003032 * t2);
            var centre = ((1.914602 - (0.004817 * t) - (0.000014 * t2)) * Math.Sin(meanAnomaly))
                + ((0.019993 - (0.000101 * t)) * Math.Sin(2 * meanAnomaly))
                + (0.000289 * Math.Sin(3 * meanAnomaly));
            var omega = (125.04 - (1934.136 * t)) * Degree;
            var longitude = meanLongitude + centre - 0.00569 - (0.00478 * Math.Sin(omega));
            longitude %= 360.0;
            return longitude < 0 ? longitude + 360.0 : longitude;
        }

        private static double SinDegrees(double degrees) => Math.Sin(degrees * Degree);
    }
}
