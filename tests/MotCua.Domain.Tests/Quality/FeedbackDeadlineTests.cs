using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Quality;
using static MotCua.Domain.Tests.TestCalendars;

namespace MotCua.Domain.Tests.Quality;

public sealed class FeedbackDeadlineTests
{
    private static readonly WorkingCalendar Calendar = Year2026;

    [Fact]
    public void TimeLimits_Default_15HandledTwoRefusedFiveSupplement()
    {
        var limits = FeedbackTimeLimits.Default;

        Assert.Equal(TimeLimit.WorkingDays(15), limits.For(FeedbackOutcome.Handled));
        Assert.Equal(TimeLimit.WorkingDays(2), limits.For(FeedbackOutcome.Refused));
        Assert.Equal(TimeLimit.WorkingDays(5), limits.For(FeedbackOutcome.SupplementRequested));
    }

    [Fact]
    public void DueAt_RefusedReceivedOnFriday_SkipsTheWeekend()
    {
        // Friday 6 Mar 2026 09:30 + 2 working days: Monday 9, Tuesday 10 March.
        Assert.Equal(Local(2026, 3, 10, 9, 30), FeedbackDeadline.DueAt(Calendar, Local(2026, 3, 6, 9, 30), FeedbackOutcome.Refused));
    }

    [Fact]
    public void DueAt_SupplementRequestedBeforeTet_SkipsTetAndWeekends()
    {
        // Wednesday 11 Feb 2026 14:00 + 5: Thu 12, Fri 13, (Tết 16–20, weekends) Mon 23, Tue 24, Wed 25 Feb.
        Assert.Equal(Local(2026, 2, 25, 14, 0), FeedbackDeadline.DueAt(Calendar, Local(2026, 2, 11, 14, 0), FeedbackOutcome.SupplementRequested));
    }

    [Fact]
    public void DueAt_HandledAcrossTet_FifteenWorkingDays()
    {
        // Monday 2 Feb 2026 09:00: 3–6 Feb (4), 9–13 Feb (9), Tết 16–20 Feb skipped, 23–27 Feb (14), Monday 2 Mar (15).
        Assert.Equal(Local(2026, 3, 2, 9, 0), FeedbackDeadline.DueAt(Calendar, Local(2026, 2, 2, 9, 0), FeedbackOutcome.Handled));
    }

    [Fact]
    public void DueAt_ReceivedAtSaturdayOutreachBeforeTet_ClockStartsAfterTet()
    {
        // Saturday 14 Feb 2026 is not a working day even with an outreach session: the clock starts Monday 23 Feb
        // at opening, and two whole working days end at closing on Tuesday 24 Feb.
        Assert.Equal(Local(2026, 2, 24, 17, 0), FeedbackDeadline.DueAt(Calendar, Local(2026, 2, 14, 9, 0), FeedbackOutcome.Refused));
    }

    [Fact]
    public void DueAt_CustomLimits_UsesThem()
    {
        // 10 working days from Monday 2 Feb 09:00: 3–6, 9–13 Feb (9), Monday 23 Feb (10).
        var limits = new FeedbackTimeLimits(HandleWorkingDays: 10);

        Assert.Equal(Local(2026, 2, 23, 9, 0), FeedbackDeadline.DueAt(Calendar, Local(2026, 2, 2, 9, 0), FeedbackOutcome.Handled, limits));
    }

    [Theory]
    [InlineData(24, 16, 0, Timeliness.Early)]
    [InlineData(25, 8, 0, Timeliness.OnTime)]
    [InlineData(25, 14, 0, Timeliness.OnTime)]
    [InlineData(25, 14, 1, Timeliness.Late)]
    [InlineData(26, 9, 0, Timeliness.Late)]
    public void Classify_SupplementRequestedAroundTheTetDueDate_EarlyOnTimeOrLate(int day, int hour, int minute, Timeliness expected)
    {
        var received = Local(2026, 2, 11, 14, 0);

        var timeliness = FeedbackDeadline.Classify(Calendar, received, FeedbackOutcome.SupplementRequested, Local(2026, 2, day, hour, minute));

        Assert.Equal(expected, timeliness);
    }

    [Fact]
    public void Classify_RefusedOnThirdWorkingDay_LateThoughHandlingWouldBeEarly()
    {
        var received = Local(2026, 3, 6, 9, 30);
        var ended = Local(2026, 3, 11, 9, 0);

        Assert.Equal(Timeliness.Late, FeedbackDeadline.Classify(Calendar, received, FeedbackOutcome.Refused, ended));
        Assert.Equal(Timeliness.Early, FeedbackDeadline.Classify(Calendar, received, FeedbackOutcome.Handled, ended));
    }

    [Fact]
    public void IsOnTime_EarlyOrOnTime_TrueLate_False()
    {
        var received = Local(2026, 2, 2, 9, 0);

        Assert.True(FeedbackDeadline.IsOnTime(Calendar, received, FeedbackOutcome.Handled, Local(2026, 2, 27, 16, 0)));
        Assert.True(FeedbackDeadline.IsOnTime(Calendar, received, FeedbackOutcome.Handled, Local(2026, 3, 2, 9, 0)));
        Assert.False(FeedbackDeadline.IsOnTime(Calendar, received, FeedbackOutcome.Handled, Local(2026, 3, 2, 9, 1)));
    }

    [Fact]
    public void IsOverdue_OpenFeedback_OnlyAfterTheHandlingDueTime()
    {
        var received = Local(2026, 2, 2, 9, 0);

        Assert.False(FeedbackDeadline.IsOverdue(Calendar, received, Local(2026, 3, 2, 9, 0)));
        Assert.True(FeedbackDeadline.IsOverdue(Calendar, received, Local(2026, 3, 2, 9, 1)));
    }

    [Fact]
    public void Classify_EndedBeforeReceived_RejectedAsInvalidInput()
    {
        var ex = Assert.Throws<DomainRuleException>(() =>
            FeedbackDeadline.Classify(Calendar, Local(2026, 3, 6, 9, 30), FeedbackOutcome.Handled, Local(2026, 3, 6, 9, 0)));

        Assert.Equal(RuleKind.Invalid, ex.Kind);
    }
}
