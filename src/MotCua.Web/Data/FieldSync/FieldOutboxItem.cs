using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Units;
using MotCua.Web.Data.Audit;

namespace MotCua.Web.Data.FieldSync;

/// <summary>
/// One thing done in the field that the centre must receive: a new dossier (its data is the local dossier) or a step on
/// a dossier the kit brought. Written in the same transaction as the work itself; removed only after the centre confirmed
/// it and its day has passed.
/// </summary>
[NotAudited]
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
