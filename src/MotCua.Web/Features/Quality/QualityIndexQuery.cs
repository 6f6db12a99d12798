using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Quality;
using MotCua.Web.Data;
using MotCua.Web.Data.Quality;
using Extra = MotCua.Domain.Quality.MeasureFacts.Extra;
using K = MotCua.Domain.Quality.IndexMeasureKeys;

namespace MotCua.Web.Features.Quality;

/// <summary>
/// Index 766 read from the summaries only: the day and month rows of <see cref="QualitySummary"/> for the period, plus the
/// open items whose clock (<see cref="QualityFact.OverdueFrom"/>) has passed at the moment of reading. Never scans dossiers.
/// </summary>
/// <remarks>
/// These reads see every unit they are asked for (the scope filters are off): callers decide which units a user may
/// see (<see cref="QualityAccess"/>) before asking, and a centre leader's own rank needs the others' totals.
/// </remarks>
public static class QualityIndexQuery
{
    public sealed record UnitInfo(Guid Id, string Code, string Name, string ProvinceCode);

    /// <summary>One unit's index for one period, with every count behind it.</summary>
    public sealed record UnitIndex(UnitInfo Unit, QualityPeriod Period, DateTimeOffset AsOf, IndexResult Result, IReadOnlyDictionary<string, long> Counts)
    {
        public long Count(string key) => Counts.GetValueOrDefault(key);
    }

    public sealed record RankingRow(UnitInfo Unit, UnitRank Rank, UnitIndex Index);

    /// <param name="HasData">Whether any dossier or feedback was received that month: a month with none scores full points on "no data" and would look perfect.</param>
    public sealed record TrendPoint(QualityPeriod Month, decimal Total, decimal MeasuredMax, decimal? Percent, IReadOnlyDictionary<string, decimal> Groups, bool HasData = true);

    public static async Task<UnitInfo?> UnitAsync(MotCuaDb db, string code, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Units.AsNoTracking().Where(u => u.Code == code).Select(u => new UnitInfo(u.Id, u.Code, u.Name, u.ProvinceCode)).SingleOrDefaultAsync(ct);
    }

    public static async Task<UnitInfo?> UnitAsync(MotCuaDb db, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => new UnitInfo(u.Id, u.Code, u.Name, u.ProvinceCode)).SingleOrDefaultAsync(ct);
    }

    public static async Task<List<UnitInfo>> ProvinceUnitsAsync(MotCuaDb db, string provinceCode, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Units.AsNoTracking().Where(u => u.ProvinceCode == provinceCode).OrderBy(u => u.Code)
            .Select(u => new UnitInfo(u.Id, u.Code, u.Name, u.ProvinceCode)).ToListAsync(ct);
    }

    public static async Task<UnitIndex> ForUnitAsync(MotCuaDb db, QualitySettings settings, UnitInfo unit, QualityPeriod period, DateTimeOffset asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return (await ForUnitsAsync(db, settings, [unit], period, asOf, ct))[0];
    }

    public static async Task<List<UnitIndex>> ForUnitsAsync(MotCuaDb db, QualitySettings settings, IReadOnlyList<UnitInfo> units, QualityPeriod period, DateTimeOffset asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(units);
        var ids = units.Select(u => u.Id).ToList();
        var counts = await CountsAsync(db, ids, period, asOf, ct);
        var externals = await ExternalsAsync(db, ids, period, ct);
        var inputs = units.Select(u => counts.GetValueOrDefault(u.Id) ?? Zero()).ToList();
        var results = IndexEngine.ComputeAll(settings.Definition, [.. units.Select((u, i) => (new IndexMeasures(inputs[i]), externals.GetValueOrDefault(u.Id) ?? ExternalValues.Empty))]);
        return [.. units.Select((u, i) => new UnitIndex(u, period, asOf, results[i], inputs[i]))];
    }

    /// <summary>Every commune of a province ranked by total (1, 2, 2, 4 on ties), as the portal ranks them.</summary>
    public static async Task<List<RankingRow>> RankingAsync(MotCuaDb db, QualitySettings settings, string provinceCode, QualityPeriod period, DateTimeOffset asOf, CancellationToken ct)
    {
        var units = await ProvinceUnitsAsync(db, provinceCode, ct);
        var indexes = (await ForUnitsAsync(db, settings, units, period, asOf, ct)).ToDictionary(i => i.Unit.Code, StringComparer.Ordinal);
        return [.. IndexRanking.Rank(indexes.Select(i => (i.Key, i.Value.Result))).Select(r => new RankingRow(indexes[r.UnitCode].Unit, r, indexes[r.UnitCode]))];
    }

    /// <summary>The unit's index month by month, the last <paramref name="months"/> months up to the month of <paramref name="asOf"/>.</summary>
    public static async Task<List<TrendPoint>> TrendAsync(MotCuaDb db, QualitySettings settings, UnitInfo unit, DateOnly lastMonth, int months, DateTimeOffset asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(unit);
        var first = new DateOnly(lastMonth.Year, lastMonth.Month, 1).AddMonths(1 - months);
        var last = new DateOnly(lastMonth.Year, lastMonth.Month, 1).AddMonths(1).AddDays(-1);
        var rows = await db.QualitySummaries.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.UnitId == unit.Id && s.Granularity == SummaryGranularity.Month && s.PeriodStart >= first && s.PeriodStart <= last)
            .Select(s => new { s.PeriodStart, s.Measure, s.Count })
            .ToListAsync(ct);
        var clocks = await db.QualityFacts.IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.UnitId == unit.Id && f.OverdueFrom != null && f.OverdueFrom < asOf && f.CohortDay >= first && f.CohortDay <= last)
            .GroupBy(f => new { f.CohortDay, f.Subject })
            .Select(g => new { g.Key.CohortDay, g.Key.Subject, N = g.Count() })
            .ToListAsync(ct);
        var points = new List<TrendPoint>(months);
        for (var m = first; m <= last; m = m.AddMonths(1))
        {
            var month = m;
            var counts = Zero();
            foreach (var r in rows.Where(r => r.PeriodStart == month))
            {
                counts[r.Measure] = counts.GetValueOrDefault(r.Measure) + r.Count;
            }

            foreach (var c in clocks.Where(c => c.CohortDay.Year == month.Year && c.CohortDay.Month == month.Month))
            {
                AddClock(counts, c.Subject, c.N);
            }

            var period = QualityPeriod.Month(m.Year, m.Month);
            var externals = (await ExternalsAsync(db, [unit.Id], period, ct)).GetValueOrDefault(unit.Id) ?? ExternalValues.Empty;
            var result = IndexEngine.Compute(settings.Definition, new IndexMeasures(counts), externals);
            points.Add(new TrendPoint(period, result.Total, result.MeasuredMax, result.Percent, result.Groups.ToDictionary(g => g.Key, g => g.Score, StringComparer.Ordinal),
                counts[K.DossiersReceived] + counts[K.FeedbackReceived] > 0));
        }

        return points;
    }

    /// <summary>The summed counts per unit: month rows for whole months, day rows for the ends, plus open items overdue at <paramref name="asOf"/>.</summary>
    public static async Task<Dictionary<Guid, Dictionary<string, long>>> CountsAsync(MotCuaDb db, IReadOnlyList<Guid> units, QualityPeriod period, DateTimeOffset asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var s = Segments(period);
        var ids = units.ToList();

        // Only the segments that hold days are asked for (UNION ALL of one range each): an empty range would still cost
        // the database one index probe per unit, and a month reads just its month rows.
        var summaries = db.QualitySummaries.IgnoreQueryFilters().AsNoTracking().Where(x => ids.Contains(x.UnitId));
        IQueryable<QualitySummary>? segments = null;
        void Segment(IQueryable<QualitySummary> rows) => segments = segments is null ? rows : segments.Concat(rows);
        if (s.MonthsFrom <= s.MonthsTo)
        {
            Segment(summaries.Where(x => x.Granularity == SummaryGranularity.Month && x.PeriodStart >= s.MonthsFrom && x.PeriodStart <= s.MonthsTo));
        }

        if (s.HeadFrom <= s.HeadTo)
        {
            Segment(summaries.Where(x => x.Granularity == SummaryGranularity.Day && x.PeriodStart >= s.HeadFrom && x.PeriodStart <= s.HeadTo));
        }

        if (s.TailFrom <= s.TailTo)
        {
            Segment(summaries.Where(x => x.Granularity == SummaryGranularity.Day && x.PeriodStart >= s.TailFrom && x.PeriodStart <= s.TailTo));
        }

        // One calendar month (the dashboard's usual period) has a single row per unit and measure: read as stored.
        var singleMonth = s.MonthsFrom == s.MonthsTo && s.HeadFrom > s.HeadTo && s.TailFrom > s.TailTo;
        var rows = singleMonth
            ? await segments!.Select(x => new { x.UnitId, x.Measure, x.Count }).ToListAsync(ct)
            : await segments!
                .GroupBy(x => new { x.UnitId, x.Measure })
                .Select(g => new { g.Key.UnitId, g.Key.Measure, Count = g.Sum(x => x.Count) })
                .ToListAsync(ct);
        var clocks = await db.QualityFacts.IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.OverdueFrom != null && f.OverdueFrom < asOf && f.CohortDay >= period.From && f.CohortDay <= period.To && ids.Contains(f.UnitId))
            .GroupBy(f => new { f.UnitId, f.Subject })
            .Select(g => new { g.Key.UnitId, g.Key.Subject, N = g.Count() })
            .ToListAsync(ct);

        var result = new Dictionary<Guid, Dictionary<string, long>>();
        Dictionary<string, long> For(Guid unit) => result.TryGetValue(unit, out var c) ? c : result[unit] = Zero();
        foreach (var r in rows)
        {
            var c = For(r.UnitId);
            c[r.Measure] = c.GetValueOrDefault(r.Measure) + r.Count;
        }

        foreach (var c in clocks)
        {
            AddClock(For(c.UnitId), c.Subject, c.N);
        }

        return result;
    }

    /// <summary>Configured external values for the months the period touches: the mean of the months that have one.</summary>
    public static async Task<Dictionary<Guid, ExternalValues>> ExternalsAsync(MotCuaDb db, IReadOnlyList<Guid> units, QualityPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = units.ToList();
        var months = period.Months().ToList();
        var first = months[0];
        var last = months[^1];
        var values = await db.QualityExternalValues.IgnoreQueryFilters().AsNoTracking()
            .Where(v => ids.Contains(v.UnitId) && v.Month >= first && v.Month <= last)
            .ToListAsync(ct);
        return values.GroupBy(v => v.UnitId).ToDictionary(
            g => g.Key,
            g => new ExternalValues(g.GroupBy(v => v.IndicatorKey, StringComparer.Ordinal).ToDictionary(i => i.Key, i => Mean([.. i.OrderBy(v => v.Month)], months.Count), StringComparer.Ordinal)));
    }

    private static ExternalValue Mean(List<QualityExternalValue> values, int months)
    {
        var latest = values[^1];
        var sameKind = values.Where(v => v.Kind == latest.Kind).ToList();
        var sources = string.Join("; ", sameKind.Select(v => v.Source).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal));
        if (sameKind.Count == 1 && months == 1)
        {
            return new ExternalValue(latest.Kind, latest.Value, latest.Source);
        }

        var mean = Math.Round(sameKind.Average(v => v.Value), 4, MidpointRounding.AwayFromZero);
        var label = string.Create(CultureInfo.InvariantCulture, $"Ø {sameKind.Count}/{months}");
        return new ExternalValue(latest.Kind, mean, sources.Length == 0 ? label : $"{label}: {sources}");
    }

    private static void AddClock(Dictionary<string, long> counts, FactSubject subject, long n)
    {
        if (subject == FactSubject.Dossier)
        {
            counts[K.DossiersOverdue] = counts.GetValueOrDefault(K.DossiersOverdue) + n;
            counts[Extra.DossiersOpenOverdue] = counts.GetValueOrDefault(Extra.DossiersOpenOverdue) + n;
        }
        else
        {
            counts[K.FeedbackDissatisfiedOrLate] = counts.GetValueOrDefault(K.FeedbackDissatisfiedOrLate) + n;
            counts[Extra.FeedbackOpenOverdue] = counts.GetValueOrDefault(Extra.FeedbackOpenOverdue) + n;
        }
    }

    /// <summary>Every measure MotCua produces, at 0: "known to be none", which scores differently from "not measured".</summary>
    /// <remarks>Keys the summaries have never seen are still listed, so that two reads of equal data look the same.</remarks>
    private static Dictionary<string, long> Zero() => MeasureFacts.AllKeys.ToDictionary(k => k, _ => 0L, StringComparer.Ordinal);

    internal readonly record struct PeriodSegments(DateOnly MonthsFrom, DateOnly MonthsTo, DateOnly HeadFrom, DateOnly HeadTo, DateOnly TailFrom, DateOnly TailTo);

    /// <summary>Whole months are read from month rows, the days before and after them from day rows.</summary>
    internal static PeriodSegments Segments(QualityPeriod period)
    {
        var (from, to) = (period.From, period.To);
        var firstFull = from.Day == 1 ? from : new DateOnly(from.Year, from.Month, 1).AddMonths(1);
        var toMonth = new DateOnly(to.Year, to.Month, 1);
        var lastFull = to == toMonth.AddMonths(1).AddDays(-1) ? toMonth : toMonth.AddMonths(-1);
        if (firstFull > lastFull)
        {
            return new PeriodSegments(DateOnly.MaxValue, DateOnly.MinValue, from, to, DateOnly.MaxValue, DateOnly.MinValue);
        }

        return new PeriodSegments(firstFull, lastFull, from, firstFull.AddDays(-1), lastFull.AddMonths(1), to);
    }
}
