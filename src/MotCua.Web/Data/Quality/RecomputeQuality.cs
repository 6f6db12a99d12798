using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Quality;
using Npgsql;
using NpgsqlTypes;

namespace MotCua.Web.Data.Quality;

/// <summary>
/// Rebuilds the Index 766 facts and summaries from the dossiers, ratings, feedback and scans, with the same
/// <see cref="MeasureFacts"/> rules the live ledger applies, in one transaction (saves that touch quality wait for it).
/// Reports how many summary rows it found different: 0 when the live summaries were right.
/// </summary>
/// <remarks>
/// Command: <c>dotnet run --project src/MotCua.Web -- quality recompute</c>. On PostgreSQL the dossiers are read through
/// a server-side cursor and the facts written with binary COPY, so a province of millions of dossiers fits in memory.
/// </remarks>
public static class RecomputeQuality
{
    private const int Batch = 20_000;

    private static readonly string[] FactColumns =
        ["SubjectId", "Subject", "UnitId", "CohortDay", "Traits", "Components", "DigitisedComponents", "Guidance", "Attitude", "Speed", "OverdueFrom"];

    public sealed record Report(long Dossiers, long Feedback, long Facts, int SummaryRows, int SummaryRowsChanged, TimeSpan Elapsed);

    public static async Task<Report> ExecuteAsync(MotCuaDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var clock = Stopwatch.StartNew();
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            if (db.IsPostgres)
            {
                // Taken first, so that a save touching quality waits for the rebuild instead of racing it.
                await db.Database.ExecuteSqlRawAsync("LOCK TABLE \"QualityFacts\", \"QualitySummaries\" IN EXCLUSIVE MODE", ct);
            }

            var before = await db.QualitySummaries.IgnoreQueryFilters().AsNoTracking()
                .Where(s => s.Count != 0)
                .ToDictionaryAsync(s => (s.UnitId, s.Granularity, s.PeriodStart, s.Measure), s => s.Count, ct);

            await db.Database.ExecuteSqlRawAsync(db.IsPostgres ? "TRUNCATE \"QualityFacts\", \"QualitySummaries\"" : "DELETE FROM \"QualityFacts\"; DELETE FROM \"QualitySummaries\";", ct);

            var sums = new QualityLedger.SummaryDeltas();
            var fees = await QualityInputs.FeesAsync(db, null, ct);
            var (dossiers, dossierFacts) = await RebuildAsync(db, "quality_recompute_dossiers", DossierSql(db.IsPostgres), r => MeasureFacts.ForDossier(ReadDossier(r, fees)), sums, ct);
            var (feedback, feedbackFacts) = await RebuildAsync(db, "quality_recompute_feedback", FeedbackSql, r => MeasureFacts.ForFeedback(ReadFeedback(r)), sums, ct);

            var after = sums.Entries.Where(e => e.Value != 0).ToDictionary(e => e.Key, e => e.Value);
            if (db.IsPostgres)
            {
                await CopySummariesAsync(db, after, ct);
            }
            else
            {
                await sums.WriteAsync(db, ct);
            }

            var changed = after.Count(a => before.GetValueOrDefault(a.Key) != a.Value) + before.Keys.Count(k => !after.ContainsKey(k));
            await tx.CommitAsync(ct);
            return new Report(dossiers, feedback, dossierFacts + feedbackFacts, after.Count, changed, clock.Elapsed);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
    }

    /// <summary>Every dossier with what its facts need; the same columns the live ledger reads through EF.</summary>
    private static string DossierSql(bool postgres) => $"""
        SELECT d."Id", d."UnitId", d."Status", d."Channel", d."ReceivedAt", d."DueAt", d."PausedAt", d."EndedAt", d."SupplementRequestCount",
               {(postgres ? "json_array_length(d.\"PapersReceived\"::json)" : "json_array_length(d.\"PapersReceived\")")}, d."ProcedureVersionId",
               r."Satisfied", r."Guidance", r."Attitude", r."Speed", c."DossierId" IS NOT NULL, COALESCE(s."N", 0)
        FROM "Dossiers" d
        LEFT JOIN "DossierRatings" r ON r."DossierId" = d."Id"
        LEFT JOIN (SELECT DISTINCT "DossierId" FROM "Feedback" WHERE "DossierId" IS NOT NULL) c ON c."DossierId" = d."Id"
        LEFT JOIN (SELECT "DossierId", COUNT(*) AS "N" FROM "Attachments" GROUP BY "DossierId") s ON s."DossierId" = d."Id"
        """;

    private const string FeedbackSql = """
        SELECT f."Id", f."UnitId", f."ReceivedAt", f."DueAt", f."EndedAt", f."Timeliness", f."SubmitterSatisfied" FROM "Feedback" f
        """;

    private static DossierMeasureInput ReadDossier(DbDataReader r, Dictionary<Guid, bool> fees)
    {
        bool? satisfied = r.IsDBNull(11) ? null : r.GetBoolean(11);
        return new DossierMeasureInput(
            r.GetGuid(0), r.GetGuid(1), (DossierStatus)r.GetInt32(2), (Channel)r.GetInt32(3), Instant(r, 4), Instant(r, 5), Instant(r, 6), Instant(r, 7),
            r.GetInt32(8), r.IsDBNull(9) ? 0 : r.GetInt32(9), Convert.ToInt32(r.GetValue(16), System.Globalization.CultureInfo.InvariantCulture),
            fees.GetValueOrDefault(r.GetGuid(10)), satisfied,
            satisfied is null ? null : new RatingAnswers(NullableInt(r, 12), NullableInt(r, 13), NullableInt(r, 14)),
            r.GetBoolean(15));
    }

    private static FeedbackMeasureInput ReadFeedback(DbDataReader r) => new(
        r.GetGuid(0), r.GetGuid(1), Instant(r, 2)!.Value, Instant(r, 3)!.Value, Instant(r, 4),
        r.IsDBNull(5) ? null : (Timeliness)r.GetInt32(5), r.IsDBNull(6) ? null : r.GetBoolean(6));

    private static DateTimeOffset? Instant(DbDataReader r, int i) =>
        r.IsDBNull(i) ? null : new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc));

    private static int? NullableInt(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);

    private static async Task<(long Subjects, long Facts)> RebuildAsync(MotCuaDb db, string cursor, string sql, Func<DbDataReader, MeasureFacts?> read, QualityLedger.SummaryDeltas sums, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        long subjects = 0, facts = 0;
        if (db.IsPostgres)
        {
            // A cursor lets the facts of one batch be written (COPY) on the same connection before the next is read. Each
            // query has its own cursor name: with auto-prepare on (Max Auto Prepare in the connection string) the repeated
            // FETCH is prepared with its cursor's columns, and must not be reused for the other cursor.
            await Execute(connection, transaction, $"DECLARE {cursor} NO SCROLL CURSOR FOR {sql}", ct);
            while (true)
            {
                var batch = new List<MeasureFacts>(Batch);
                var fetched = 0;
                await using (var cmd = Command(connection, transaction, $"FETCH {Batch} FROM {cursor}"))
                await using (var reader = await cmd.ExecuteReaderAsync(ct))
                {
                    while (await reader.ReadAsync(ct))
                    {
                        fetched++;
                        if (read(reader) is { } f)
                        {
                            batch.Add(f);
                        }
                    }
                }

                subjects += fetched;
                facts += batch.Count;
                foreach (var f in batch)
                {
                    sums.Add(f, +1);
                }

                await CopyFactsAsync((NpgsqlConnection)connection, batch, ct);
                if (fetched < Batch)
                {
                    break;
                }
            }

            await Execute(connection, transaction, $"CLOSE {cursor}", ct);
            return (subjects, facts);
        }

        // SQLite (one commune's laptop): read everything, then write.
        var all = new List<MeasureFacts>();
        await using (var cmd = Command(connection, transaction, sql))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                subjects++;
                if (read(reader) is { } f)
                {
                    all.Add(f);
                }
            }
        }

        foreach (var f in all)
        {
            sums.Add(f, +1);
        }

        await QualityLedger.WriteFactsAsync(db, all, [], ct);
        return (subjects, all.Count);
    }

    private static async Task CopyFactsAsync(NpgsqlConnection connection, List<MeasureFacts> facts, CancellationToken ct)
    {
        if (facts.Count == 0)
        {
            return;
        }

        var columns = string.Join(",", FactColumns.Select(c => $"\"{c}\""));
        await using var writer = await connection.BeginBinaryImportAsync($"COPY \"QualityFacts\" ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var f in facts)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(f.SubjectId, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync((int)f.Subject, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync(f.UnitId, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(f.CohortDay, NpgsqlDbType.Date, ct);
            await writer.WriteAsync((int)f.Traits, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync(f.Components, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync(f.DigitisedComponents, NpgsqlDbType.Integer, ct);
            await WriteNullableAsync(writer, f.Guidance, ct);
            await WriteNullableAsync(writer, f.Attitude, ct);
            await WriteNullableAsync(writer, f.Speed, ct);
            if (f.OverdueFrom is { } o)
            {
                await writer.WriteAsync(o.UtcDateTime, NpgsqlDbType.TimestampTz, ct);
            }
            else
            {
                await writer.WriteNullAsync(ct);
            }
        }

        await writer.CompleteAsync(ct);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter writer, int? value, CancellationToken ct)
    {
        if (value is { } v)
        {
            await writer.WriteAsync(v, NpgsqlDbType.Integer, ct);
        }
        else
        {
            await writer.WriteNullAsync(ct);
        }
    }

    private static async Task CopySummariesAsync(MotCuaDb db, Dictionary<(Guid Unit, SummaryGranularity Granularity, DateOnly Start, string Measure), long> rows, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var writer = await connection.BeginBinaryImportAsync("COPY \"QualitySummaries\" (\"Granularity\",\"PeriodStart\",\"UnitId\",\"Measure\",\"Count\") FROM STDIN (FORMAT BINARY)", ct);
        foreach (var ((unit, granularity, start, measure), count) in rows)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync((int)granularity, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync(start, NpgsqlDbType.Date, ct);
            await writer.WriteAsync(unit, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(measure, NpgsqlDbType.Varchar, ct);
            await writer.WriteAsync(count, NpgsqlDbType.Bigint, ct);
        }

        await writer.CompleteAsync(ct);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 3600;
        return cmd;
    }

    private static async Task Execute(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var cmd = Command(connection, transaction, sql);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
