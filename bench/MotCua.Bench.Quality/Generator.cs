using System.Diagnostics;
using System.Text;
using Npgsql;

namespace MotCua.Bench.Quality;

/// <summary>
/// Generates a province with set-based SQL (generate_series, deterministic hashes): communes, dossiers spread evenly over
/// the days (78% early, 12% on time, 10% late, a few with two supplement requests, the last ten days mostly still open),
/// ratings of 30% of the dossiers with a result, and feedback about 0.5% of the dossiers. The dossiers' secondary indexes
/// are dropped during the load and rebuilt after it, as a bulk load does, plus one index for the plain query.
/// </summary>
internal static class Generator
{
    public const string Province = "B01";

    public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset AsOf { get; private set; } = Start.AddDays(730);

    /// <summary>The first day (local) of the month the ranking is measured for: the middle of the generated days.</summary>
    public static DateOnly MeasuredMonth { get; private set; }

    /// <summary>That month's first instant: local midnight (UTC+7) in UTC.</summary>
    public static DateTimeOffset MeasuredMonthStartUtc => new DateTimeOffset(MeasuredMonth.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7)).ToUniversalTime();

    public sealed record Result(long Dossiers, long Ratings, long Feedback, string Timings);

    public static void Configure(BenchOptions options)
    {
        AsOf = Start.AddDays(options.Days);
        var middle = DateOnly.FromDateTime(Start.AddDays(options.Days / 2).UtcDateTime);
        MeasuredMonth = new DateOnly(middle.Year, middle.Month, 1);
    }

    public static async Task<Result> RunAsync(string connectionString, BenchOptions options)
    {
        Configure(options);
        var timings = new StringBuilder();
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        var watch = Stopwatch.StartNew();
        void Lap(string what)
        {
            timings.Append(System.Globalization.CultureInfo.InvariantCulture, $"{(timings.Length > 0 ? ", " : string.Empty)}{what} {watch.Elapsed.TotalSeconds:0.0} s");
            watch.Restart();
        }

        await Sql.ExecuteAsync(c, $$"""
            INSERT INTO "Provinces" ("Code", "Name") VALUES ('{{Province}}', 'Tỉnh thử hiệu năng');
            INSERT INTO "Units" ("Id", "Code", "Name", "ProvinceCode", "Hours")
            SELECT md5('unit' || n)::uuid, '000.' || lpad(n::text, 3, '0') || '.{{Province}}', 'Xã thử ' || lpad(n::text, 3, '0'), '{{Province}}',
                   '{"periods":[["07:00","11:30"],["13:30","17:00"]],"sameDayCutoff":"15:00"}'
            FROM generate_series(0, {{options.Communes - 1}}) n;
            """);

        // Secondary indexes are rebuilt once after the load instead of being maintained row by row.
        var indexes = new List<(string Name, string Definition)>();
        await using (var cmd = new NpgsqlCommand("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'Dossiers' AND indexname NOT LIKE 'PK_%'", c))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await Sql.ExecuteAsync(c, $"DROP INDEX \"{name}\"");
        }

        const long chunk = 1_000_000;
        for (long from = 0; from < options.Dossiers; from += chunk)
        {
            var to = Math.Min(options.Dossiers, from + chunk) - 1;
            await Sql.ExecuteAsync(c, DossiersSql(options, from, to));
            Console.Write($"\r  dossiers {to + 1:N0} / {options.Dossiers:N0} ({watch.Elapsed.TotalSeconds:0} s)   ");
        }

        Console.WriteLine();
        Lap("dossiers");
        await Sql.ExecuteAsync(c, RatingsSql);
        Lap("ratings");
        await Sql.ExecuteAsync(c, FeedbackSql);
        Lap("feedback");
        foreach (var (_, definition) in indexes)
        {
            await Sql.ExecuteAsync(c, definition);
        }

        // Not part of the app's schema (nothing in it reads dossiers by unit and receipt time; the summaries do that
        // job): the index a plain implementation would add, so that the plain query is compared at its best. Without it
        // PostgreSQL reads every dossier of each commune and the plain query is about twice as slow.
        await Sql.ExecuteAsync(c, "CREATE INDEX \"IX_Bench_Dossiers_UnitId_ReceivedAt\" ON \"Dossiers\" (\"UnitId\", \"ReceivedAt\")");
        Lap($"{indexes.Count} + 1 indexes");
        await Sql.ExecuteAsync(c, "VACUUM ANALYZE \"Dossiers\"; ANALYZE \"DossierRatings\"; ANALYZE \"Feedback\"; ANALYZE \"Units\"");
        Lap("vacuum and analyze");
        return new Result(
            await Sql.ScalarAsync(c, "SELECT count(*) FROM \"Dossiers\""),
            await Sql.ScalarAsync(c, "SELECT count(*) FROM \"DossierRatings\""),
            await Sql.ScalarAsync(c, "SELECT count(*) FROM \"Feedback\""),
            timings.ToString());
    }

    private static string DossiersSql(BenchOptions o, long from, long to) => $"""
        WITH p AS (
            SELECT (row_number() OVER (ORDER BY p."Code") - 1)::int AS n, p."Id" AS pid, v."Id" AS vid, p."Code" AS code, v."TimeLimit" AS tl
            FROM "Procedures" p JOIN "ProcedureVersions" v ON v."ProcedureId" = p."Id" WHERE v."TimeLimit" <> 'none'),
        np AS (SELECT count(*)::int AS c FROM p),
        u AS (SELECT (row_number() OVER (ORDER BY "Code") - 1)::int AS n, "Id" AS uid, "Code" AS code FROM "Units" WHERE "ProvinceCode" = '{Province}'),
        g AS (
            SELECT i, (i % {o.Communes})::int AS un, i / {o.Communes} AS k, abs(hashint8(i)) AS h1, abs(hashint8(i + 7777777777)) AS h2
            FROM generate_series({from}::bigint, {to}::bigint) i),
        x AS (
            SELECT g.*, (g.k % {o.Days})::int AS day, (g.k / {o.Days})::int + 1 AS seq,
                   timestamptz '{Start:yyyy-MM-dd}T00:00:00Z' + (g.k % {o.Days}) * interval '1 day' + (g.h1 % 480) * interval '1 minute' AS received,
                   ((g.h2 / 1000) % 1000)::int AS r,
                   CASE WHEN (g.h1 / 100000) % 100 < 3 THEN 2 WHEN (g.h1 / 100000) % 100 < 9 THEN 1 ELSE 0 END AS sup,
                   ((g.k % {o.Days}) >= {o.Days - 10} AND (g.h2 / 100) % 10 < 8) AS open
            FROM g),
        y AS (
            SELECT x.*, x.received + ((x.h1 / 7) % 10 + 1) * interval '1 day' AS due FROM x)
        INSERT INTO "Dossiers" ("Id", "ClientId", "UnitId", "Number", "ProcedureId", "ProcedureVersionId", "ProcedureCode", "Channel", "Status",
            "ApplicantCitizenId", "ApplicantName", "ApplicantPhone", "ApplicantAddress", "ApplicantHamletId", "ApplicantBasis", "ApplicantConsentAt", "ApplicantAnonymisedAt",
            "RegisteredAt", "ReceivedAt", "TimeLimit", "NeedsVerification", "PriorityGroups", "PapersReceived", "OriginalDueAt", "DueAt", "PausedAt", "SupplementRequestCount", "EndedAt",
            "LookupSecret", "ReceivedBy", "HandlerId", "Version")
        SELECT md5('d' || y.i)::uuid, md5('c' || y.i)::uuid, u.uid,
            u.code || '-' || to_char((y.received AT TIME ZONE 'UTC') + interval '7 hours', 'YYMMDD') || '-' || lpad(y.seq::text, 4, '0'),
            p.pid, p.vid, p.code,
            CASE WHEN y.h2 % 100 < 55 THEN 1 WHEN y.h2 % 100 < 87 THEN 2 WHEN y.h2 % 100 < 91 THEN 3 WHEN y.h2 % 100 < 95 THEN 4 ELSE 5 END,
            CASE WHEN y.open THEN (CASE WHEN (y.h2 / 10000) % 10 = 0 THEN 5 ELSE 4 END)
                 WHEN (y.h2 / 100000) % 100 < 3 THEN 8 WHEN (y.h2 / 100000) % 100 < 5 THEN 7 WHEN (y.h2 / 100000) % 100 < 20 THEN 9 ELSE 10 END,
            '093080' || lpad((y.i % 1000000)::text, 6, '0'), 'Nguyễn Văn An', NULL, NULL, NULL, 1, NULL, NULL,
            y.received, y.received, p.tl, false, 0, '["Tờ khai","Bản sao giấy tờ tùy thân"]', y.due, y.due,
            CASE WHEN y.open AND (y.h2 / 10000) % 10 = 0 THEN y.received + interval '1 hour' END,
            y.sup,
            CASE WHEN y.open THEN NULL
                 WHEN y.r < 780 THEN y.received + (y.due - y.received) * 0.3
                 WHEN y.r < 900 THEN y.due - interval '30 minutes'
                 ELSE y.due + (y.r % 5 + 1) * interval '1 day' END,
            'BENCH234', 'bench', NULL, 1
        FROM y JOIN u ON u.n = y.un JOIN p ON p.n = (y.h1 / 1000) % (SELECT c FROM np)
        """;

    private const string RatingsSql = """
        INSERT INTO "DossierRatings" ("Id", "DossierId", "UnitId", "Satisfied", "Guidance", "Attitude", "Speed", "Comment", "Source", "RatedAt", "Changes", "Version")
        SELECT md5('r' || d."Id"::text)::uuid, d."Id", d."UnitId", (d.h / 10) % 100 >= 5, 1 + (d.h / 1000) % 5, 1 + (d.h / 5000) % 5, NULL, NULL,
               1 + (d.h / 25000) % 3, d."EndedAt" + interval '2 hours', 0, 1
        FROM (SELECT "Id", "UnitId", "EndedAt", abs(hashtext("Id"::text)::bigint) AS h FROM "Dossiers" WHERE "Status" IN (9, 10)) d
        WHERE d.h % 10 < 3
        """;

    private static string FeedbackSql => $"""
        INSERT INTO "Feedback" ("Id", "UnitId", "Code", "Secret", "Kind", "Category", "Subject", "Content", "DossierId", "DossierNumber", "SubmitterName", "SubmitterPhone",
            "ReceivedAt", "DueAt", "Status", "AssigneeId", "Response", "EndedAt", "Outcome", "Timeliness", "SubmitterSatisfied", "RatedAt", "Version", "Steps")
        SELECT md5('f' || d."Id"::text)::uuid, d."UnitId", 'PA-' || substr(md5('f' || d."Id"::text), 1, 12), 'BENCH234', 1 + d.h % 2, 0, 'Góp ý', 'Nội dung góp ý.',
            d."Id", d."Number", NULL, NULL, d.rec, d.rec + interval '21 days',
            CASE WHEN d.open THEN 2 ELSE 4 END, NULL, CASE WHEN d.open THEN NULL ELSE 'Trả lời.' END,
            CASE WHEN d.open THEN NULL WHEN (d.h / 200) % 10 = 0 THEN d.rec + interval '25 days' ELSE d.rec + interval '5 days' END,
            CASE WHEN d.open THEN NULL ELSE 1 END,
            CASE WHEN d.open THEN NULL WHEN (d.h / 200) % 10 = 0 THEN 3 ELSE 1 END,
            CASE WHEN d.open OR (d.h / 2000) % 3 = 0 THEN NULL ELSE (d.h / 6000) % 5 <> 0 END,
            NULL, 1, '[]'
        FROM (SELECT "Id", "UnitId", "Number", "ReceivedAt" + interval '1 day' AS rec, abs(hashtext('f' || "Id"::text)::bigint) AS h,
                     "ReceivedAt" + interval '31 days' > timestamptz '{AsOf:yyyy-MM-dd}T00:00:00Z' AS open
              FROM "Dossiers" WHERE "ReceivedAt" IS NOT NULL) d
        WHERE d.h % 200 = 0
        """;
}
