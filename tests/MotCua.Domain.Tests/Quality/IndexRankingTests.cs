using MotCua.Domain.Quality;
using static MotCua.Domain.Tests.Quality.QualityFixtures;

namespace MotCua.Domain.Tests.Quality;

public sealed class IndexRankingTests
{
    [Fact]
    public void Rank_EqualTotals_ShareARankAndTheNextRankIsSkipped()
    {
        var ranks = IndexRanking.Rank(
        [
            ("C", Scored(85.5m)),
            ("A", Scored(90)),
            ("D", Scored(80)),
            ("B", Scored(85.5m)),
        ]);

        Assert.Equal([("A", 1), ("B", 2), ("C", 2), ("D", 4)], ranks.Select(r => (r.UnitCode, r.Rank)));
        Assert.All(ranks, r => Assert.Equal(4, r.Of));
    }

    [Fact]
    public void Rank_TiedUnitsGivenInAnyOrder_ListedByUnitCode()
    {
        var forward = IndexRanking.Rank([("X.01", Scored(70)), ("X.02", Scored(70)), ("X.03", Scored(70))]);
        var backward = IndexRanking.Rank([("X.03", Scored(70)), ("X.02", Scored(70)), ("X.01", Scored(70))]);

        Assert.Equal(["X.01", "X.02", "X.03"], forward.Select(r => r.UnitCode));
        Assert.Equal(forward.Select(r => r.UnitCode), backward.Select(r => r.UnitCode));
        Assert.All(forward, r => Assert.Equal(1, r.Rank));
    }

    [Fact]
    public void Rank_TotalsDifferingInTheSecondDecimal_NotATie()
    {
        var ranks = IndexRanking.Rank([("A", Scored(86.01m)), ("B", Scored(86.02m))]);

        Assert.Equal([("B", 1), ("A", 2)], ranks.Select(r => (r.UnitCode, r.Rank)));
    }

    [Fact]
    public void Rank_99Communes_ThirdPlaceReads3rdOf99()
    {
        var communes = Enumerable.Range(1, 99)
            .Select(i => (UnitCode: $"000.00.{i:00}.H56", Result: Scored(100 - i * 0.5m)))
            .ToList();

        var third = IndexRanking.Rank(communes)[2];

        Assert.Equal("000.00.03.H56", third.UnitCode);
        Assert.Equal(3, third.Rank);
        Assert.Equal(99, third.Of);
        Assert.Equal("3rd of 99", third.Label.En);
        Assert.Equal("Hạng 3/99", third.Label.Vi);
        Assert.Equal("Peringkat 3 dari 99", third.Label.Id);
    }

    [Fact]
    public void Rank_Row_CarriesTotalGroupScoresAndBand()
    {
        var full = Compute(Commune(), AllExternals());
        var partial = Compute(Commune());

        var ranks = IndexRanking.Rank([("B", partial), ("A", full)]);

        var first = ranks[0];
        Assert.Equal("A", first.UnitCode);
        Assert.Equal(80.10m, first.Total);
        Assert.Equal(100m, first.MeasuredMax);
        Assert.True(first.IsComplete);
        Assert.Equal(19.73m, first.GroupScores["progress"]);
        Assert.Equal(6, first.GroupScores.Count);
        Assert.Equal("good", first.Band!.Key);
        Assert.Equal(78m, ranks[1].MeasuredMax);
        Assert.False(ranks[1].IsComplete);
    }

    [Fact]
    public void Rank_NoResults_Empty()
    {
        Assert.Empty(IndexRanking.Rank([]));
    }

    [Fact]
    public void Rank_UnitTwice_Rejected()
    {
        var ex = Assert.Throws<DomainRuleException>(() => IndexRanking.Rank([("A", Scored(1)), ("A", Scored(2))]));

        Assert.Equal("quality.ranking-unit-repeated", ex.Code);
    }

    [Fact]
    public void Rank_ResultsFromDifferentDefinitions_Rejected()
    {
        var ex = Assert.Throws<DomainRuleException>(() => IndexRanking.Rank([("A", Scored(1, "one")), ("B", Scored(2, "two"))]));

        Assert.Equal("quality.ranking-mixed-definitions", ex.Code);
    }

    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(4, "4th")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(21, "21st")]
    [InlineData(22, "22nd")]
    [InlineData(23, "23rd")]
    [InlineData(99, "99th")]
    [InlineData(101, "101st")]
    [InlineData(111, "111th")]
    [InlineData(112, "112th")]
    public void EnglishOrdinal_Number_HasTheRightSuffix(int n, string expected)
    {
        Assert.Equal(expected, IndexRanking.EnglishOrdinal(n));
    }
}
