using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Quality;
using MotCua.Domain.Units;
using MotCua.Web.Data.Audit;
using MotCua.Web.Data.Calendar;
using MotCua.Web.Data.Dossiers;
using MotCua.Web.Data.FieldSync;
using MotCua.Web.Data.Identity;
using MotCua.Web.Data.Quality;

namespace MotCua.Web.Data;

/// <summary>
/// The one database context, used directly by use cases. Two provider-specific subclasses exist only so that each
/// provider keeps its own migration set (<see cref="SqliteMotCuaDb"/>, <see cref="PostgresMotCuaDb"/>).
/// Every entity that is <see cref="IUnitOwned"/> is filtered to the caller's <see cref="DataScope"/>, and every
/// change is written to the audit trail in the same transaction.
/// </summary>
public class MotCuaDb(DbContextOptions options, CallerContext caller, TimeProvider time)
    : IdentityDbContext<StaffUser>(options), IDataProtectionKeyContext
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

    public DbSet<HamletTravel> HamletTravel => Set<HamletTravel>();

    public DbSet<MotCua.Domain.Outreach.Team> Teams => Set<MotCua.Domain.Outreach.Team>();

    public DbSet<MotCua.Domain.Outreach.Campaign> Campaigns => Set<MotCua.Domain.Outreach.Campaign>();

    public DbSet<MotCua.Domain.Outreach.OutreachSession> OutreachSessions => Set<MotCua.Domain.Outreach.OutreachSession>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<AttachmentContent> AttachmentContents => Set<AttachmentContent>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DossierRating> DossierRatings => Set<DossierRating>();

    public DbSet<Feedback> FeedbackItems => Set<Feedback>();

    public DbSet<QualitySummary> QualitySummaries => Set<QualitySummary>();

    public DbSet<QualityFact> QualityFacts => Set<QualityFact>();

    public DbSet<QualityExternalValue> QualityExternalValues => Set<QualityExternalValue>();
    public DbSet<FieldDevice> FieldDevices => Set<FieldDevice>();

    public DbSet<FieldEnrolmentCode> FieldEnrolmentCodes => Set<FieldEnrolmentCode>();

    public DbSet<FieldNumberBlock> FieldNumberBlocks => Set<FieldNumberBlock>();

    public DbSet<FieldUpload> FieldUploads => Set<FieldUpload>();

    public DbSet<FieldUploadChunk> FieldUploadChunks => Set<FieldUploadChunk>();

    public DbSet<FieldSyncRecord> FieldSyncRecords => Set<FieldSyncRecord>();

    public DbSet<SyncConflict> SyncConflicts => Set<SyncConflict>();

    public DbSet<FieldNodeState> FieldNodeStates => Set<FieldNodeState>();

    public DbSet<FieldKitBlock> FieldKitBlocks => Set<FieldKitBlock>();

    public DbSet<FieldOutboxItem> FieldOutbox => Set<FieldOutboxItem>();

    public DbSet<FieldKitDossier> FieldKitDossiers => Set<FieldKitDossier>();

    // Issue 12: API sessions (refresh-token families), field members' offline credentials, what each kit carried.
    public DbSet<RefreshTokenFamily> RefreshTokenFamilies => Set<RefreshTokenFamily>();

    public DbSet<FieldCredential> FieldCredentials => Set<FieldCredential>();

    public DbSet<FieldKitExport> FieldKitExports => Set<FieldKitExport>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public CallerContext Caller => caller;

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>Off only for bulk loads the application makes itself (demo data), which write one summary entry instead.</summary>
    public bool AuditChanges { get; set; } = true;

    // Read by the query filters at every query execution, so each request sees its own scope.
    private bool ScopeAll => caller.Scope.All;

    private IReadOnlyList<Guid> ScopeUnitIds => caller.Scope.UnitIds;

    /// <summary>Adds an audit entry for something that is not a change: a read of personal data, an export, a sign-in.</summary>
    public void Audit(string action, string? entityType, string? entityKey, string? details) =>
        AuditEntries.Add(new AuditEntry(time.GetUtcNow(), caller.ActorId, caller.ActorName, caller.Ip, caller.UnitId, action, entityType, entityKey, null, details));

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BeforeSave();
        var quality = QualityLedger.Collect(ChangeTracker);

        // Rare (the application saves asynchronously); the ledger's work is the same, run to completion here.
        return quality is null
            ? base.SaveChanges(acceptAllChangesOnSuccess)
            : QualityLedger.SaveAsync(this, quality, () => Task.FromResult(base.SaveChanges(false)), acceptAllChangesOnSuccess, CancellationToken.None).GetAwaiter().GetResult();
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BeforeSave();

        // The Index 766 summaries move in the same transaction as the dossiers, ratings and feedback that move them.
        var quality = QualityLedger.Collect(ChangeTracker);
        return quality is null
            ? base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken)
            : QualityLedger.SaveAsync(this, quality, () => base.SaveChangesAsync(false, cancellationToken), acceptAllChangesOnSuccess, cancellationToken);
    }

    private void BeforeSave()
    {
        ChangeTracker.DetectChanges();
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit trail is append-only.");
        }

        if (AuditChanges)
        {
            AuditEntries.AddRange(AuditCapture.Capture(ChangeTracker, caller, time.GetUtcNow()));
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
        configurationBuilder.Properties<TimeLimit>().HaveConversion<TimeLimitConverter>().HaveMaxLength(16);
        configurationBuilder.Properties<DossierNumber>().HaveConversion<DossierNumberConverter>().HaveMaxLength(64);
        configurationBuilder.Properties<CitizenId>().HaveConversion<CitizenIdConverter>().HaveMaxLength(12);
        configurationBuilder.Properties<PhoneNumber>().HaveConversion<PhoneNumberConverter>().HaveMaxLength(16);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MotCuaDb).Assembly);

        foreach (var entity in builder.Model.GetEntityTypes().Where(e => !e.IsOwned()).ToList())
        {
            // Domain objects make their own Guid keys; telling EF so lets it see a new child in a tracked collection as
            // an insert rather than an update of a row that does not exist.
            foreach (var property in entity.FindPrimaryKey()?.Properties.Where(p => p.ClrType == typeof(Guid)) ?? [])
            {
                property.ValueGenerated = ValueGenerated.Never;
            }

            if (typeof(IUnitOwned).IsAssignableFrom(entity.ClrType))
            {
                entity.SetQueryFilter(ScopeFilter(entity.ClrType));
            }
        }
    }

    /// <summary><c>e => ScopeAll || ScopeUnitIds.Contains(e.UnitId)</c> for any unit-owned entity type.</summary>
    private LambdaExpression ScopeFilter(Type type)
    {
        var e = Expression.Parameter(type, "e");
        var context = Expression.Constant(this, typeof(MotCuaDb));
        var all = Expression.Property(context, typeof(MotCuaDb).GetProperty(nameof(ScopeAll), BindingFlags.Instance | BindingFlags.NonPublic)!);
        var ids = Expression.Property(context, typeof(MotCuaDb).GetProperty(nameof(ScopeUnitIds), BindingFlags.Instance | BindingFlags.NonPublic)!);
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)], ids, Expression.Property(e, nameof(IUnitOwned.UnitId)));
        return Expression.Lambda(Expression.OrElse(all, contains), e);
    }
}

public sealed class SqliteMotCuaDb(DbContextOptions<SqliteMotCuaDb> options, CallerContext caller, TimeProvider time) : MotCuaDb(options, caller, time);

public sealed class PostgresMotCuaDb(DbContextOptions<PostgresMotCuaDb> options, CallerContext caller, TimeProvider time) : MotCuaDb(options, caller, time);
