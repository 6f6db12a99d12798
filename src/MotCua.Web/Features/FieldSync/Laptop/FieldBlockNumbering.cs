using Microsoft.EntityFrameworkCore;
using MotCua.Domain;
using MotCua.Domain.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Data.Dossiers;
using MotCua.Web.Data.FieldSync;

namespace MotCua.Web.Features.FieldSync.Laptop;

/// <summary>
/// Intake on a field kit: the next unused number of a block the centre reserved for this laptop and day, a lookup
/// secret made here, and an outbox entry written in the same transaction as the dossier.
/// </summary>
public sealed class FieldBlockNumbering(TimeProvider time) : IntakeNumbering
{
    public override bool InTheField => true;

    public override async Task<(int Sequence, string LookupSecret)> NumberAsync(MotCuaDb db, Guid unitId, DateOnly day, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var taken = await db.Database.SqlQuery<int>($"""
            UPDATE "FieldKitBlocks" SET "Used" = "Used" + 1
            WHERE "Id" = (SELECT "Id" FROM "FieldKitBlocks" WHERE "UnitId" = {unitId} AND "Day" = {day} AND "Used" < "Count" ORDER BY "First" LIMIT 1)
            RETURNING "First" + "Used" - 1 AS "Value"
            """).ToListAsync(ct);
        if (taken.Count == 0)
        {
            throw new DomainRuleException("field.no-numbers",
                $"This laptop holds no unused dossier number for {day:dd/MM/yyyy}. Download the kit for that day while connected, or receive the dossier at the centre.");
        }

        return (taken[0], LookupSecret.New());
    }

    public override void Receiving(MotCuaDb db, Dossier dossier)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(dossier);
        db.FieldOutbox.Add(new FieldOutboxItem
        {
            ClientId = dossier.ClientId,
            UnitId = dossier.UnitId,
            Kind = FieldItemKind.Dossier,
            DossierId = dossier.Id,
            Number = dossier.Number.ToString(),
            Day = dossier.Number.Date,
            CreatedAt = time.GetUtcNow(),
            ActorId = dossier.ReceivedBy,
            PrintedDueAt = dossier.OriginalDueAt,
            Label = $"{dossier.ProcedureCode} · {dossier.Applicant.MaskedName}",
        });
    }
}
