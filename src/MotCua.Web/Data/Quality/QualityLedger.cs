using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Quality;
using MotCua.Web.Data.Dossiers;

namespace MotCua.Web.Data.Quality;

/// <summary>
/// Keeps the Index 766 summaries equal to a recompute, inside <see cref="MotCuaDb"/>'s SaveChanges so that no use case
/// can forget it: the dossiers and feedback a save touches (directly, or through a rating, a linked complaint, a scan or a
/// fee correction) get their <see cref="MeasureFacts"/> recomputed from the saved rows, and the difference from the stored
/// facts is added to the day and month summary rows, all in the save's transaction.
/// </summary>
/// <remarks>
/// Concurrency: on PostgreSQL the touched dossier and feedback rows are locked (<c>FOR NO KEY UPDATE</c>, in id order)
/// before the facts are read, so two saves touching the same dossier (a transition and a rating) apply their differences
/// one after the other; summary rows are incremented atomically in key order. SQLite has one writer at a time.
/// </remarks>
internal static class QualityLedger
{
    private const int Chunk = 500;

    public sealed class Touched
    {
        public HashSet<Guid> Dossiers { get; } = [];

        public HashSet<Guid> Feedback { get; } = [];

        public HashSet<Guid> ProcedureVersions { get; } = [];

        public bool IsEmpty => Dossiers.Count == 0 && Feedback.Count == 0 && ProcedureVersions.Count == 0;
    }

    /// <summary>What a save touches, read from the change tracker before it saves; null when nothing that counts changes.</summary>
    public static Touched? Collect(ChangeTracker tracker)
    {
        var touched = new Touched();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Dossier d:
                    touched.Dossiers.Add(d.Id);
                    break;
                case DossierRating r:
                    touched.Dossiers.Add(r.DossierId);
                    break;
                case Feedback f:
                    touched.Feedback.Add(f.Id);
                    if (f.DossierId is { } linked)
                    {
                        touched.Dossiers.Add(linked);
                    }

                    if (entry.State == EntityState.Modified && entry.Property(nameof(Feedback.DossierId)).OriginalValue is Guid before)
                    {
                        touched.Dossiers.Add(before);
                    }

                    break;
                case Attachment a:
                    touched.Dossiers.Add(a.DossierId);
                    break;
                case ProcedureVersion v when entry.State == EntityState.Modified && entry.Property(nameof(ProcedureVersion.Fee)).IsModified:
                    touched.ProcedureVersions.Add(v.Id);
                    break;
            }
        }

        return touched.IsEmpty ? null : touched;
    }

    /// <summary>Saves (in the caller's transaction, or a new one), then applies the summary differences before committing.</summary>
    public static async Task<int> SaveAsync(MotCuaDb db, Touched touched, Func<Task<int>> save, bool acceptAllChangesOnSuccess, CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var saved = await save();
            await ApplyAsync(db, touched, ct);
            if (own is not null)
            {
                await own.CommitAsync(ct);
            }

            if (acceptAllChangesOnSuccess)
            {
                db.ChangeTracker.AcceptAllChanges();
            }

            return saved;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    public static async Task ApplyAsync(MotCuaDb db, Touched touched, CancellationToken ct)
    {
        var dossierIds = touched.Dossiers;
        if (touched.ProcedureVersions.Count > 0)
        {
            // A corrected fee changes "with a fee" for every dossier received under that version.
            var versions = touched.ProcedureVersions.ToList();
            dossierIds.UnionWith(await db.Dossiers.IgnoreQueryFilters().Where(d => versions.Contains(d.ProcedureVersionId)).Select(d => d.Id).ToListAsync(ct));
        }

        foreach (var chunk in dossierIds.Order().Chunk(Chunk))
        {
            await ApplyChunkAsync(db, FactSubject.Dossier, chunk, ct);
        }

        foreach (var chunk in touched.Feedback.Order().Chunk(Chunk))
        {
            await ApplyChunkAsync(db, FactSubject.Feedback, chunk, ct);
        }
    }

    private static async Task ApplyChunkAsync(MotCuaDb db, FactSubject subject, Guid[] ids, CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            var sql = subject == FactSubject.Dossier
                ? "SELECT 1 FROM \"Dossiers\" WHERE \"Id\" = ANY({0}) ORDER BY \"Id\" FOR NO KEY UPDATE"
                : "SELECT 1 FROM \"Feedback\" WHERE \"Id\" = ANY({0}) ORDER BY \"Id\" FOR NO KEY UPDATE";
            await db.Database.ExecuteSqlRawAsync(sql, [ids], ct);
        }

        // The ledger works for every caller (an anonymous citizen rating, a seeding job): the scope filters do not apply here.
        var stored = await db.QualityFacts.IgnoreQueryFilters().AsNoTracking().Where(f => ids.Contains(f.SubjectId)).ToDictionaryAsync(f => f.SubjectId, ct);
        var current = subject == FactSubject.Dossier
            ? (await QualityInputs.DossiersAsync(db, ids, ct)).Select(MeasureFacts.ForDossier)
            : (await QualityInputs.FeedbackAsync(db, ids, ct)).Select(MeasureFacts.ForFeedback);
        var fresh = current.OfType<MeasureFacts>().ToDictionary(f => f.SubjectId);

        var deltas = new SummaryDeltas();
        var upserts = new List<MeasureFacts>();
        var deletes = new List<Guid>();
        foreach (var id in ids)
        {
            var before = stored.GetValueOrDefault(id)?.ToFacts();
            var after = fresh.GetValueOrDefault(id);
            if (before == after)
            {
                continue;
            }

            if (before is not null)
            {
                deltas.Add(before, -1);
            }

            if (after is not null)
            {
                deltas.Add(after, +1);
                upserts.Add(after);
            }
            else
            {
                deletes.Add(id);
            }
        }

        await WriteFactsAsync(db, upserts, deletes, ct);
        await deltas.WriteAsync(db, ct);
    }

    internal static async Task WriteFactsAsync(MotCuaDb db, List<MeasureFacts> upserts, List<Guid> deletes, CancellationToken ct)
    {
        if (deletes.Count > 0)
        {
            var sql = "DELETE FROM \"QualityFacts\" WHERE \"SubjectId\" IN (" + string.Join(",", deletes.Select((_, i) => $"{{{i}}}")) + ")";
            await db.Database.ExecuteSqlRawAsync(sql, deletes.Cast<object>(), ct);
        }

        foreach (var chunk in upserts.Chunk(200))
        {
            var sql = new StringBuilder("INSERT INTO \"QualityFacts\" (\"SubjectId\",\"Subject\",\"UnitId\",\"CohortDay\",\"Traits\",\"Components\",\"DigitisedComponents\",\"Guidance\",\"Attitude\",\"Speed\",\"OverdueFrom\") VALUES ");
            var args = new List<object?>();
            foreach (var f in chunk)
            {
                if (args.Count > 0)
                {
                    sql.Append(',');
                }

                sql.Append('(').AppendJoin(',', Enumerable.Range(args.Count, 11).Select(i => $"{{{i}}}")).Append(')');
                args.AddRange([f.SubjectId, (int)f.Subject, f.UnitId, f.CohortDay, (int)f.Traits, f.Components, f.DigitisedComponents,
                    Nullable(db, f.Guidance), Nullable(db, f.Attitude), Nullable(db, f.Speed), f.OverdueFrom is { } o ? o.UtcDateTime : Null(db, System.Data.DbType.DateTime)]);
            }

            sql.Append(" ON CONFLICT (\"SubjectId\") DO UPDATE SET \"Subject\" = excluded.\"Subject\", \"UnitId\" = excluded.\"UnitId\", \"CohortDay\" = excluded.\"CohortDay\", ")
                .Append("\"Traits\" = excluded.\"Traits\", \"Components\" = excluded.\"Components\", \"DigitisedComponents\" = excluded.\"DigitisedComponents\", ")
                .Append("\"Guidance\" = excluded.\"Guidance\", \"Attitude\" = excluded.\"Attitude\", \"Speed\" = excluded.\"Speed\", \"OverdueFrom\" = excluded.\"OverdueFrom\"");
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), args!, ct);
        }
    }

    private static object Nullable(MotCuaDb db, int? value) => value is { } v ? v : Null(db, System.Data.DbType.Int32);

    /// <summary>A typed NULL: EF cannot infer a store type from a null value in raw SQL.</summary>
    private static System.Data.Common.DbParameter Null(MotCuaDb db, System.Data.DbType type)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        var p = command.CreateParameter();
        p.DbType = type;
        p.Value = DBNull.Value;
        return p;
    }

    /// <summary>Differences to add to the summary rows, by (unit, granularity, period start, measure).</summary>
    internal sealed class SummaryDeltas
    {
        private readonly Dictionary<(Guid Unit, SummaryGranularity Granularity, DateOnly Start, string Measure), long> _deltas = [];

        public int Count => _deltas.Count;

        public IEnumerable<KeyValuePair<(Guid Unit, SummaryGranularity Granularity, DateOnly Start, string Measure), long>> Entries => _deltas;

        public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

        public void Add(MeasureFacts facts, int sign)
        {
            foreach (var (measure, count) in facts.Counts())
            {
                Add(facts.UnitId, facts.CohortDay, measure, sign * count);
            }
        }

        public void Add(Guid unit, DateOnly day, string measure, long delta)
        {
            Bump((unit, SummaryGranularity.Day, day, measure), delta);
            Bump((unit, SummaryGranularity.Month, MonthOf(day), measure), delta);
        }

        public async Task WriteAsync(MotCuaDb db, CancellationToken ct)
        {
            // Key order everywhere, so that concurrent saves take the rows' locks in the same order.
            var rows = _deltas.Where(d => d.Value != 0)
                .OrderBy(d => d.Key.Granularity).ThenBy(d => d.Key.Start).ThenBy(d => d.Key.Unit).ThenBy(d => d.Key.Measure, StringComparer.Ordinal)
                .ToList();
            foreach (var chunk in rows.Chunk(400))
            {
                var sql = new StringBuilder("INSERT INTO \"QualitySummaries\" (\"Granularity\",\"PeriodStart\",\"UnitId\",\"Measure\",\"Count\") VALUES ");
                var args = new List<object>(chunk.Length * 5);
                foreach (var ((unit, granularity, start, measure), delta) in chunk)
                {
                    if (args.Count > 0)
                    {
                        sql.Append(',');
                    }

                    sql.Append(CultureInfo.InvariantCulture, $"({{{args.Count}}},{{{args.Count + 1}}},{{{args.Count + 2}}},{{{args.Count + 3}}},{{{args.Count + 4}}})");
                    args.AddRange([(int)granularity, start, unit, measure, delta]);
                }

                sql.Append(" ON CONFLICT (\"Granularity\",\"PeriodStart\",\"UnitId\",\"Measure\") DO UPDATE SET \"Count\" = \"QualitySummaries\".\"Count\" + excluded.\"Count\"");
                await db.Database.ExecuteSqlRawAsync(sql.ToString(), args, ct);
            }
        }

        private void Bump((Guid, SummaryGranularity, DateOnly, string) key, long delta)
        {
            if (delta != 0)
            {
                _deltas[key] = _deltas.GetValueOrDefault(key) + delta;
            }
        }
    }
}
