using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.Units;
using MotCua.Web.Data.Audit;

namespace MotCua.Web.Data.FieldSync;

/// <summary>What the centre did with one field item, by its client id: makes every delivery after the first a no-op.</summary>
[NotAudited]
public sealed class FieldSyncRecord : IUnitOwned
{
    private FieldSyncRecord()
    {
        Number = string.Empty;
    }

    public FieldSyncRecord(Guid clientId, Guid deviceId, Guid unitId, FieldItemKind kind, FieldItemOutcome outcome, Guid? dossierId, string number,
        DateTimeOffset syncedAt, DateTimeOffset? fieldAt, DateTimeOffset? correctedAt, Guid? conflictId)
    {
        ClientId = clientId;
        DeviceId = deviceId;
        UnitId = unitId;
        Kind = kind;
        Outcome = outcome;
        DossierId = dossierId;
        Number = number;
        SyncedAt = syncedAt;
        FieldAt = fieldAt;
        CorrectedAt = correctedAt;
        ConflictId = conflictId;
    }

    public Guid ClientId { get; private set; }

    public Guid DeviceId { get; private set; }

    public Guid UnitId { get; private set; }

    public FieldItemKind Kind { get; private set; }

    public FieldItemOutcome Outcome { get; private set; }

    public Guid? DossierId { get; private set; }

    public string Number { get; private set; }

    public DateTimeOffset SyncedAt { get; private set; }

    /// <summary>The time on the laptop's clock.</summary>
    public DateTimeOffset? FieldAt { get; private set; }

    /// <summary>The same instant after skew correction and sanity bounds: the time the centre recorded.</summary>
    public DateTimeOffset? CorrectedAt { get; private set; }

    public Guid? ConflictId { get; private set; }
}

internal sealed class FieldSyncRecordConfiguration : IEntityTypeConfiguration<FieldSyncRecord>
{
    public void Configure(EntityTypeBuilder<FieldSyncRecord> b)
    {
        b.HasKey(x => x.ClientId);
        b.HasIndex(x => x.DeviceId);
        b.HasOne<FieldDevice>().WithMany().HasForeignKey(x => x.DeviceId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Number).HasMaxLength(64);
    }
}
