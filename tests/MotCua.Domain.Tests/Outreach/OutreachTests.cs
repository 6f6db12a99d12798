using MotCua.Domain.Outreach;

namespace MotCua.Domain.Tests.Outreach;

public sealed class OutreachTests
{
    private static CampaignSettings Saturdays() =>
        new("Thứ Bảy vì dân", new DateOnly(2026, 11, 7), new DateOnly(2026, 12, 26), [DayOfWeek.Saturday], [SessionSlot.Morning, SessionSlot.Afternoon], ["1.001193", "1.001776"], Target: 700);

    [Fact]
    public void Dates_EverySaturdayFrom7NovTo26Dec_AreEight()
    {
        var dates = Saturdays().Dates();

        Assert.Equal(8, dates.Count);
        Assert.Equal(new DateOnly(2026, 11, 7), dates[0]);
        Assert.Equal(new DateOnly(2026, 12, 26), dates[^1]);
        Assert.All(dates, d => Assert.Equal(DayOfWeek.Saturday, d.DayOfWeek));
    }

    [Fact]
    public void Dates_SaturdayAndSunday_AreBothDays()
    {
        var s = Saturdays() with { Days = [DayOfWeek.Sunday, DayOfWeek.Saturday] };

        Assert.Equal(15, s.Dates().Count); // 8 Saturdays and 7 Sundays (the last Sunday, 27 Dec, is after the end)
    }

    [Theory]
    [InlineData("", 30, 30)]
    [InlineData("ok", 0, 30)]
    [InlineData("ok", 30, 0)]
    public void Settings_Invalid_AreRefused(string name, int minutes, int capacity)
    {
        var s = Saturdays() with { Name = name, MinutesPerCase = minutes, CapacityPerSession = capacity };

        Assert.Equal(RuleKind.Invalid, Assert.Throws<DomainRuleException>(s.Validate).Kind);
    }

    [Fact]
    public void Settings_NoChosenDayInRange_IsRefused()
    {
        var s = Saturdays() with { From = new DateOnly(2026, 11, 9), To = new DateOnly(2026, 11, 13) };

        Assert.Equal("campaign.no-dates", Assert.Throws<DomainRuleException>(s.Validate).Code);
    }

    [Fact]
    public void Campaign_NormalisesCodesAndDays()
    {
        var c = new Campaign(Guid.NewGuid(), Saturdays() with { Procedures = [" 1.001193", "1.001193", "lt.0001"], Days = [DayOfWeek.Saturday, DayOfWeek.Saturday] });

        Assert.Equal(["1.001193", "LT.0001"], c.Settings.Procedures);
        Assert.Equal([DayOfWeek.Saturday], c.Settings.Days);
    }

    [Fact]
    public void Team_CrewLargerThanMembers_IsRefused()
    {
        Assert.Equal("team.too-small", Assert.Throws<DomainRuleException>(() =>
            new Team(Guid.NewGuid(), "Tổ 1", 3, Equipment.Laptop, [new TeamMember("a", [], []), new TeamMember("b", [], [])])).Code);
    }

    [Fact]
    public void Team_MissingEquipment_IsListed()
    {
        var t = new Team(Guid.NewGuid(), "Tổ 1", 1, Equipment.Laptop | Equipment.Printer, [new TeamMember("a", [], [])]);

        Assert.Equal(Equipment.Scanner | Equipment.Power | Equipment.MobileData, t.Missing);
    }

    [Fact]
    public void Session_HeldIsReportedAndCannotBeMovedOrCancelled()
    {
        var s = new OutreachSession(Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 11, 7), SessionSlot.Morning, Guid.NewGuid(), Guid.NewGuid(), ["a"], 30, "far", new Dictionary<string, string>());
        s.Report(12, "Nhiều cụ già nhờ hướng dẫn cài VNeID");

        Assert.Equal(SessionStatus.Held, s.Status);
        Assert.Equal(12, s.HelpedOnline);
        Assert.Throws<DomainRuleException>(() => s.Move(new DateOnly(2026, 11, 14), SessionSlot.Morning, s.TeamId, s.HamletId, ["a"]));
        Assert.Throws<DomainRuleException>(() => s.Cancel("mưa"));
    }

    [Fact]
    public void Session_Moved_IsMarkedManual()
    {
        var s = new OutreachSession(Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 11, 7), SessionSlot.Morning, Guid.NewGuid(), Guid.NewGuid(), ["a"], 30, "far", new Dictionary<string, string>());

        s.Move(new DateOnly(2026, 11, 14), SessionSlot.Afternoon, s.TeamId, s.HamletId, ["a"]);

        Assert.True(s.Manual);
        Assert.Equal("manual", s.ReasonCode);
        Assert.Equal(SessionSlot.Afternoon, s.Slot);
    }
}
