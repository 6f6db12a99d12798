using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Data;
using MotCua.Web.Host;
using MotCua.Web.Platform.Auth;
using Npgsql;

namespace MotCua.Web.Tests.Infrastructure;

/// <summary>
/// A fresh, migrated and seeded database per test: a copy of a template SQLite file, or a PostgreSQL database
/// created from a template database when <c>MOTCUA_TEST_POSTGRES</c> holds an admin connection string.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "MOTCUA_TEST_POSTGRES";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _sqliteTemplate;
    private static string? _postgresTemplate;
    private static int _counter;

    private readonly string? _file;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseSettings settings, string? file, string? postgresName)
    {
        Settings = settings;
        _file = file;
        _postgresName = postgresName;
    }

    public static string? PostgresAdmin => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    public static bool IsPostgres => PostgresAdmin is not null;

    public DatabaseSettings Settings { get; }

    /// <param name="sqlite">A SQLite file whatever the run's provider: a field kit (team laptop) always has one.</param>
    public static async Task<TestDatabase> CreateAsync(bool empty = false, bool sqlite = false)
    {
        return PostgresAdmin is { } admin && !sqlite ? await CreatePostgresAsync(admin, empty) : await CreateSqliteAsync(empty);
    }

    /// <summary>Migrates and seeds the base data (catalogue, calendar), as the app does on its first start.</summary>
    public static async Task PrepareAsync(DatabaseSettings settings, TimeProvider? time = null)
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddMotCuaDatabase(settings);
        services.AddMotCuaAuth(configuration);
        services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1000);
        await using var provider = services.BuildServiceProvider();
        await DatabaseSetup.PrepareAsync(provider, CancellationToken.None);
    }

    private static async Task<TestDatabase> CreateSqliteAsync(bool empty)
    {
        var dir = Path.Combine(Path.GetTempPath(), "motcua-tests");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, $"{Environment.ProcessId}-{Interlocked.Increment(ref _counter)}-{Guid.NewGuid():N}.db");
        if (!empty)
        {
            await Gate.WaitAsync();
            try
            {
                if (_sqliteTemplate is null)
                {
                    var template = Path.Combine(dir, $"{Environment.ProcessId}-template-{Guid.NewGuid():N}.db");
                    var settings = new DatabaseSettings(DatabaseProvider.Sqlite, Sqlite(template), false);
                    await PrepareAsync(settings);
                    await using (var c = new SqliteConnection(Sqlite(template)))
                    {
                        await c.OpenAsync();
                        await using var cmd = c.CreateCommand();
                        cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                        await cmd.ExecuteNonQueryAsync();
                    }

                    SqliteConnection.ClearAllPools();
                    _sqliteTemplate = template;
                }
            }
            finally
            {
                Gate.Release();
            }

            File.Copy(_sqliteTemplate, file);
        }

        return new TestDatabase(new DatabaseSettings(DatabaseProvider.Sqlite, Sqlite(file), false), file, null);
    }

    private static async Task<TestDatabase> CreatePostgresAsync(string admin, bool empty)
    {
        var name = $"motcua_t_{Environment.ProcessId}_{Interlocked.Increment(ref _counter)}";
        await Gate.WaitAsync();
        try
        {
            if (!empty && _postgresTemplate is null)
            {
                var template = $"motcua_tpl_{Environment.ProcessId}";
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{template}\" WITH (FORCE)");
                await ExecuteAsync(admin, $"CREATE DATABASE \"{template}\"");
                await PrepareAsync(new DatabaseSettings(DatabaseProvider.Postgres, Postgres(admin, template), false));
                NpgsqlConnection.ClearAllPools();
                _postgresTemplate = template;
            }

            await ExecuteAsync(admin, empty ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{_postgresTemplate}\"");
        }
        finally
        {
            Gate.Release();
        }

        return new TestDatabase(new DatabaseSettings(DatabaseProvider.Postgres, Postgres(admin, name), false), null, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
            {
                try
                {
                    File.Delete(f);
                }
                catch (IOException)
                {
                    // A pooled connection of another test may still hold the file; the temp folder is cleaned by the OS.
                }
            }
        }

        if (_postgresName is not null && PostgresAdmin is { } admin)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)");
        }
    }

    private static string Sqlite(string file) => new SqliteConnectionStringBuilder { DataSource = file }.ToString();

    private static string Postgres(string admin, string database) => new NpgsqlConnectionStringBuilder(admin) { Database = database }.ToString();

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        await cmd.ExecuteNonQueryAsync();
    }
}
