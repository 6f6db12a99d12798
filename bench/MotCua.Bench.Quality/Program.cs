using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Bench.Quality;
using MotCua.Domain.Quality;
using MotCua.Web.Data.Quality;
using MotCua.Web.Features.Quality;
using MotCua.Web.Host;
using Npgsql;

// A province of communes with millions of dossiers on PostgreSQL, generated with set-based SQL; then, in one run: the
// full recompute of the Index 766 summaries, the province ranking read from the summaries, the same ranking computed by
// a plain GROUP BY over the dossiers, and live saves through the ledger. Prints the times and their ratio, checks that
// both rankings agree, and exits with 1 when a target is missed.
//
// Usage: bench/quality.sh [--dossiers 10000000] [--communes 100] [--days 730]
//    or: dotnet run -c Release --project bench/MotCua.Bench.Quality -- --postgres "Host=…;Username=…" [options]
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = BenchOptions.Parse(args);
Generator.Configure(options);
var clock = Stopwatch.StartNew();
Console.WriteLine($"Index 766 benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}");

var admin = new NpgsqlConnectionStringBuilder(options.Postgres) { CommandTimeout = 0 };
await using (var c = new NpgsqlConnection(admin.ToString()))
{
    await c.OpenAsync();
    await Sql.ExecuteAsync(c, $"DROP DATABASE IF EXISTS \"{options.Database}\" WITH (FORCE)");
    await Sql.ExecuteAsync(c, $"CREATE DATABASE \"{options.Database}\"");
    Console.WriteLine($"PostgreSQL {c.PostgreSqlVersion}");
}

var connectionString = new NpgsqlConnectionStringBuilder(admin.ToString()) { Database = options.Database, CommandTimeout = 0, MaxAutoPrepare = 20 }.ToString();
await using var services = Bench.Services(connectionString);
await DatabaseSetup.PrepareAsync(services, CancellationToken.None, seedDemo: false);

var generated = await Generator.RunAsync(connectionString, options);
Console.WriteLine($"province {Generator.Province}: {options.Communes} communes, {generated.Dossiers:N0} dossiers over {options.Days} days, {generated.Ratings:N0} ratings, {generated.Feedback:N0} feedback items");
Console.WriteLine($"generate: {generated.Timings}");

// The full recompute builds the facts and summaries from nothing.
var report = await Bench.WithDbAsync(services, db => RecomputeQuality.ExecuteAsync(db, CancellationToken.None));
Console.WriteLine($"recompute: {report.Dossiers:N0} dossiers + {report.Feedback:N0} feedback → {report.Facts:N0} facts, {report.SummaryRows:N0} summary rows, in {report.Elapsed.TotalSeconds:0.0} s");
await using (var c = new NpgsqlConnection(connectionString))
{
    await c.OpenAsync();
    await Sql.ExecuteAsync(c, "ANALYZE \"QualityFacts\"; ANALYZE \"QualitySummaries\"");
}

// Live saves through the ledger: citizens rating dossiers of the busiest month.
var live = await Bench.LiveRatingsAsync(services, connectionString, options.LiveSaves);
Console.WriteLine($"live save (a citizen rates a dossier: lookup, rating, ledger, audit in one transaction): p50 {live.P50:0.0} ms, p95 {live.P95:0.0} ms ({live.Runs} saves)");

var period = QualityPeriod.Month(Generator.MeasuredMonth.Year, Generator.MeasuredMonth.Month);
var settings = services.GetRequiredService<QualitySettings>();
var fromSummaries = await Bench.TimeAsync(options.Runs, () => Bench.WithDbAsync(services, db => QualityIndexQuery.RankingAsync(db, settings, Generator.Province, period, Generator.AsOf, CancellationToken.None)));
var inMonth = fromSummaries.Last.Sum(r => r.Index.Count(IndexMeasureKeys.DossiersReceived));
Console.WriteLine($"ranking of {fromSummaries.Last.Count} communes for {period.Label} ({inMonth:N0} dossiers) from the summaries: p50 {fromSummaries.P50:0.0} ms, p95 {fromSummaries.P95:0.0} ms ({fromSummaries.Runs} runs)");

var plain = await Bench.TimeAsync(options.PlainRuns, () => PlainRanking.RunAsync(connectionString, settings, period, Generator.AsOf));
Console.WriteLine($"same ranking by a plain GROUP BY over the dossiers: p50 {plain.P50:0.0} ms, p95 {plain.P95:0.0} ms ({plain.Runs} runs)");

var ratio = plain.P95 / fromSummaries.P95;
Console.WriteLine($"ratio (plain ÷ summaries, p95): {ratio:0}×");

var mismatches = PlainRanking.Compare(fromSummaries.Last, plain.Last);
Console.WriteLine(mismatches.Count == 0
    ? $"check: every measure of every commune from the summaries equals the plain query's, and the ranks agree"
    : $"check FAILED: {string.Join("; ", mismatches.Take(10))}");

var metLatency = fromSummaries.P95 < 50;
var metRatio = ratio >= 100;
Console.WriteLine($"targets: summaries p95 < 50 ms: {(metLatency ? "met" : "MISSED")}; at least 100× faster than the plain query: {(metRatio ? "met" : "MISSED")}");
Console.WriteLine($"total run {clock.Elapsed.TotalMinutes:0.0} min");
if (!options.Keep)
{
    NpgsqlConnection.ClearAllPools();
    await using var c = new NpgsqlConnection(admin.ToString());
    await c.OpenAsync();
    await Sql.ExecuteAsync(c, $"DROP DATABASE IF EXISTS \"{options.Database}\" WITH (FORCE)");
}

return metLatency && metRatio && mismatches.Count == 0 ? 0 : 1;
