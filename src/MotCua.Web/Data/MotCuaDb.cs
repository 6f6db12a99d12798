using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Units;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Data;

/// <summary>
/// The one database context, used directly by use cases. Two provider-specific subclasses exist only so that each
/// provider keeps its own migration set (<see cref="SqliteMotCuaDb"/>, <see cref="PostgresMotCuaDb"/>).
/// </summary>
public class MotCuaDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<Province> Provinces => Set<Province>();

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<Hamlet> Hamlets => Set<Hamlet>();

    public DbSet<Procedure> Procedures => Set<Procedure>();

    public DbSet<ProcedureVersion> ProcedureVersions => Set<ProcedureVersion>();

    public DbSet<CalendarYearRecord> CalendarYears => Set<CalendarYearRecord>();

    public DbSet<Dossier> Dossiers => Set<Dossier>();

    public DbSet<DossierEvent> DossierEvents => Set<DossierEvent>();

    public DbSet<DossierSequence> DossierSequences => Set<DossierSequence>();

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
        configurationBuilder.Properties<TimeLimit>().HaveConversion<TimeLimitConverter>().HaveMaxLength(16);
        configurationBuilder.Properties<DossierNumber>().HaveConversion<DossierNumberConverter>().HaveMaxLength(64);
        configurationBuilder.Properties<CitizenId>().HaveConversion<CitizenIdConverter>().HaveMaxLength(12);
        configurationBuilder.Properties<PhoneNumber>().HaveConversion<PhoneNumberConverter>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MotCuaDb).Assembly);

        // Domain objects make their own Guid keys; telling EF so lets it see a new child in a tracked collection as
        // an insert rather than an update of a row that does not exist.
        foreach (var key in modelBuilder.Model.GetEntityTypes().Select(e => e.FindPrimaryKey()).OfType<Microsoft.EntityFrameworkCore.Metadata.IMutableKey>())
        {
            foreach (var property in key.Properties.Where(p => p.ClrType == typeof(Guid)))
            {
                property.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
            }
        }
    }
}

public sealed class SqliteMotCuaDb(DbContextOptions<SqliteMotCuaDb> options) : MotCuaDb(options);

public sealed class PostgresMotCuaDb(DbContextOptions<PostgresMotCuaDb> options) : MotCuaDb(options);
