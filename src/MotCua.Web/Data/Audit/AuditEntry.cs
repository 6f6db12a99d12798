using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MotCua.Web.Data.Audit;

/// <summary>
/// One line of the append-only audit trail: who, what, when (UTC), from where, which record, and the old and new
/// values of a change, or the read of personal data, or an export. The application never updates or deletes these
/// rows, and database triggers refuse it.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        ActorId = string.Empty;
        Action = string.Empty;
    }

    public AuditEntry(DateTimeOffset at, string actorId, string? actorName, string? ip, Guid? unitId, string action, string? entityType, string? entityKey, string? changes, string? details)
    {
        At = at;
        ActorId = actorId;
        ActorName = actorName;
        Ip = ip;
        UnitId = unitId;
        Action = action;
        EntityType = entityType;
        EntityKey = entityKey;
        Changes = changes;
        Details = details;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string ActorId { get; private set; }

    public string? ActorName { get; private set; }

    public string? Ip { get; private set; }

    /// <summary>The unit of the actor (for filtering the trail by commune).</summary>
    public Guid? UnitId { get; private set; }

    /// <summary>e.g. <c>Dossier.added</c>, <c>Dossier.modified</c>, <c>personal-data.read</c>, <c>export</c>, <c>auth.signin</c>.</summary>
    public string Action { get; private set; }

    public string? EntityType { get; private set; }

    public string? EntityKey { get; private set; }

    /// <summary>JSON object: property → [old, new]; personal data masked, secrets never written.</summary>
    public string? Changes { get; private set; }

    public string? Details { get; private set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedOnAdd();
        b.HasIndex(a => a.At);
        b.HasIndex(a => new { a.EntityType, a.EntityKey });
        b.HasIndex(a => a.ActorId);
        b.Property(a => a.ActorId).HasMaxLength(64);
        b.Property(a => a.ActorName).HasMaxLength(256);
        b.Property(a => a.Ip).HasMaxLength(64);
        b.Property(a => a.Action).HasMaxLength(64);
        b.Property(a => a.EntityType).HasMaxLength(64);
        b.Property(a => a.EntityKey).HasMaxLength(128);
        b.Property(a => a.Details).HasMaxLength(2000);
    }
}
