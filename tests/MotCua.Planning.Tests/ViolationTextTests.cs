using System.Reflection;
using System.Text;
using static MotCua.Planning.Tests.TestProblems;
using V = MotCua.Planning.ViolationValues;

namespace MotCua.Planning.Tests;

public sealed class ViolationTextTests
{
    private static readonly string[] Languages = ["vi", "en", "id"];

    private static readonly PlanViolation Travel = new(ViolationKinds.Travel, new Dictionary<string, string>
    {
        [V.Team] = "Tổ lưu động 1", [V.From] = "Ấp Phú Thuận A", [V.To] = "Ấp Tân Hòa", [V.Date] = "2026-03-07", [V.Limit] = "45", [V.Minutes] = "1250",
    });

    private static readonly PlanViolation Capacity = new(ViolationKinds.Capacity, new Dictionary<string, string>
    {
        [V.Date] = "2026-03-14", [V.Slot] = "Afternoon", [V.Team] = "Tổ lưu động 2", [V.Hamlet] = "Ấp Tân Hòa", [V.Cases] = "32", [V.Capacity] = "20",
    });

    [Theory]
    [InlineData("en", "travel: team Tổ lưu động 1 goes from Ấp Phú Thuận A to Ấp Tân Hòa on 2026-03-07: 1,250 min, limit 45 min")]
    [InlineData("vi", "travel: Tổ lưu động 1 đi từ Ấp Phú Thuận A đến Ấp Tân Hòa ngày 07/03/2026: 1.250 phút, giới hạn 45 phút")]
    [InlineData("id-ID", "travel: Tim Tổ lưu động 1 berpindah dari Ấp Phú Thuận A ke Ấp Tân Hòa pada 07/03/2026: 1.250 menit, batas 45 menit")]
    public void Travel_ReadsInTheLeadersLanguage(string culture, string expected)
    {
        var line = Travel.Line(culture);

        Assert.Equal(expected, line);
        Assert.True(line.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("en", "session 2026-03-14 Afternoon team Tổ lưu động 2 at Ấp Tân Hòa plans 32 cases; one session of this team serves 0–20")]
    [InlineData("vi", "Buổi chiều 14/03/2026 của Tổ lưu động 2 tại Ấp Tân Hòa dự kiến 32 hồ sơ; một buổi của tổ này nhận từ 0 đến 20 hồ sơ")]
    [InlineData("id", "Sesi siang 14/03/2026 tim Tổ lưu động 2 di Ấp Tân Hòa merencanakan 32 berkas; satu sesi tim ini melayani 0–20 berkas")]
    public void Capacity_NamesTheSessionTheLanguagesWay(string culture, string expected)
    {
        Assert.Equal(expected, ViolationText.Format(Capacity, culture));
    }

    [Fact]
    public void EveryKind_HasItsOwnSentenceInEveryLanguage()
    {
        var kinds = typeof(ViolationKinds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();
        var values = typeof(V).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetValue(null)!)
            .ToDictionary(k => k, k => k switch { V.Date => "2026-03-07", V.Slot => "Morning", V.Detail => "campaign has no dates", _ => "7" });

        Assert.Equal(17, kinds.Count);
        foreach (var kind in kinds)
        {
            var texts = Languages.Select(c => ViolationText.Format(new PlanViolation(kind, values), c)).ToList();
            Assert.All(texts, t => Assert.DoesNotContain("=", t, StringComparison.Ordinal)); // "key=value" is the fallback for an unknown kind
            Assert.All(texts, t => Assert.DoesNotContain("?", t, StringComparison.Ordinal)); // every fact the sentence names was found
            if (kind != ViolationKinds.Input)
            {
                Assert.Equal(3, texts.Distinct(StringComparer.Ordinal).Count());
                Assert.DoesNotContain("Morning", texts[0], StringComparison.Ordinal);
                Assert.DoesNotContain("2026-03-07", texts[0], StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Check_AndViolations_SayTheSameThing()
    {
        var problem = Small() with { TravelMinutesBetweenHamlets = new Dictionary<(Guid From, Guid To), int>(), SessionMinutes = 300 };

        var check = PlanValidator.Check(problem, ValidSmallPlan());

        Assert.Equal(check.Select(v => v.Line()), PlanValidator.Violations(problem, ValidSmallPlan()));
        var travel = check.First(v => v.Kind == ViolationKinds.Travel);
        Assert.False(travel.Values.ContainsKey(V.Minutes));
        Assert.Contains("chưa có đường đi giữa hai ấp", ViolationText.Format(travel, "vi"), StringComparison.Ordinal);
        Assert.Contains("no known route", travel.Line(), StringComparison.Ordinal);
    }
}
