using MotCua.Domain.Dossiers;

namespace MotCua.Web.Data.Dossiers;

/// <summary>
/// Where a new dossier's number and lookup secret come from, and what else intake records in the same transaction.
/// At the centre: the (unit, day) counter and a fresh secret. On a field kit: the next number of the block the centre
/// reserved for the laptop, and an outbox entry. When the centre takes in a synced field dossier: the number and secret
/// printed on the citizen's receipt.
/// </summary>
public abstract class IntakeNumbering
{
    public static readonly IntakeNumbering Centre = new CentreCounter();

    /// <summary>True when the number was issued in the field (a field kit's block): the dossier was received in a hamlet or at a home.</summary>
    public virtual bool InTheField => false;

    /// <summary>The day's sequence number and the lookup secret; called inside the intake transaction.</summary>
    public abstract Task<(int Sequence, string LookupSecret)> NumberAsync(MotCuaDb db, Guid unitId, DateOnly day, CancellationToken ct);

    /// <summary>Adds what goes in with the dossier (saved with it, in the same transaction).</summary>
    public virtual void Receiving(MotCuaDb db, Dossier dossier)
    {
    }

    private sealed class CentreCounter : IntakeNumbering
    {
        public override async Task<(int Sequence, string LookupSecret)> NumberAsync(MotCuaDb db, Guid unitId, DateOnly day, CancellationToken ct) =>
            (await DossierNumbers.ReserveAsync(db, unitId, day, 1, ct), LookupSecret.New());
    }
}
