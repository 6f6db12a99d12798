using Microsoft.EntityFrameworkCore;
using MotCua.Domain;
using MotCua.Domain.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Data.FieldSync;

namespace MotCua.Web.Features.FieldSync.Laptop;

/// <summary>Steps a field team records on a dossier the kit brought (papers collected, result handed back).</summary>
public static class RecordFieldStep
{
    public static async Task ExecuteAsync(string number, DossierAction action, string? reason, string actorId, MotCuaDb db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var dossier = await db.FieldKitDossiers.SingleOrDefaultAsync(d => d.Number == number, ct)
            ?? throw new DomainRuleException("not-found", "This dossier is not in the laptop's kit.", RuleKind.Invalid);
        var allowed = dossier.Status switch
        {
            DossierStatus.SupplementRequested => DossierAction.SupplementReceived,
            DossierStatus.Processed => DossierAction.ReturnResult,
            _ => (DossierAction?)null,
        };
        if (allowed != action)
        {
            throw new DomainRuleException("dossier.transition-forbidden", $"A dossier that is {dossier.Status} cannot be given the action {action}.");
        }

        if (dossier.RecordedAction is not null)
        {
            throw new DomainRuleException("field.step-recorded", "This step is already recorded and waits to be sent to the centre.");
        }

        var text = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (text?.Length > Dossier.MaxReasonLength || text?.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) == true)
        {
            throw new DomainRuleException("dossier.reason-invalid", $"The note is at most {Dossier.MaxReasonLength} characters, without control characters.", RuleKind.Invalid);
        }

        var now = time.GetUtcNow();
        dossier.RecordedAction = action;
        db.FieldOutbox.Add(new FieldOutboxItem
        {
            ClientId = Guid.NewGuid(),
            UnitId = dossier.UnitId,
            Kind = FieldItemKind.Transition,
            Number = dossier.Number,
            Day = Domain.Calendar.WorkingCalendar.LocalDate(now),
            CreatedAt = now,
            Action = action,
            BaseVersion = dossier.Version,
            At = now,
            Reason = text,
            ActorId = actorId,
            Label = $"{dossier.ProcedureCode} · {Applicant.MaskName(dossier.ApplicantName)}",
        });
        await db.SaveChangesAsync(ct);
    }
}
