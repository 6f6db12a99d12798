using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain;
using MotCua.Web.Data;
using MotCua.Web.Data.Audit;
using MotCua.Web.Data.Dossiers;
using MotCua.Web.Data.FieldSync;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Uploads;

namespace MotCua.Web.Features.FieldSync.Centre;

/// <summary>
/// Resumable upload of a field attachment in chunks. Chunks must arrive in order from the last byte the centre holds
/// (the status call says where that is); a chunk it already has is acknowledged again without being stored twice. When
/// the last byte arrives, the whole file is checked against the SHA-256 the laptop announced and against the allowed
/// types, then stored once under the attachment's id; a file that fails the check is discarded and starts again.
/// </summary>
public static class ReceiveAttachmentChunk
{
    public sealed record Chunk(Guid Id, long From, long To, long Total, string Sha256, byte[] Bytes);

    /// <param name="Problem">Why the chunk was refused (with the bytes the centre holds in <c>received</c>); null when taken.</param>
    public sealed record Result(FieldUploadResponse Upload, Microsoft.AspNetCore.Mvc.ProblemDetails? Problem = null);

    public static async Task<Result> ExecuteAsync(Chunk chunk, SyncFieldBatch.Device device, MotCuaDb db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        db.Audit(AuditActions.FieldUpload, nameof(FieldUpload), chunk.Id.ToString(), $"bytes {chunk.From}-{chunk.To}/{chunk.Total}");

        var attached = await db.Attachments.IgnoreQueryFilters().AsNoTracking().Where(a => a.Id == chunk.Id).Select(a => new { a.UnitId, a.Sha256, a.Size }).SingleOrDefaultAsync(ct);
        if (attached is not null)
        {
            await SaveRelaxedAsync(db, ct);
            return attached.UnitId == device.UnitId && attached.Sha256 == chunk.Sha256 && attached.Size == chunk.Total
                ? new Result(new FieldUploadResponse(chunk.Id, chunk.Total, chunk.Total, true))
                : Refused(chunk, 0, RuleKind.Conflict, "field.upload-id-taken", "Another file already has this id; give the attachment a new id.");
        }

        var upload = await db.FieldUploads.IgnoreQueryFilters().SingleOrDefaultAsync(u => u.Id == chunk.Id, ct);
        if (upload is not null && (upload.DeviceId != device.Id || upload.Sha256 != chunk.Sha256 || upload.Size != chunk.Total))
        {
            await SaveRelaxedAsync(db, ct);
            return Refused(chunk, 0, RuleKind.Conflict, "field.upload-mismatch", "An upload with this id is under way with another size or hash; give the attachment a new id.");
        }

        if (upload is { IsComplete: true })
        {
            await SaveRelaxedAsync(db, ct);
            return new Result(new FieldUploadResponse(chunk.Id, upload.Size, upload.Size, true));
        }

        var received = upload?.Received ?? 0;
        if (chunk.From > received)
        {
            await SaveRelaxedAsync(db, ct);
            return Refused(chunk, received, RuleKind.Conflict, "field.upload-offset", $"The centre holds bytes 0–{received - 1}; send from byte {received}.");
        }

        if (chunk.To < received)
        {
            await SaveRelaxedAsync(db, ct);
            return new Result(new FieldUploadResponse(chunk.Id, chunk.Total, received, false));
        }

        var fresh = chunk.Bytes.AsMemory((int)(received - chunk.From));
        if (upload is null)
        {
            upload = new FieldUpload(chunk.Id, device.Id, device.UnitId, chunk.Sha256, chunk.Total, now);
            db.FieldUploads.Add(upload);
        }

        byte[] whole;
        if (received == 0 && chunk.From == 0 && chunk.To == chunk.Total - 1)
        {
            // The usual case for scans: the whole file in one chunk, stored once.
            whole = chunk.Bytes;
        }
        else if (chunk.To == chunk.Total - 1)
        {
            var earlier = await db.FieldUploadChunks.Where(c => c.UploadId == chunk.Id).OrderBy(c => c.Offset).ToListAsync(ct);
            whole = new byte[chunk.Total];
            foreach (var c in earlier)
            {
                c.Bytes.CopyTo(whole, c.Offset);
            }

            fresh.CopyTo(whole.AsMemory((int)received));
            db.FieldUploadChunks.RemoveRange(earlier);
        }
        else
        {
            db.FieldUploadChunks.Add(new FieldUploadChunk { UploadId = chunk.Id, Offset = received, Bytes = fresh.ToArray() });
            upload.Append(fresh.Length);
            await SaveRelaxedAsync(db, ct);
            return new Result(new FieldUploadResponse(chunk.Id, chunk.Total, upload.Received, false));
        }

        if (Convert.ToHexStringLower(SHA256.HashData(whole)) != chunk.Sha256)
        {
            await DiscardAsync(db, upload, ct);
            return Refused(chunk, 0, RuleKind.Forbidden, "field.upload-hash-mismatch", "The file received does not have the SHA-256 announced; it was discarded. Upload it again from the start.");
        }

        // The size was checked against the limit at the door and the hash just now; what is left is the type, by content.
        if (ScanFiles.SniffContentType(whole.AsSpan(0, Math.Min(16, whole.Length))) is not { } type)
        {
            await DiscardAsync(db, upload, ct);
            return Refused(chunk, 0, ProblemKind.MediaType, "scan.type-not-allowed", "The file is not a PDF, JPEG or PNG file.");
        }

        upload.Complete(type, now);
        db.AttachmentContents.Add(new AttachmentContent { Id = chunk.Id, Bytes = whole });
        await SaveRelaxedAsync(db, ct);
        return new Result(new FieldUploadResponse(chunk.Id, chunk.Total, chunk.Total, true));
    }

    public static async Task<IReadOnlyList<FieldAttachmentStatus>> StatusAsync(IReadOnlyList<Guid> ids, SyncFieldBatch.Device device, MotCuaDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(db);
        if (ids.Count == 0)
        {
            return [];
        }

        var uploads = await db.FieldUploads.AsNoTracking().Where(u => ids.Contains(u.Id) && u.DeviceId == device.Id)
            .Select(u => new FieldAttachmentStatus(u.Id, u.Size, u.Received, u.CompletedAt != null)).ToListAsync(ct);
        var attached = await db.Attachments.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new FieldAttachmentStatus(a.Id, a.Size, a.Size, true)).ToListAsync(ct);
        return [.. uploads.Concat(attached)];
    }

    private static async Task DiscardAsync(MotCuaDb db, FieldUpload upload, CancellationToken ct)
    {
        if (db.Entry(upload).State == EntityState.Added)
        {
            db.Entry(upload).State = EntityState.Detached;
        }
        else
        {
            db.FieldUploadChunks.RemoveRange(await db.FieldUploadChunks.Where(c => c.UploadId == upload.Id).ToListAsync(ct));
            db.FieldUploads.Remove(upload);
        }

        await SaveRelaxedAsync(db, ct);
    }

    /// <summary>
    /// Saves without forcing this commit to disk. An upload needs no durability of its own: the laptop keeps every byte
    /// until the centre confirms the dossier, and the dossier's own commit is forced to disk, which (write-ahead log,
    /// in order) makes the upload before it durable too. If a power cut takes an upload away first, the dossier is
    /// answered "scans incomplete, send again" and the laptop uploads it again.
    /// </summary>
    private static async Task SaveRelaxedAsync(MotCuaDb db, CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit TO OFF", ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return;
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;", ct);
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL;", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    private static Result Refused(Chunk chunk, long received, RuleKind kind, string code, string detail) =>
        Refused(chunk, received, Problems.Create(kind, code, detail));

    private static Result Refused(Chunk chunk, long received, ProblemKind kind, string code, string detail) =>
        Refused(chunk, received, Problems.Create(kind, code, detail));

    private static Result Refused(Chunk chunk, long received, Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        problem.Extensions["received"] = received;
        return new(new FieldUploadResponse(chunk.Id, chunk.Total, received, false), problem);
    }
}
