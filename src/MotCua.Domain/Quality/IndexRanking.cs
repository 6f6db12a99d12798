using System.Globalization;
using MotCua.Domain.Calendar;

namespace MotCua.Domain.Quality;

/// <summary>One unit's place among the units ranked together (e.g. a province's communes: "3rd of 99").</summary>
/// <param name="Rank">1 for the highest total; units with equal totals share a rank and the next rank is skipped (1, 2, 2, 4).</param>
/// <param name="Of">How many units were ranked.</param>
/// <param name="GroupScores">Each group's score, keyed by group key.</param>
public sealed record UnitRank(
    string UnitCode,
    int Rank,
    int Of,
    decimal Total,
    decimal MeasuredMax,
    bool IsComplete,
    IReadOnlyDictionary<string, decimal> GroupScores,
    IndexBand? Band)
{
    /// <summary>"Hạng 3/99", "3rd of 99", "Peringkat 3 dari 99".</summary>
    public LocalizedText Label => new(
        string.Create(CultureInfo.InvariantCulture, $"Hạng {Rank}/{Of}"),
        string.Create(CultureInfo.InvariantCulture, $"{IndexRanking.EnglishOrdinal(Rank)} of {Of}"),
        string.Create(CultureInfo.InvariantCulture, $"Peringkat {Rank} dari {Of}"));
}

public static class IndexRanking
{
    /// <summary>
    /// Ranks units by <see cref="IndexResult.Total"/>, highest first, as the national portal ranks by total score.
    /// Totals are sums of 2-decimal points, so equal totals are exactly equal and share a rank (standard competition
    /// ranking: 1, 2, 2, 4). Within a tie the list is ordered by unit code (ordinal), which only fixes the order of the
    /// rows, never the rank. All results must come from the same <see cref="IndexDefinition"/>; a unit with indicators
    /// not measured ranks on the points it has (see <see cref="UnitRank.IsComplete"/>), so configure the same external
    /// values for every unit before comparing them.
    /// </summary>
    public static IReadOnlyList<UnitRank> Rank(IEnumerable<(string UnitCode, IndexResult Result)> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var list = results.ToList();
        if (list.Count == 0)
        {
            return [];
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (code, result) in list)
        {
            ArgumentNullException.ThrowIfNull(result);
            if (string.IsNullOrWhiteSpace(code) || !codes.Add(code))
            {
                throw new DomainRuleException("quality.ranking-unit-repeated", $"Unit '{code}' is empty or appears more than once.", RuleKind.Invalid);
            }
        }

        if (list.Select(r => r.Result.DefinitionId).Distinct(StringComparer.Ordinal).Skip(1).Any())
        {
            throw new DomainRuleException("quality.ranking-mixed-definitions", "Results computed with different index definitions cannot be ranked together.", RuleKind.Invalid);
        }

        var ordered = list
            .OrderByDescending(r => r.Result.Total)
            .ThenBy(r => r.UnitCode, StringComparer.Ordinal)
            .ToList();
        var ranks = new List<UnitRank>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var (code, result) = ordered[i];
            var rank = i > 0 && ordered[i - 1].Result.Total == result.Total ? ranks[i - 1].Rank : i + 1;
            ranks.Add(new UnitRank(
                code,
                rank,
                ordered.Count,
                result.Total,
                result.MeasuredMax,
                result.IsComplete,
                result.Groups.ToDictionary(g => g.Key, g => g.Score, StringComparer.Ordinal),
                result.Band));
        }

        return ranks;
    }

    /// <summary>1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 101st, 111th.</summary>
    public static string EnglishOrdinal(int n)
    {
        var suffix = (n % 100) is >= 11 and <= 13
            ? "th"
            : (n % 10) switch
            {
                1 => "st",
                2 => "nd",
                3 => "rd",
                _ => "th",
            };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }
}
