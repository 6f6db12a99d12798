using MotCua.Domain.Calendar;
using MotCua.Domain.Catalog;

namespace MotCua.Domain.Tests.Catalog;

public sealed class ProcedureTests
{
    private static ProcedureRules Rules(TimeLimit limit) =>
        new(limit, Fee.None, [new RequiredPaper(new LocalizedText("Tờ khai"))], [Channel.Counter]);

    [Fact]
    public void VersionOn_PicksTheVersionInForceThatDay()
    {
        var p = new Procedure("1.004222", new LocalizedText("Đăng ký thường trú"), "residence");
        p.SetVersion(Rules(TimeLimit.WorkingDays(7)), new DateOnly(2025, 7, 1));
        p.SetVersion(Rules(TimeLimit.WorkingDays(5)), new DateOnly(2026, 1, 1));

        Assert.Null(p.VersionOn(new DateOnly(2025, 6, 30)));
        Assert.Equal(TimeLimit.WorkingDays(7), p.VersionOn(new DateOnly(2025, 12, 31))!.TimeLimit);
        Assert.Equal(TimeLimit.WorkingDays(5), p.VersionOn(new DateOnly(2026, 1, 1))!.TimeLimit);
    }

    [Fact]
    public void SetVersion_SameEffectiveDate_ReplacesRatherThanDuplicates()
    {
        var p = new Procedure("1.004222", new LocalizedText("Đăng ký thường trú"), "residence");
        var first = p.SetVersion(Rules(TimeLimit.WorkingDays(7)), new DateOnly(2025, 7, 1));
        var second = p.SetVersion(Rules(TimeLimit.WorkingDays(6)), new DateOnly(2025, 7, 1));

        Assert.Same(first, second);
        Assert.Single(p.Versions);
        Assert.Equal(TimeLimit.WorkingDays(6), first.TimeLimit);
    }

    [Theory]
    [InlineData("1.001193")]
    [InlineData("1.000948.H38")]
    [InlineData("lt.0001")]
    public void Code_NationalOrLocal_IsAccepted(string code)
    {
        Assert.True(Procedure.IsValidCode(Procedure.NormalizeCode(code)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("1..2")]
    [InlineData("1.001193;DROP")]
    public void Code_Malformed_IsRefused(string code)
    {
        Assert.Throws<DomainRuleException>(() => Procedure.NormalizeCode(code));
    }

    [Fact]
    public void Rules_WithoutChannels_AreRefused()
    {
        var p = new Procedure("1.004222", new LocalizedText("Đăng ký thường trú"), "residence");

        Assert.Throws<DomainRuleException>(() => p.SetVersion(new ProcedureRules(TimeLimit.SameDay, Fee.None, [], []), new DateOnly(2025, 7, 1)));
    }
}
