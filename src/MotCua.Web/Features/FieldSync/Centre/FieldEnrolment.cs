using Microsoft.EntityFrameworkCore;
using MotCua.Domain;
using MotCua.Web.Data;
using MotCua.Web.Data.Audit;
using MotCua.Web.Data.FieldSync;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Features.FieldSync.Centre;

/// <summary>
/// Enrolling a team laptop: a leader (or an administrator) issues a one-time code for a unit and, optionally, a team;
/// the laptop trades the code for a device id and secret. Codes and secrets are stored only as hashes.
/// </summary>
public static class FieldEnrolment
{
    public static async Task<EnrolmentCodeResponse> IssueCodeAsync(Guid unitId, Guid? teamId, string actorId, MotCuaDb db, TimeProvider time, FieldSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(settings);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Code).SingleOrDefaultAsync(ct)
            ?? throw new DomainRuleException("field.unit-unknown", "No such unit.", RuleKind.Invalid);
        string? teamName = null;
        if (teamId is { } t)
        {
            teamName = await db.Teams.AsNoTracking().Where(x => x.Id == t && x.UnitId == unitId).Select(x => x.Name).SingleOrDefaultAsync(ct)
                ?? throw new DomainRuleException("field.team-unknown", "The team is not one of the unit's mobile teams.", RuleKind.Invalid);
        }

        var now = time.GetUtcNow();
        var code = FieldEnrolmentCode.NewCode();
        var record = new FieldEnrolmentCode(unitId, teamId, FieldEnrolmentCode.Hash(code), actorId, now, now + settings.CodeLifetime);
        db.FieldEnrolmentCodes.Add(record);
        await db.SaveChangesAsync(ct);
        return new EnrolmentCodeResponse(code, Domain.Calendar.WorkingCalendar.ToLocal(record.ExpiresAt), unit, teamId, teamName);
    }

    public static async Task<EnrolResponse> EnrolAsync(string code, string name, MotCuaDb db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        var cleanName = FieldDevice.CleanName(name);
        var hash = FieldEnrolmentCode.Hash(code);

        // The caller is not signed in: the code, not a staff scope, is what grants this.
        var enrolment = await db.FieldEnrolmentCodes.IgnoreQueryFilters().SingleOrDefaultAsync(c => c.CodeHash == hash, ct);
        if (enrolment is null || enrolment.UsedAt is not null || now >= enrolment.ExpiresAt)
        {
            throw new DomainRuleException("field.code-invalid", "The enrolment code is unknown, already used or expired. Ask the centre for a new one.", RuleKind.Invalid);
        }

        var secret = DeviceCredentials.NewSecret();
        var device = new FieldDevice(enrolment.UnitId, enrolment.TeamId, cleanName, DeviceCredentials.Hash(secret), enrolment.IssuedBy, now);
        enrolment.Use(device.Id, now);
        db.FieldDevices.Add(device);
        db.Caller.ActorId = $"device:{device.Id:N}";
        db.Caller.ActorName = device.Name;
        db.Caller.UnitId = device.UnitId;
        db.Audit(AuditActions.FieldEnrol, nameof(FieldDevice), device.Id.ToString(), $"enrolled with the code issued by {enrolment.IssuedBy} at {enrolment.IssuedAt:O}");
        try
        {
            // The code's version is a concurrency token: two laptops racing with the same code cannot both enrol.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleException("field.code-invalid", "The enrolment code is unknown, already used or expired. Ask the centre for a new one.", RuleKind.Invalid);
        }

        var unit = await db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => u.Id == device.UnitId).Select(u => new { u.Code, u.Name }).SingleAsync(ct);
        var team = device.TeamId is { } t ? await db.Teams.IgnoreQueryFilters().AsNoTracking().Where(x => x.Id == t).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        return new EnrolResponse(device.Id, secret, device.UnitId, unit.Code, unit.Name, device.TeamId, team, now);
    }

    public static async Task<FieldDeviceResponse?> RevokeAsync(Guid deviceId, string actorId, MotCuaDb db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var device = await db.FieldDevices.SingleOrDefaultAsync(d => d.Id == deviceId, ct);
        if (device is null)
        {
            return null;
        }

        device.Revoke(actorId, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return (await ListAsync(db, ct)).Single(d => d.Id == deviceId);
    }

    public static async Task<IReadOnlyList<FieldDeviceResponse>> ListAsync(MotCuaDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var devices = await db.FieldDevices.AsNoTracking().OrderByDescending(d => d.EnrolledAt).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Code, ct);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return [.. devices.Select(d => new FieldDeviceResponse(d.Id, d.Name, units.GetValueOrDefault(d.UnitId, "?"), d.TeamId,
            d.TeamId is { } t ? teams.GetValueOrDefault(t) : null, Domain.Calendar.WorkingCalendar.ToLocal(d.EnrolledAt),
            d.LastSeenAt is { } s ? Domain.Calendar.WorkingCalendar.ToLocal(s) : null,
            d.RevokedAt is { } r ? Domain.Calendar.WorkingCalendar.ToLocal(r) : null))];
    }
}
