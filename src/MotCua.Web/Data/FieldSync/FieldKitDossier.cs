using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Units;

namespace MotCua.Web.Data.FieldSync;

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
