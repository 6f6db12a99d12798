using MotCua.Domain.Quality;
using MotCua.Web.Features.Quality;
using Npgsql;
using K = MotCua.Domain.Quality.IndexMeasureKeys;

namespace MotCua.Bench.Quality;

/// <summary>
/// The province ranking computed the plain way: every measure counted by GROUP BY over the dossiers (joined to their
/// ratings, feedback, scans and fees) and the feedback of the period, then the same engine and ranking. It is what a
/// dashboard would run without summaries, and the oracle the summaries are checked against.
/// </summary>
internal static class PlainRanking
{
    private const string DossierSql = """
        SELECT d."UnitId",
            count(*),
            count(*) FILTER (WHERE d."EndedAt" IS NOT NULL AND d."SupplementRequestCount" <= 1 AND d."EndedAt" <= d."DueAt"
                AND ((d."EndedAt" AT TIME ZONE 'UTC') + interval '7 hours')::date < ((d."DueAt" AT TIME ZONE 'UTC') + interval '7 hours')::date),
            count(*) FILTER (WHERE d."EndedAt" IS NOT NULL AND d."SupplementRequestCount" <= 1 AND d."EndedAt" <= d."DueAt"
                AND ((d."EndedAt" AT TIME ZONE 'UTC') + interval '7 hours')::date = ((d."DueAt" AT TIME ZONE 'UTC') + interval '7 hours')::date),
            count(*) FILTER (WHERE (d."EndedAt" IS NOT NULL AND (d."SupplementRequestCount" > 1 OR d."EndedAt" > d."DueAt"))
                OR (d."EndedAt" IS NULL AND d."DueAt" < @asOf AND (d."PausedAt" IS NULL OR d."PausedAt" > d."DueAt"))),
            count(*) FILTER (WHERE r."Satisfied" = false OR f."DossierId" IS NOT NULL),
            count(*) FILTER (WHERE d."Channel" IN (1, 4, 5)),
            count(*) FILTER (WHERE d."Channel" = 2),
            count(*) FILTER (WHERE d."Channel" = 3),
            count(*) FILTER (WHERE (v."Fee"::json ->> 'kind') IN ('fixed', 'perCopy', 'perPage', 'setByProvince') AND (v."Fee"::json ->> 'amount')::bigint > 0),
            count(*) FILTER (WHERE d."Status" IN (9, 10)),
            coalesce(sum(json_array_length(d."PapersReceived"::json)), 0),
            coalesce(sum(least(coalesce(a."N", 0), json_array_length(d."PapersReceived"::json))), 0)
        FROM "Dossiers" d
        JOIN "ProcedureVersions" v ON v."Id" = d."ProcedureVersionId"
        LEFT JOIN "DossierRatings" r ON r."DossierId" = d."Id"
        LEFT JOIN (SELECT DISTINCT "DossierId" FROM "Feedback" WHERE "DossierId" IS NOT NULL) f ON f."DossierId" = d."Id"
        LEFT JOIN (SELECT "DossierId", count(*) AS "N" FROM "Attachments" GROUP BY "DossierId") a ON a."DossierId" = d."Id"
        WHERE d."UnitId" = ANY(@units) AND d."ReceivedAt" >= @from AND d."ReceivedAt" < @to AND d."DueAt" IS NOT NULL AND d."Status" <> 3
        GROUP BY d."UnitId"
        """;

    private const string FeedbackSql = """
        SELECT f."UnitId",
            count(*),
            count(*) FILTER (WHERE f."EndedAt" IS NOT NULL AND f."Timeliness" IN (1, 2)),
            count(*) FILTER (WHERE (f."EndedAt" IS NOT NULL AND (f."Timeliness" = 3 OR f."SubmitterSatisfied" = false)) OR (f."EndedAt" IS NULL AND f."DueAt" < @asOf))
        FROM "Feedback" f
        WHERE f."UnitId" = ANY(@units) AND f."ReceivedAt" >= @from AND f."ReceivedAt" < @to
        GROUP BY f."UnitId"
        """;

    private static readonly string[] DossierKeys =
    [
        K.DossiersReceived, K.DossiersEarly, K.DossiersOnTime, K.DossiersOverdue, K.DossiersWithComplaintOrDislike, K.DossiersByChannelCounter,
        K.DossiersByChannelOnline, K.DossiersByChannelPost, K.DossiersWithFee, K.DossiersCompleted, K.DossierComponents, K.DossierDigitisedComponents,
    ];

    private static readonly string[] FeedbackKeys = [K.FeedbackReceived, K.FeedbackHandledOnTime, K.FeedbackDissatisfiedOrLate];

    public static async Task<List<QualityIndexQuery.RankingRow>> RunAsync(string connectionString, QualitySettings settings, QualityPeriod period, DateTimeOffset asOf)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        var units = new List<QualityIndexQuery.UnitInfo>();
        await using (var cmd = new NpgsqlCommand($"SELECT \"Id\", \"Code\", \"Name\", \"ProvinceCode\" FROM \"Units\" WHERE \"ProvinceCode\" = '{Generator.Province}' ORDER BY \"Code\"", c))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                units.Add(new QualityIndexQuery.UnitInfo(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }
        }

        var counts = units.ToDictionary(u => u.Id, _ => MeasureFacts.MeasuredKeys.ToDictionary(k => k, _ => 0L, StringComparer.Ordinal));
        var from = new DateTimeOffset(period.From.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7)).UtcDateTime;
        var to = new DateTimeOffset(period.To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7)).UtcDateTime;
        foreach (var (sql, keys) in new[] { (DossierSql, DossierKeys), (FeedbackSql, FeedbackKeys) })
        {
            await using var cmd = new NpgsqlCommand(sql, c);
            cmd.Parameters.AddWithValue("units", units.Select(u => u.Id).ToArray());
            cmd.Parameters.AddWithValue("from", from);
            cmd.Parameters.AddWithValue("to", to);
            cmd.Parameters.AddWithValue("asOf", asOf.UtcDateTime);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var unit = counts[reader.GetGuid(0)];
                for (var i = 0; i < keys.Length; i++)
                {
                    unit[keys[i]] = reader.GetInt64(i + 1);
                }
            }
        }

        var indexes = units.ToDictionary(u => u.Code, u => new QualityIndexQuery.UnitIndex(u, period, asOf,
            IndexEngine.Compute(settings.Definition, new IndexMeasures(counts[u.Id]), ExternalValues.Empty), counts[u.Id]), StringComparer.Ordinal);
        return [.. IndexRanking.Rank(indexes.Select(i => (i.Key, i.Value.Result))).Select(r => new QualityIndexQuery.RankingRow(indexes[r.UnitCode].Unit, r, indexes[r.UnitCode]))];
    }

    /// <summary>Every measure and rank that differs between the summaries' ranking and the plain one.</summary>
    public static List<string> Compare(IReadOnlyList<QualityIndexQuery.RankingRow> summaries, IReadOnlyList<QualityIndexQuery.RankingRow> plain)
    {
        var other = plain.ToDictionary(r => r.Unit.Code, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var row in summaries)
        {
            if (!other.TryGetValue(row.Unit.Code, out var p))
            {
                problems.Add($"{row.Unit.Code} missing from the plain ranking");
                continue;
            }

            foreach (var key in MeasureFacts.MeasuredKeys.Where(k => row.Index.Count(k) != p.Index.Count(k)))
            {
                problems.Add($"{row.Unit.Code} {key}: summaries {row.Index.Count(key)}, plain {p.Index.Count(key)}");
            }

            if (row.Rank.Rank != p.Rank.Rank || row.Rank.Total != p.Rank.Total)
            {
                problems.Add($"{row.Unit.Code} rank {row.Rank.Rank} ({row.Rank.Total}) vs {p.Rank.Rank} ({p.Rank.Total})");
            }
        }

        return problems;
    }
}
