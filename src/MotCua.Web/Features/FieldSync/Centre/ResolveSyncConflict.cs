using Microsoft.EntityFrameworkCore;
using MotCua.Domain;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Data.Calendar;
using MotCua.Web.Data.FieldSync;

namespace MotCua.Web.Features.FieldSync.Centre;

/// <summary>A leader decides a sync conflict: apply the field's step to the dossier as it is now, or keep the centre's version.</summary>
public static class ResolveSyncConflict
{
    public static async Task<IReadOnlyList<SyncConflictResponse>> ListAsync(bool open, MotCuaDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var conflicts = await db.SyncConflicts.AsNoTracking().Where(c => open ? c.ResolvedAt == null : c.ResolvedAt != null)
            .OrderBy(c => c.CreatedAt).Take(500).ToListAsync(ct);
        var dossierIds = conflicts.Select(c => c.DossierId).ToList();
        var dossiers = await db.Dossiers.AsNoTracking().Where(d => dossierIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var deviceIds = conflicts.Select(c => c.DeviceId).ToList();
        var devices = await db.FieldDevices.AsNoTracking().Where(d => deviceIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var userIds = conflicts.Select(c => c.ReceivedBy).ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        return [.. conflicts.Select(c =>
        {
            var d = dossiers[c.DossierId];
            return new SyncConflictResponse(c.Id, c.Number.ToString(), c.Action, c.Reason, WorkingCalendar.ToLocal(c.FieldAt), c.ReceivedBy.StartsWith("device:", StringComparison.Ordinal) ? "—" : users.GetValueOrDefault(c.ReceivedBy, c.ReceivedBy),
                devices.GetValueOrDefault(c.DeviceId, "?"), c.BaseVersion, c.CentreVersion, c.CentreStatus, d.Status, d.Version, [.. d.AllowedActions()],
                WorkingCalendar.ToLocal(c.CreatedAt), c.Resolution, c.ResolvedBy, c.ResolvedAt is { } r ? WorkingCalendar.ToLocal(r) : null, c.Note);
        })];
    }

    /// <summary>Null when the conflict is not one of the caller's unit.</summary>
    public static async Task<SyncConflict?> ExecuteAsync(Guid id, ConflictResolution resolution, string? note, int? version, string actorId, MotCuaDb db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var conflict = await db.SyncConflicts.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (conflict is null)
        {
            return null;
        }

        if (version is { } v && v != conflict.Version)
        {
            throw new Domain.DomainRuleException("field.conflict-changed", "Someone else decided this conflict meanwhile; reload the page.", RuleKind.Conflict);
        }

        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        conflict.Resolve(resolution, actorId, note, now);
        if (resolution == ConflictResolution.Applied)
        {
            var dossier = await db.Dossiers.Include(d => d.Events).AsSplitQuery().SingleAsync(d => d.Id == conflict.DossierId, ct);
            var calendar = await db.LoadCalendarAsync(dossier.UnitId, ct);
            var reason = $"Ghi nhận từ tổ lưu động lúc {WorkingCalendar.ToLocal(conflict.FieldAt):HH:mm dd/MM/yyyy}" + (conflict.Reason is null ? string.Empty : $": {conflict.Reason}");
            dossier.Apply(new DossierCommand(conflict.Action, dossier.Version, actorId, reason), now, calendar);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return conflict;
    }
}
