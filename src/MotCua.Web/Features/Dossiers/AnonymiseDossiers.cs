using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Data.Audit;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// Removes what identifies the applicant from closed dossiers older than the retention period
/// (<c>MotCua:Privacy:RetentionDays</c>). The dossier, its number, history and statistics stay.
/// </summary>
public static class AnonymiseDossiers
{
    public const int DefaultRetentionDays = 5 * 365;

    public sealed record Result(int Anonymised, DateTimeOffset EndedBefore);

    public static async Task<Result> ExecuteAsync(int retentionDays, bool dryRun, MotCuaDb db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(retentionDays, 30);
        var now = time.GetUtcNow();
        var cutoff = now.AddDays(-retentionDays);
        var total = 0;
        while (true)
        {
            var batch = await db.Dossiers
                .Where(d => d.EndedAt != null && d.EndedAt < cutoff && d.Applicant.AnonymisedAt == null && d.Status != DossierStatus.Processed)
                .OrderBy(d => d.EndedAt)
                .Skip(dryRun ? total : 0)
                .Take(500)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            total += batch.Count(d => dryRun || d.AnonymiseApplicant(now, cutoff));
            if (!dryRun)
            {
                await db.SaveChangesAsync(ct);
            }

            db.ChangeTracker.Clear();
        }

        db.Audit(dryRun ? AuditActions.AnonymiseDryRun : AuditActions.Anonymise, nameof(Dossier), null, $"{total} dossiers ended before {cutoff:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return new Result(total, cutoff);
    }
}
