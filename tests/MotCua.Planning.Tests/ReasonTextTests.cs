using System.Text;

namespace MotCua.Planning.Tests;

public sealed class ReasonTextTests
{
    private static readonly string[] Languages = ["vi", "en", "id"];

    private static readonly SessionReason Farthest = new(ReasonCodes.FarthestPriority, new Dictionary<string, string>
    {
        [ReasonValues.Hamlet] = "Ấp Phú Thuận A",
        [ReasonValues.Km] = "14.8",
        [ReasonValues.Elderly] = "42",
        [ReasonValues.Disabled] = "9",
    });

    [Theory]
    [InlineData("en", "Ấp Phú Thuận A is 14.8 km away and has 42 elderly people and 9 people with disabilities")]
    [InlineData("vi", "Ấp Phú Thuận A cách trung tâm 14,8 km, có 42 người cao tuổi và 9 người khuyết tật")]
    [InlineData("id", "Ấp Phú Thuận A berjarak 14,8 km dari pusat layanan, dengan 42 lansia dan 9 penyandang disabilitas")]
    [InlineData("vi-VN", "Ấp Phú Thuận A cách trung tâm 14,8 km, có 42 người cao tuổi và 9 người khuyết tật")]
    [InlineData("en-GB", "Ấp Phú Thuận A is 14.8 km away and has 42 elderly people and 9 people with disabilities")]
    public void FarthestPriority_ReadsNaturally(string culture, string expected)
    {
        var text = ReasonText.Format(Farthest, culture);

        Assert.Equal(expected, text);
        Assert.True(text.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("vi", "Đã điều chỉnh thủ công")]
    [InlineData("en", "Moved by hand")]
    [InlineData("id", "Dipindahkan secara manual")]
    public void Manual_SaysTheLeaderMovedIt(string culture, string expected) =>
        Assert.StartsWith(expected, ReasonText.Format(new SessionReason(ReasonCodes.Manual, new Dictionary<string, string>()), culture), StringComparison.Ordinal);

    [Fact]
    public void Vietnamese_IsTheDefault_AndTheFallback()
    {
        var vietnamese = ReasonText.Format(Farthest, "vi");

        Assert.Equal(vietnamese, ReasonText.Format(Farthest));
        Assert.Equal(vietnamese, ReasonText.Format(Farthest, "fr"));
        Assert.Equal(vietnamese, ReasonText.Format(Farthest, ""));
    }

    [Theory]
    [InlineData("en", "Session 2 of 3 in Ấp Tân Lợi: about 2,400 cases waiting, more than one session serves (30)")]
    [InlineData("vi", "Buổi thứ 2/3 tại Ấp Tân Lợi: khoảng 2.400 hồ sơ đang chờ, nhiều hơn một buổi phục vụ được (30 hồ sơ)")]
    [InlineData("id", "Sesi ke-2 dari 3 di Ấp Tân Lợi: sekitar 2.400 berkas menunggu, lebih dari kapasitas satu sesi (30 berkas)")]
    public void MoreDemand_FormatsNumbersPerCulture(string culture, string expected)
    {
        var reason = new SessionReason(ReasonCodes.MoreDemand, new Dictionary<string, string>
        {
            [ReasonValues.Hamlet] = "Ấp Tân Lợi",
            [ReasonValues.Demand] = "2400",
            [ReasonValues.Session] = "2",
            [ReasonValues.Sessions] = "3",
            [ReasonValues.Capacity] = "30",
        });

        Assert.Equal(expected, ReasonText.Format(reason, culture));
    }

    [Theory]
    [InlineData("en", "Ấp Bình An has 1 person with disabilities and 1 social-protection beneficiary who find it hard to travel to the centre (3.1 km)")]
    [InlineData("vi", "Ấp Bình An có 1 người khuyết tật và 1 đối tượng bảo trợ xã hội, khó đi đến trung tâm (3,1 km)")]
    [InlineData("id", "Ấp Bình An memiliki 1 penyandang disabilitas dan 1 penerima bantuan sosial yang sulit datang ke pusat layanan (3,1 km)")]
    public void PriorityGroups_UsesSingularsInEnglish(string culture, string expected)
    {
        var reason = new SessionReason(ReasonCodes.PriorityGroups, new Dictionary<string, string>
        {
            [ReasonValues.Hamlet] = "Ấp Bình An",
            [ReasonValues.Km] = "3.1",
            [ReasonValues.Disabled] = "1",
            [ReasonValues.SocialProtection] = "1",
        });

        Assert.Equal(expected, ReasonText.Format(reason, culture));
    }

    [Theory]
    [InlineData("en", "First session in Ấp 7 this campaign: about 45 cases waiting, 6.0 km from the centre", "Held in Ấp 7: 1 case served")]
    [InlineData("vi", "Buổi đầu tiên tại Ấp 7 trong đợt này: khoảng 45 hồ sơ đang chờ, cách trung tâm 6,0 km", "Đã phục vụ tại Ấp 7: 1 hồ sơ")]
    [InlineData("id", "Sesi pertama di Ấp 7 dalam kampanye ini: sekitar 45 berkas menunggu, 6,0 km dari pusat layanan", "Sudah berlangsung di Ấp 7: 1 berkas dilayani")]
    public void FirstVisitAndHeld_ReadNaturally(string culture, string firstVisit, string held)
    {
        var first = new SessionReason(ReasonCodes.FirstVisit, new Dictionary<string, string>
        {
            [ReasonValues.Hamlet] = "Ấp 7",
            [ReasonValues.Km] = "6",
            [ReasonValues.Demand] = "45",
        });
        var done = new SessionReason(ReasonCodes.Held, new Dictionary<string, string> { [ReasonValues.Hamlet] = "Ấp 7", [ReasonValues.Cases] = "1" });

        Assert.Equal(firstVisit, ReasonText.Format(first, culture));
        Assert.Equal(held, ReasonText.Format(done, culture));
    }

    [Fact]
    public void UnknownCode_ShowsItsValues()
    {
        var reason = new SessionReason("leader-choice", new Dictionary<string, string> { ["note"] = "festival" });

        Assert.Equal("leader-choice: note=festival", ReasonText.Format(reason, "en"));
    }

    [Fact]
    public void EveryPlannedSession_HasAReasonInEveryLanguage()
    {
        var problem = SampleProblems.DemoCommune();
        var plan = RoundRobinPlanner.Plan(problem);

        foreach (var session in plan.Sessions)
        {
            var hamlet = problem.Hamlets.Single(h => h.Id == session.HamletId).Name;
            Assert.All(Languages, culture => Assert.Contains(hamlet, ReasonText.Format(session.Reason, culture), StringComparison.Ordinal));
        }
    }
}
