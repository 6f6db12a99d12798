using System.Reflection;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MotCua.Domain.Calendar;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;

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
    public static IServiceCollection AddMotCuaDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        services.TryAddScoped<CallerContext>();
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<MotCuaDb, PostgresMotCuaDb>(o => ConfigurePostgres(o, settings.ConnectionString));
        }
        else
        {
            services.AddDbContext<MotCuaDb, SqliteMotCuaDb>(o => ConfigureSqlite(o, settings.ConnectionString));
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

    /// <summary>Migrates the database, then loads what every installation needs (catalogue, announced calendar years) when absent, then demo data if asked.</summary>
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken ct, bool seedDemo = true)
    {
        ArgumentNullException.ThrowIfNull(services);
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CallerContext>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        var settings = scope.ServiceProvider.GetRequiredService<DatabaseSettings>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("MotCua.Database");

        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers work while one writer commits; FULL sync (SqliteDurability) because laptops lose power.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }

        await db.Database.MigrateAsync(ct);
        await SeedBaseAsync(db, time, logger, ct);
        if (seedDemo && settings.SeedDemoData && !await db.Units.AnyAsync(ct))
        {
            logger.LogInformation("Empty database: seeding demo data (turn off with MotCua:Demo:Seed=false).");
            await DemoData.SeedAsync(db, time, ct);
            await DemoData.SeedAccountsAsync(scope.ServiceProvider, ct);
        }
    }

    private static async Task SeedBaseAsync(MotCuaDb db, TimeProvider time, ILogger logger, CancellationToken ct)
    {
        if (!await db.Procedures.AnyAsync(ct))
        {
            var document = ReadSeed<CatalogDocument>("catalog.json");
            var errors = new ValidationErrors();
            var parsed = CatalogMapping.Parse(document, errors) ?? throw new InvalidOperationException($"The shipped catalogue is invalid: {errors}");
            var result = await ImportCatalog.ExecuteAsync(parsed, db, ct);
            logger.LogInformation("Loaded the shipped catalogue: {Count} procedures.", result.ProceduresCreated);
        }

        var roles = await db.Roles.Select(r => r.Name).ToListAsync(ct);
        foreach (var role in Roles.All.Where(r => !roles.Contains(r)))
        {
            db.Roles.Add(new Microsoft.AspNetCore.Identity.IdentityRole(role) { NormalizedName = role.ToUpperInvariant() });
        }

        var years = ReadSeed<CalendarSeed>("calendar-years.json");
        var known = await db.CalendarYears.Select(y => y.Year).ToListAsync(ct);
        foreach (var year in years.Years.Where(y => !known.Contains(y.Year)))
        {
            db.CalendarYears.Add(new CalendarYearRecord(year.Year, [.. year.Days.Select(d => new CalendarDay(d.Date, d.Kind, d.Name))], Actor.System, time.GetUtcNow(), year.Source));
        }

        await db.SaveChangesAsync(ct);
    }

    internal static CallerContext SystemCaller()
    {
        var caller = new CallerContext();
        caller.UseSystem();
        return caller;
    }

    internal static T ReadSeed<T>(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"MotCua.Seed.{name}")
            ?? throw new InvalidOperationException($"Seed {name} is not embedded.");
        return JsonSerializer.Deserialize<T>(stream, Json.Options) ?? throw new InvalidOperationException($"Seed {name} is empty.");
    }

    private sealed record CalendarSeed(IReadOnlyList<CalendarSeedYear> Years);

    private sealed record CalendarSeedYear(int Year, string? Source, IReadOnlyList<CalendarSeedDay> Days);

    private sealed record CalendarSeedDay(DateOnly Date, CalendarDayKind Kind, LocalizedText Name);
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
