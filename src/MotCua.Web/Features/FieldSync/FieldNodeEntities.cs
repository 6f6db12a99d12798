using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Units;

namespace MotCua.Web.Features.FieldSync;

/// <summary>The field kit's own state: its enrolment with the centre and what the last kit brought. One row.</summary>
public sealed class FieldNodeState
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public string Server { get; set; } = string.Empty;

    public Guid DeviceId { get; set; }

    /// <summary>The device secret the centre issued at enrolment (sent with every call to the centre).</summary>
    public string DeviceSecret { get; set; } = string.Empty;

    public string DeviceName { get; set; } = string.Empty;

    public Guid UnitId { get; set; }

    public string UnitCode { get; set; } = string.Empty;

    public string UnitName { get; set; } = string.Empty;

    public Guid? TeamId { get; set; }

    public string? TeamName { get; set; }

    public DateTimeOffset EnrolledAt { get; set; }

    public DateTimeOffset? KitAt { get; set; }

    public DateOnly? KitFrom { get; set; }

    public DateOnly? KitTo { get; set; }

    /// <summary>Where citizens look dossiers up: the centre's public address, printed in the receipt's QR code.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The centre's clock minus the laptop's when the kit came (seconds): shown as a warning when large.</summary>
    public double ClockDifferenceSeconds { get; set; }

    public DateTimeOffset? LastSyncAt { get; set; }
}

/// <summary>A block of dossier numbers the centre reserved for this laptop, and how many of them intake has used.</summary>
public sealed class FieldKitBlock : IUnitOwned
{
    public Guid Id { get; set; }

    public Guid UnitId { get; set; }

    public DateOnly Day { get; set; }

    public int First { get; set; }

    public int Count { get; set; }

    public int Used { get; set; }
}

public enum OutboxState
{
    /// <summary>Not yet confirmed by the centre (including after a retriable refusal).</summary>
    Pending = 1,

    /// <summary>The centre holds it.</summary>
    Synced = 2,

    /// <summary>Delivered, but the dossier had changed at the centre: a leader there decides.</summary>
    Conflict = 3,

    /// <summary>Refused for good; the problem says why. The data stays on the laptop.</summary>
    Rejected = 4,
}

/// <summary>
/// One thing done in the field that the centre must receive: a new dossier (its data is the local dossier) or a step on
/// a dossier the kit brought. Written in the same transaction as the work itself; removed only after the centre confirmed
/// it and its day has passed.
/// </summary>
public sealed class FieldOutboxItem : IUnitOwned
{
    public Guid ClientId { get; set; }

    public Guid UnitId { get; set; }

    public FieldItemKind Kind { get; set; }

    /// <summary>The local dossier (kind dossier).</summary>
    public Guid? DossierId { get; set; }

    public string Number { get; set; } = string.Empty;

    /// <summary>The day the work belongs to (the number's day); personal data is wiped after it.</summary>
    public DateOnly Day { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public OutboxState State { get; set; } = OutboxState.Pending;

    public string? ProblemCode { get; set; }

    public string? ProblemTitle { get; set; }

    public string? ProblemDetail { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    /// <summary>The due date the centre computed (it can differ from the printed one only when the laptop's clock was wrong).</summary>
    public DateTimeOffset? CentreDueAt { get; set; }

    public DateTimeOffset? CentreReceivedAt { get; set; }

    public DateTimeOffset? PrintedDueAt { get; set; }

    /// <summary>For a step: which one, on which dossier version, when, by whom, why.</summary>
    public DossierAction? Action { get; set; }

    public int? BaseVersion { get; set; }

    public DateTimeOffset? At { get; set; }

    public string? Reason { get; set; }

    public string ActorId { get; set; } = string.Empty;

    /// <summary>Shown on the field page without opening the dossier.</summary>
    public string Label { get; set; } = string.Empty;
}

/// <summary>Personal data the kit brought for a session of this laptop's team: an open dossier of one of its hamlets.</summary>
public sealed class FieldKitDossier : IUnitOwned
{
    public string Number { get; set; } = string.Empty;

    public Guid UnitId { get; set; }

    public DossierStatus Status { get; set; }

    public int Version { get; set; }

    public string ProcedureCode { get; set; } = string.Empty;

    public string ProcedureName { get; set; } = string.Empty;

    public string ApplicantName { get; set; } = string.Empty;

    public string? CitizenId { get; set; }

    public string? Phone { get; set; }

    public string? Address { get; set; }

    public Guid? HamletId { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    public string? SupplementReason { get; set; }

    /// <summary>The team's session day in the dossier's hamlet; the row is wiped after it.</summary>
    public DateOnly SessionDay { get; set; }

    /// <summary>The step recorded in the field, if any (then it waits in the outbox).</summary>
    public DossierAction? RecordedAction { get; set; }
}

internal sealed class FieldNodeStateConfiguration : IEntityTypeConfiguration<FieldNodeState>
{
    public void Configure(EntityTypeBuilder<FieldNodeState> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Server).HasMaxLength(500);
        b.Property(x => x.DeviceSecret).HasMaxLength(100);
        b.Property(x => x.DeviceName).HasMaxLength(FieldDevice.MaxNameLength);
        b.Property(x => x.UnitCode).HasMaxLength(32);
        b.Property(x => x.UnitName).HasMaxLength(200);
        b.Property(x => x.TeamName).HasMaxLength(100);
        b.Property(x => x.PublicBaseUrl).HasMaxLength(500);
    }
}

internal sealed class FieldKitBlockConfiguration : IEntityTypeConfiguration<FieldKitBlock>
{
    public void Configure(EntityTypeBuilder<FieldKitBlock> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.UnitId, x.Day, x.First }).IsUnique();
    }
}

internal sealed class FieldOutboxItemConfiguration : IEntityTypeConfiguration<FieldOutboxItem>
{
    public void Configure(EntityTypeBuilder<FieldOutboxItem> b)
    {
        b.HasKey(x => x.ClientId);
        b.HasIndex(x => new { x.State, x.CreatedAt });
        b.Property(x => x.Number).HasMaxLength(64);
        b.Property(x => x.ProblemCode).HasMaxLength(100);
        b.Property(x => x.ProblemTitle).HasMaxLength(200);
        b.Property(x => x.ProblemDetail).HasMaxLength(2000);
        b.Property(x => x.Reason).HasMaxLength(Dossier.MaxReasonLength);
        b.Property(x => x.ActorId).HasMaxLength(64);
        b.Property(x => x.Label).HasMaxLength(300);
    }
}

internal sealed class FieldKitDossierConfiguration : IEntityTypeConfiguration<FieldKitDossier>
{
    public void Configure(EntityTypeBuilder<FieldKitDossier> b)
    {
        b.HasKey(x => x.Number);
        b.Property(x => x.Number).HasMaxLength(64);
        b.Property(x => x.ProcedureCode).HasMaxLength(32);
        b.Property(x => x.ProcedureName).HasMaxLength(500);
        b.Property(x => x.ApplicantName).HasMaxLength(Applicant.MaxNameLength);
        b.Property(x => x.CitizenId).HasMaxLength(12);
        b.Property(x => x.Phone).HasMaxLength(16);
        b.Property(x => x.Address).HasMaxLength(Applicant.MaxAddressLength);
        b.Property(x => x.SupplementReason).HasMaxLength(Dossier.MaxReasonLength);
    }
}
