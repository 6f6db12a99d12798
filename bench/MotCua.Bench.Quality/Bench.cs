using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MotCua.Domain.Quality;
using MotCua.Web.Data;
using MotCua.Web.Features.Quality;
using Npgsql;

namespace MotCua.Bench.Quality;

internal sealed record BenchOptions(string Postgres, string Database, long Dossiers, int Communes, int Days, int Runs, int PlainRuns, int LiveSaves, bool Keep)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        long Number(string name, long fallback) => Value(name) is { } v ? long.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var postgres = Value("--postgres") ?? Environment.GetEnvironmentVariable("MOTCUA_BENCH_POSTGRES")
            ?? throw new ArgumentException("Give --postgres \"Host=…;Username=…\" (an account that may create databases), or run bench/quality.sh.");
        return new BenchOptions(
            postgres,
            Value("--database") ?? "motcua_bench",
            Number("--dossiers", 10_000_000),
            (int)Number("--communes", 100),
            (int)Number("--days", 730),
            (int)Number("--runs", 200),
            (int)Number("--plain-runs", 5),
            (int)Number("--live", 300),
            args.Contains("--keep"));
    }
}

internal sealed record Timed<T>(double P50, double P95, int Runs, T Last);

internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

internal static class Bench
{
    public static ServiceProvider Services(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton<TimeProvider>(new FixedTime(Generator.AsOf));
        services.AddMotCuaDatabase(new DatabaseSettings(DatabaseProvider.Postgres, connectionString, false));
        services.AddSingleton(new QualitySettings(IndexDefinition.Default));
        return services.BuildServiceProvider();
    }

    public static async Task<T> WithDbAsync<T>(IServiceProvider services, Func<MotCuaDb, Task<T>> work)
    {
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CallerContext>().UseSystem("bench");
        return await work(scope.ServiceProvider.GetRequiredService<MotCuaDb>());
    }

    /// <summary>
    /// Untimed warm-up runs (a tenth of the timed ones, at least 3, so that the JIT has finished optimising the code a web
    /// node would have run many times), then <paramref name="runs"/> timed ones; percentiles in milliseconds.
    /// </summary>
    public static async Task<Timed<T>> TimeAsync<T>(int runs, Func<Task<T>> work)
    {
        var last = default(T)!;
        for (var i = 0; i < Warmups(runs); i++)
        {
            last = await work();
        }

        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            last = await work();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return new Timed<T>(Percentile(times, 0.50), Percentile(times, 0.95), runs, last);
    }

    public static int Warmups(int runs) => Math.Min(Math.Max(3, runs / 10), runs);

    /// <summary>Citizens rate dossiers of the measured month, one save each, through <see cref="RateDossier"/> and the ledger.</summary>
    public static async Task<Timed<int>> LiveRatingsAsync(IServiceProvider services, string connectionString, int count)
    {
        var targets = new List<(string Number, string Secret)>();
        await using (var c = new NpgsqlConnection(connectionString))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand(
                "SELECT \"Number\", \"LookupSecret\" FROM \"Dossiers\" WHERE \"Status\" IN (9, 10) AND \"ReceivedAt\" >= @from AND \"ReceivedAt\" < @to ORDER BY \"Id\" LIMIT @n", c);
            cmd.Parameters.AddWithValue("from", Generator.MeasuredMonthStartUtc.UtcDateTime);
            cmd.Parameters.AddWithValue("to", Generator.MeasuredMonthStartUtc.AddMonths(1).UtcDateTime);
            cmd.Parameters.AddWithValue("n", count + Warmups(count));
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                targets.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var next = 0;
        var time = services.GetRequiredService<TimeProvider>();
        var runs = Math.Min(count, targets.Count);
        while (runs > 0 && runs + Warmups(runs) > targets.Count)
        {
            runs--;
        }

        return await TimeAsync(runs, () => WithDbAsync(services, async db =>
        {
            var (number, secret) = targets[next];
            var outcome = await RateDossier.ExecuteAsync(new RateDossier.Input(number, secret, next % 9 != 0, new RatingAnswers(4, 5, next % 5 + 1), null, RatingSource.Qr), db, time, CancellationToken.None)
                ?? throw new InvalidOperationException($"{number} was not found.");
            next++;
            return outcome.Replaced ? 1 : 0;
        }));
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}

internal static class Sql
{
    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
