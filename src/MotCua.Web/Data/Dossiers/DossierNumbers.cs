using Microsoft.EntityFrameworkCore;
using MotCua.Domain;
using MotCua.Domain.Dossiers;

namespace MotCua.Web.Data.Dossiers;

/// <summary>
/// Issues dossier numbers. One atomic upsert per number on the (unit, day) counter row: PostgreSQL locks the row
/// until the transaction commits and SQLite takes the write lock, so concurrent intakes never share a number, and a
/// rolled-back intake gives its number back.
/// </summary>
public static class DossierNumbers
{
    /// <summary>Reserves <paramref name="count"/> consecutive sequence numbers and returns the first. Call inside a transaction.</summary>
    public static async Task<int> ReserveAsync(MotCuaDb db, Guid unitId, DateOnly day, int count, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var last = await db.Database.SqlQuery<int>($"""
            INSERT INTO "DossierSequences" ("UnitId", "Day", "Last") VALUES ({unitId}, {day}, {count})
            ON CONFLICT ("UnitId", "Day") DO UPDATE SET "Last" = "DossierSequences"."Last" + {count}
            RETURNING "Last" AS "Value"
            """).ToListAsync(ct);
        var first = last[0] - count + 1;
        if (last[0] > DossierNumber.MaxSequence)
        {
            throw new DomainRuleException("dossier.number-exhausted", $"All {DossierNumber.MaxSequence} dossier numbers of {day:yyyy-MM-dd} are used for this unit.");
        }

        return first;
    }
}
