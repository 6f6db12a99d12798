using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Data.Audit;
using MotCua.Web.Data.FieldSync;

namespace MotCua.Web.Features.FieldSync.Laptop;

/// <summary>
/// Removes personal data from the laptop once it is no longer needed: for every day that has passed and whose work the
/// centre has confirmed entirely, the dossiers received that day (with their scans) and the kit's dossiers for that
/// day's sessions. Anything not yet confirmed stays, whatever its age.
/// </summary>
public static class FieldWipe
{
    public sealed record Result(int Dossiers, int KitDossiers);

    public static async Task<Result> ExecuteAsync(MotCuaDb db, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var open = await db.FieldOutbox.Where(o => o.State == OutboxState.Pending || o.State == OutboxState.Rejected).Select(o => o.Day).Distinct().ToListAsync(ct);
        var openNumbers = await db.FieldOutbox.Where(o => o.State == OutboxState.Pending || o.State == OutboxState.Rejected).Select(o => o.Number).ToListAsync(ct);
        var done = await db.FieldOutbox.Where(o => o.Day < today && (o.State == OutboxState.Synced || o.State == OutboxState.Conflict)).ToListAsync(ct);
        done = [.. done.Where(o => !open.Contains(o.Day))];
        var dossierIds = done.Where(o => o.DossierId is not null).Select(o => o.DossierId!.Value).ToList();
        var dossiers = await db.Dossiers.Where(d => dossierIds.Contains(d.Id)).ToListAsync(ct);
        var attachments = await db.Attachments.Where(a => dossierIds.Contains(a.DossierId)).Select(a => a.Id).ToListAsync(ct);
        var contents = await db.AttachmentContents.Where(c => attachments.Contains(c.Id)).ToListAsync(ct);
        var kit = await db.FieldKitDossiers.Where(d => d.SessionDay < today).ToListAsync(ct);
        kit = [.. kit.Where(d => !openNumbers.Contains(d.Number) && !open.Contains(d.SessionDay))];
        if (done.Count == 0 && kit.Count == 0)
        {
            return new Result(0, 0);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.AttachmentContents.RemoveRange(contents);
        db.Dossiers.RemoveRange(dossiers);
        db.FieldOutbox.RemoveRange(done);
        db.FieldKitDossiers.RemoveRange(kit);
        db.Audit(AuditActions.FieldWipe, nameof(FieldNodeState), null, $"personal data removed: {dossiers.Count} dossiers received before {today:yyyy-MM-dd} and confirmed by the centre, {kit.Count} kit dossiers");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (!db.IsPostgres)
        {
            // Deleted pages are zeroed (secure_delete) but the write-ahead log still holds old copies until a checkpoint.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
        }

        return new Result(dossiers.Count, kit.Count);
    }
}
