using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MotCua.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where the data lives: a SQLite file by default, PostgreSQL when <c>ConnectionStrings:Postgres</c> is set.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, bool SeedDemoData)
{
    public static DatabaseSettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var postgres = configuration.GetConnectionString("Postgres");
        var demo = configuration.GetValue<bool?>("MotCua:Demo:Seed");

        // A field kit starts empty and fills from the centre's kit: never demo data.
        if (!string.IsNullOrWhiteSpace(configuration["MotCua:Field:Server"]))
        {
            demo = false;
        }

        if (!string.IsNullOrWhiteSpace(postgres))
        {
            return new DatabaseSettings(DatabaseProvider.Postgres, postgres, demo ?? false);
        }

        var sqlite = configuration.GetConnectionString("Sqlite");
        if (string.IsNullOrWhiteSpace(sqlite))
        {
            var folder = configuration["MotCua:DataDirectory"] is { Length: > 0 } dir
                ? Path.GetFullPath(dir, environment.ContentRootPath)
                : Path.Combine(environment.ContentRootPath, "App_Data");
            Directory.CreateDirectory(folder);
            sqlite = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "motcua.db") }.ToString();
        }

        return new DatabaseSettings(DatabaseProvider.Sqlite, sqlite, demo ?? true);
    }
}

public static class Database
{
    /// <summary>Registers the context on the configured provider, with every <see cref="IInterceptor"/> the host registered (none in production).</summary>
    public static IServiceCollection AddMotCuaDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        services.TryAddScoped<CallerContext>();
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<MotCuaDb, PostgresMotCuaDb>((sp, o) => ConfigurePostgres(o, settings.ConnectionString).AddInterceptors(sp.GetServices<IInterceptor>()));
        }
        else
        {
            services.AddDbContext<MotCuaDb, SqliteMotCuaDb>((sp, o) => ConfigureSqlite(o, settings.ConnectionString).AddInterceptors(sp.GetServices<IInterceptor>()));
        }

        return services;
    }

    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__EFMigrationsHistory"));
    }

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 60, Pooling = true };
        return options.UseSqlite(builder.ToString()).AddInterceptors(SqliteDurability.Instance);
    }

    /// <summary>Brings the schema to the current migration (SQLite in WAL mode first).</summary>
    public static async Task MigrateAsync(MotCuaDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.IsPostgres)
        {
            // WAL lets readers work while one writer commits; FULL sync (SqliteDurability) because laptops lose power.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }

        await db.Database.MigrateAsync(ct);
    }

    internal static CallerContext SystemCaller()
    {
        var caller = new CallerContext();
        caller.UseSystem();
        return caller;
    }
}

/// <summary>
/// Every SQLite connection writes with <c>synchronous=FULL</c>: in WAL mode a commit is then on disk before it is
/// acknowledged, so a power cut on a commune or field laptop loses nothing that was confirmed (the build's default is
/// FULL too; this keeps it so whatever the build). Deleted rows are overwritten (<c>secure_delete</c>), so personal data
/// wiped from a field laptop does not linger in free pages.
/// </summary>
internal sealed class SqliteDurability : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public static readonly SqliteDurability Instance = new();

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=FULL; PRAGMA secure_delete=ON;";
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=FULL; PRAGMA secure_delete=ON;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>Lets <c>dotnet ef</c> build each provider's context without starting the web host.</summary>
internal sealed class SqliteDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<SqliteMotCuaDb>
{
    public SqliteMotCuaDb CreateDbContext(string[] args) =>
        new((DbContextOptions<SqliteMotCuaDb>)Database.ConfigureSqlite(new DbContextOptionsBuilder<SqliteMotCuaDb>(), "Data Source=design.db").Options, Database.SystemCaller(), TimeProvider.System);
}

internal sealed class PostgresDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<PostgresMotCuaDb>
{
    public PostgresMotCuaDb CreateDbContext(string[] args) =>
        new((DbContextOptions<PostgresMotCuaDb>)Database.ConfigurePostgres(new DbContextOptionsBuilder<PostgresMotCuaDb>(), "Host=localhost;Database=design").Options, Database.SystemCaller(), TimeProvider.System);
}
