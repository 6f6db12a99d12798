using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;

namespace MotCua.Domain.Tests.Dossiers;

public sealed class ValueTypeTests
{
    [Theory]
    [InlineData("092080001234", 92, false, 1980)]
    [InlineData("001305012345", 1, true, 2005)]
    [InlineData("010199000001", 10, true, 1999)]
    public void CitizenId_Valid_ExposesItsParts(string text, int province, bool female, int year)
    {
        var id = CitizenId.Parse(text);

        Assert.Equal(province, id.ProvinceCode);
        Assert.Equal(female, id.IsFemale);
        Assert.Equal(year, id.BirthYear);
        Assert.Equal("*********" + text[9..], id.Masked);
    }

    [Theory]
    [InlineData("")]
    [InlineData("09208000123")] // 11 digits
    [InlineData("0920800012345")] // 13 digits
    [InlineData("09208000123A")]
    [InlineData("003080001234")] // 003 is not a province code
    [InlineData("099080001234")] // 099 is not a province code
    [InlineData("092580001234")] // century digit 5 (2100s)
    public void CitizenId_Invalid_IsRefused(string text)
    {
        Assert.False(CitizenId.TryParse(text, out _));
        Assert.Throws<DomainRuleException>(() => CitizenId.Parse(text));
    }

    [Theory]
    [InlineData("0912345678", "0912345678")]
    [InlineData("+84 912 345 678", "0912345678")]
    [InlineData("0292.3812.345", "02923812345")]
    public void PhoneNumber_Valid_IsNormalised(string text, string expected)
    {
        Assert.Equal(expected, PhoneNumber.Parse(text).Value);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("0012345678")]
    [InlineData("09123456789012")]
    [InlineData("09x2345678")]
    public void PhoneNumber_Invalid_IsRefused(string text)
    {
        Assert.False(PhoneNumber.TryParse(text, out _));
    }

    [Fact]
    public void DossierNumber_RoundTrips()
    {
        var n = DossierNumber.Parse("000.00.14.H56-200203-0118");

        Assert.Equal("000.00.14.H56", n.UnitCode);
        Assert.Equal(new DateOnly(2020, 2, 3), n.Date);
        Assert.Equal(118, n.Sequence);
        Assert.Equal("000.00.14.H56-200203-0118", n.ToString());
    }

    [Theory]
    [InlineData("000.00.14.H56-200230-0118")] // 30 Feb
    [InlineData("000.00.14.H56-200203-118")]
    [InlineData("000.00.14.H56-200203-0000")]
    [InlineData("x-200203-0001")]
    [InlineData("000.00.14.H56_200203_0001")]
    [InlineData("")]
    public void DossierNumber_Malformed_IsRefused(string text)
    {
        Assert.False(DossierNumber.TryParse(text, out _));
    }

    [Fact]
    public void Applicant_NameIsMaskedLetterByLetter()
    {
        Assert.Equal("N***** V** H**", Applicant.MaskName("Nguyễn Văn Hoà"));
    }

    [Theory]
    [InlineData("A")]
    [InlineData("Nguyen 123")]
    [InlineData("   ")]
    public void Applicant_InvalidName_IsRefused(string name)
    {
        Assert.Throws<DomainRuleException>(() => new Applicant(CitizenId.Parse("092080001234"), name, null, null, null));
    }

    [Fact]
    public void Fee_CertifiedCopy_ChargesPerPageWithCap()
    {
        var fee = new Fee(FeeKind.PerPage, 2000, FirstPages: 2, NextPageAmount: 1000, Cap: 200_000);

        Assert.Equal(2000, fee.AmountFor(Channel.Counter, 1));
        Assert.Equal(4000, fee.AmountFor(Channel.Counter, 2));
        Assert.Equal(7000, fee.AmountFor(Channel.Counter, 5));
        Assert.Equal(200_000, fee.AmountFor(Channel.Counter, 1000));
        Assert.True(fee.IsCharged);
    }

    [Fact]
    public void Fee_ResidenceRegistration_IsCheaperOnline()
    {
        var fee = new Fee(FeeKind.Fixed, 20_000, OnlineAmount: 10_000);

        Assert.Equal(20_000, fee.AmountFor(Channel.Counter));
        Assert.Equal(10_000, fee.AmountFor(Channel.Online));
    }

    [Fact]
    public void Fee_FreeIfOnTime_IsNotCharged()
    {
        Assert.False(new Fee(FeeKind.FreeIfOnTime, 5000).IsCharged);
        Assert.Equal(0, new Fee(FeeKind.FreeIfOnTime, 5000).AmountFor(Channel.Counter));
    }
}
