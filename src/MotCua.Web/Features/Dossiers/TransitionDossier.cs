using Microsoft.EntityFrameworkCore;
using MotCua.Domain;
using MotCua.Domain.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Data.Calendar;
using MotCua.Web.Platform;

namespace MotCua.Web.Features.Dossiers;

/// <summary>Moves a dossier through its state machine against the version the officer saw.</summary>
public static class TransitionDossier
{
    /// <summary>The dossier after the change, or null when no dossier has that number.</summary>
    public static async Task<Dossier?> ExecuteAsync(DossierNumber number, DossierCommand command, NodeRole node, MotCuaDb db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        if (!node.TakesDossierSteps)
        {
            throw new DomainRuleException("field.receive-only", "A field kit only receives dossiers; later steps are taken at the centre after sync.");
        }

        var dossier = await db.Dossiers.Include(d => d.Events).AsSplitQuery().SingleOrDefaultAsync(d => d.Number == number, ct);
        if (dossier is null)
        {
            return null;
        }

        if (command.Action == DossierAction.HandOver && !string.IsNullOrWhiteSpace(command.ToOfficerId)
            && !await db.Users.AnyAsync(u => u.Id == command.ToOfficerId.Trim() && u.UnitId == dossier.UnitId, ct))
        {
            throw new DomainRuleException("dossier.hand-over-target-unknown", "The dossier can be handed over only to an officer of its own unit.", RuleKind.Invalid);
        }

        var calendar = await db.LoadCalendarAsync(dossier.UnitId, ct);
        dossier.Apply(command, time.GetUtcNow(), calendar);
        await db.SaveChangesAsync(ct);
        return dossier;
    }
}
