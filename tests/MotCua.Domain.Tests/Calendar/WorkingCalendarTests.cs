using MotCua.Domain.Calendar;
using static MotCua.Domain.Tests.TestCalendars;

namespace MotCua.Domain.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = Year2026;

    [Fact]
    public void SameDay_ReceivedAt1501OnFridayBeforeTet_DueAtClosingOnFirstWorkingDayAfterTet()
    {
        // Friday 13 Feb 2026; Tết holiday Monday 16 – Friday 20 Feb; next working day Monday 23 Feb.
        var due = Calendar.DueAt(Local(2026, 2, 13, 15, 1), TimeLimit.SameDay);

        Assert.Equal(Local(2026, 2, 23, 17), due);
        Assert.Equal(TimeSpan.FromHours(7), due!.Value.Offset);
    }

    [Fact]
    public void SameDay_ReceivedAt1500_DueTheSameDay()
    {
        Assert.Equal(Local(2026, 2, 13, 17), Calendar.DueAt(Local(2026, 2, 13, 15, 0), TimeLimit.SameDay));
    }

    [Fact]
    public void SameDay_ReceivedOnSaturdayOutreach_DueNextWorkingDay()
    {
        // An outreach session on Saturday 14 Nov 2026 does not make Saturday a working day.
        Assert.Equal(Local(2026, 11, 16, 17), Calendar.DueAt(Local(2026, 11, 14, 9), TimeLimit.SameDay));
    }

    [Fact]
    public void SameDay_ReceivedBeforeOpening_DueTheSameDay()
    {
        Assert.Equal(Local(2026, 3, 2, 17), Calendar.DueAt(Local(2026, 3, 2, 6, 30), TimeLimit.SameDay));
    }

    [Fact]
    public void WorkingHours_CrossingLunch_SkipsTheBreak()
    {
        // Monday 10:30 + 2 h: 10:30–11:30 then 13:30–14:30.
        Assert.Equal(Local(2026, 3, 2, 14, 30), Calendar.DueAt(Local(2026, 3, 2, 10, 30), TimeLimit.WorkingHours(2)));
    }

    [Fact]
    public void WorkingHours_ReceivedDuringLunch_StartsAtAfternoonOpening()
    {
        Assert.Equal(Local(2026, 3, 2, 14, 30), Calendar.DueAt(Local(2026, 3, 2, 12, 15), TimeLimit.WorkingHours(1)));
    }

    [Fact]
    public void WorkingHours_CrossingWeekend_SkipsSaturdayAndSunday()
    {
        // Friday 6 Mar 16:00 + 8 h: 1 h on Friday, 4.5 h Monday morning, 2.5 h Monday afternoon.
        Assert.Equal(Local(2026, 3, 9, 16, 0), Calendar.DueAt(Local(2026, 3, 6, 16, 0), TimeLimit.WorkingHours(8)));
    }

    [Fact]
    public void WorkingHours_EndingExactlyAtClosing_IsClosingTimeNotNextOpening()
    {
        Assert.Equal(Local(2026, 3, 2, 17), Calendar.DueAt(Local(2026, 3, 2, 16), TimeLimit.WorkingHours(1)));
    }

    [Fact]
    public void WorkingHours_CrossingLunchWeekendAndTet_SkipsAll()
    {
        // Friday 13 Feb 2026 11:00 + 8 h: 0.5 h + 3.5 h on Friday, then Tết to Monday 23 Feb 07:00 + 4 h = 11:00.
        Assert.Equal(Local(2026, 2, 23, 11, 0), Calendar.DueAt(Local(2026, 2, 13, 11, 0), TimeLimit.WorkingHours(8)));
    }

    [Fact]
    public void WorkingDays_ReceivedMidMorning_DueSameTimeNthWorkingDay()
    {
        Assert.Equal(Local(2026, 3, 5, 9, 30), Calendar.DueAt(Local(2026, 3, 2, 9, 30), TimeLimit.WorkingDays(3)));
    }

    [Fact]
    public void WorkingDays_ReceivedOnSaturday_DueAtClosingOfNthWorkingDay()
    {
        // Saturday 7 Mar: the clock starts Monday 9 Mar 07:00; three working days end Wednesday 11 Mar 17:00.
        Assert.Equal(Local(2026, 3, 11, 17), Calendar.DueAt(Local(2026, 3, 7, 10), TimeLimit.WorkingDays(3)));
    }

    [Fact]
    public void WorkingDays_ReceivedAfterClosing_StartsNextWorkingDay()
    {
        Assert.Equal(Local(2026, 3, 3, 17), Calendar.DueAt(Local(2026, 3, 2, 18), TimeLimit.WorkingDays(1)));
    }

    [Fact]
    public void WorkingDays_SpanningTet_SkipsHolidays()
    {
        // Thursday 12 Feb 2026 08:00 + 5 days: Fri 13, Mon 23, Tue 24, Wed 25, Thu 26 Feb.
        Assert.Equal(Local(2026, 2, 26, 8), Calendar.DueAt(Local(2026, 2, 12, 8), TimeLimit.WorkingDays(5)));
    }

    [Fact]
    public void WorkingDays_SwappedSaturday_CountsAsWorkingDay()
    {
        // Friday 2 Jan 2026 is off by swap; Saturday 10 Jan is worked instead.
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 1, 2)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 1, 10)));
        // Friday 9 Jan 10:00 + 1 day → Saturday 10 Jan 10:00.
        Assert.Equal(Local(2026, 1, 10, 10), Calendar.DueAt(Local(2026, 1, 9, 10), TimeLimit.WorkingDays(1)));
    }

    [Fact]
    public void NoTimeLimit_HasNoDueDate()
    {
        Assert.Null(Calendar.DueAt(Local(2026, 3, 2, 9), TimeLimit.None));
    }

    [Fact]
    public void DueAt_GivenUtcInstant_AnswersInVietnamTime()
    {
        var received = new DateTimeOffset(2026, 3, 2, 2, 30, 0, TimeSpan.Zero); // 09:30 in Vietnam
        var due = Calendar.DueAt(received, TimeLimit.WorkingDays(3))!.Value;

        Assert.Equal(Local(2026, 3, 5, 9, 30), due);
        Assert.Equal(WorkingCalendar.VietnamOffset, due.Offset);
    }

    [Fact]
    public void WorkingMinutesBetween_AcrossWeekend_CountsOnlyOfficeTime()
    {
        // Friday 16:00 → Monday 08:00: 60 + 60 minutes.
        Assert.Equal(120, Calendar.WorkingMinutesBetween(Local(2026, 3, 6, 16), Local(2026, 3, 9, 8)));
        Assert.Equal(0, Calendar.WorkingMinutesBetween(Local(2026, 3, 9, 8), Local(2026, 3, 6, 16)));
    }

    [Fact]
    public void NonWorkingDays_ListsWeekendsHolidaysAndSwapsWithReasons()
    {
        var days = Calendar.NonWorkingDays(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 11)).ToList();

        Assert.Equal(
            [new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 2), new DateOnly(2026, 1, 3), new DateOnly(2026, 1, 4), new DateOnly(2026, 1, 11)],
            days.Select(d => d.Date));
        Assert.Equal(CalendarDayKind.SwappedDayOff, days[1].Kind);
        Assert.Equal(CalendarDayKind.Weekend, days[2].Kind);
        Assert.DoesNotContain(days, d => d.Date == new DateOnly(2026, 1, 10));
    }

    [Fact]
    public void CustomOfficeHours_ChangeWorkingHourDeadlines()
    {
        var hours = new OfficeHours([new OfficePeriod(new TimeOnly(7, 30), new TimeOnly(11, 30)), new OfficePeriod(new TimeOnly(13, 0), new TimeOnly(17, 0))], new TimeOnly(15, 0));
        var calendar = Calendar.WithHours(hours);

        Assert.Equal(Local(2026, 3, 2, 13, 30), calendar.DueAt(Local(2026, 3, 2, 11, 0), TimeLimit.WorkingHours(1)));
    }

    [Fact]
    public void OfficeHours_Overlapping_AreRefused()
    {
        Assert.Throws<DomainRuleException>(() => new OfficeHours(
            [new OfficePeriod(new TimeOnly(7, 0), new TimeOnly(12, 0)), new OfficePeriod(new TimeOnly(11, 0), new TimeOnly(17, 0))],
            new TimeOnly(15, 0)));
    }

    [Theory]
    [InlineData("none", TimeLimitKind.None, 0)]
    [InlineData("same-day", TimeLimitKind.SameDay, 0)]
    [InlineData("3d", TimeLimitKind.WorkingDays, 3)]
    [InlineData("8h", TimeLimitKind.WorkingHours, 8)]
    public void TimeLimit_ParsesItsOwnText(string text, TimeLimitKind kind, int value)
    {
        var limit = TimeLimit.Parse(text);

        Assert.Equal(new TimeLimit(kind, value), limit);
        Assert.Equal(text, limit.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("0d")]
    [InlineData("-3d")]
    [InlineData("3w")]
    [InlineData("99999d")]
    public void TimeLimit_Malformed_IsRefused(string text)
    {
        Assert.False(TimeLimit.TryParse(text, out _));
    }
}
