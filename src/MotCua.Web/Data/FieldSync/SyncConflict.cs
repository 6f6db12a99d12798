using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Units;

namespace MotCua.Web.Data.FieldSync;

/// <summary>
/// A dossier changed both at the centre and in the field since the kit was downloaded. Nothing is overwritten: a
/// leader reads both sides and decides.
/// </summary>
public sealed class SyncConflict : IUnitOwned
{
    private SyncConflict()
    {
        ReceivedBy = string.Empty;
    }

    public SyncConflict(Guid unitId, Guid deviceId, Guid clientId, Guid dossierId, DossierNumber number, DossierAction action, string? reason, DateTimeOffset fieldAt,
        string receivedBy, int baseVersion, int centreVersion, DossierStatus centreStatus, DateTimeOffset createdAt)
    {
        Id = Guid.NewGuid();
        UnitId = unitId;
        DeviceId = deviceId;
        ClientId = clientId;
        DossierId = dossierId;
        Number = number;
        Action = action;
        Reason = reason;
        FieldAt = fieldAt;
        ReceivedBy = receivedBy;
        BaseVersion = baseVersion;
        CentreVersion = centreVersion;
        CentreStatus = centreStatus;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid UnitId { get; private set; }

    public Guid DeviceId { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid DossierId { get; private set; }

    public DossierNumber Number { get; private set; }

    /// <summary>The step the team took in the field.</summary>
    public DossierAction Action { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>When the team took it (corrected for the laptop's clock).</summary>
    public DateTimeOffset FieldAt { get; private set; }

    /// <summary>The officer who took it on the laptop.</summary>
    public string ReceivedBy { get; private set; }

    /// <summary>The dossier version the kit carried.</summary>
    public int BaseVersion { get; private set; }

    /// <summary>The dossier version and status at the centre when the item arrived.</summary>
    public int CentreVersion { get; private set; }

    public DossierStatus CentreStatus { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public string? ResolvedBy { get; private set; }

    public ConflictResolution? Resolution { get; private set; }

    public string? Note { get; private set; }

    public int Version { get; private set; }

    public bool IsOpen => ResolvedAt is null;

    public void Resolve(ConflictResolution resolution, string by, string? note, DateTimeOffset at)
    {
        if (ResolvedAt is not null)
        {
            throw new DomainRuleException("field.conflict-resolved", "This conflict was already resolved.", RuleKind.Conflict);
        }

        if (!Enum.IsDefined(resolution))
        {
            throw new DomainRuleException("field.resolution-invalid", "Choose to apply the field's step or keep the centre's version.", RuleKind.Invalid);
        }

        var n = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (n?.Length > 1000 || n?.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) == true)
        {
            throw new DomainRuleException("field.note-invalid", "The note is at most 1000 characters, without control characters.", RuleKind.Invalid);
        }

        Resolution = resolution;
        ResolvedBy = by;
        Note = n;
        ResolvedAt = at;
        Version++;
    }
}

internal sealed class SyncConflictConfiguration : IEntityTypeConfiguration<SyncConflict>
{
    public void Configure(EntityTypeBuilder<SyncConflict> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.UnitId, x.ResolvedAt });
        b.HasIndex(x => x.ClientId).IsUnique();
        b.HasOne<Dossier>().WithMany().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<FieldDevice>().WithMany().HasForeignKey(x => x.DeviceId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Reason).HasMaxLength(Dossier.MaxReasonLength);
        b.Property(x => x.ReceivedBy).HasMaxLength(64);
        b.Property(x => x.ResolvedBy).HasMaxLength(64);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.IsOpen);
    }
}
