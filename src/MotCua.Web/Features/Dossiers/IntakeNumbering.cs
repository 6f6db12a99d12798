using MotCua.Domain.Dossiers;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// Where a new dossier's number and lookup secret come from, and what else intake records in the same transaction.
/// At the centre: the (unit, day) counter and a fresh secret. On a field kit: the next number of the block the centre
/// reserved for the laptop, and an outbox entry. When the centre takes in a synced field dossier: the number and secret
/// printed on the citizen's receipt.
/// </summary>
public abstract class IntakeNumbering
{
    public static readonly IntakeNumbering Centre = new CentreCounter();

    /// <summary>The day's sequence number and the lookup secret; called inside the intake transaction.</summary>
    public abstract Task<(int Sequence, string LookupSecret)> NumberAsync(MotCuaDb db, Guid unitId, DateOnly day, CancellationToken ct);

    /// <summary>Adds what goes in with the dossier (saved with it, in the same transaction).</summary>
    public virtual void Receiving(MotCuaDb db, Dossier dossier)
    {
    }

    /// <summary>Called with everything written and nothing committed yet (fault-injection point for the sync tests).</summary>
    public virtual void BeforeCommit()
    {
    }

    private sealed class CentreCounter : IntakeNumbering
    {
        public override async Task<(int Sequence, string LookupSecret)> NumberAsync(MotCuaDb db, Guid unitId, DateOnly day, CancellationToken ct) =>
            (await DossierNumbers.ReserveAsync(db, unitId, day, 1, ct), ReceiveDossier.NewLookupSecret());
    }
}
