using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain;
using MotCua.Domain.Calendar;
using MotCua.Web.Data;
using MotCua.Web.Data.Calendar;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Host;

/// <summary>What every installation needs before it serves: the schema, the shipped catalogue, the announced calendar years, the roles, and demo data on a first run.</summary>
public static class DatabaseSetup
{
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

        await Database.MigrateAsync(db, ct);
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
            var result = await ImportCatalog.ExecuteAsync(document, db, errors, ct) ?? throw new InvalidOperationException($"The shipped catalogue is invalid: {errors}");
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
            db.CalendarYears.Add(new CalendarYearRecord(year.Year, [.. year.Days.Select(d => new CalendarDay(d.Date, d.Kind, d.Name))], Actors.System, time.GetUtcNow(), year.Source));
        }

        await db.SaveChangesAsync(ct);
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
