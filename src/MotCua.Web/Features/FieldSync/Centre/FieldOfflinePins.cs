using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain;
using MotCua.Web.Data;
using MotCua.Web.Data.Audit;
using MotCua.Web.Data.FieldSync;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Features.FieldSync.Centre;

/// <summary>
/// Team members' offline PINs for a laptop of their team (<see cref="FieldCredential"/>): a member sets their own, signed
/// in at the centre with their password; a centre leader of the unit may issue one instead (shown once) or revoke one.
/// Administrators do neither: they cannot put anyone's sign-in, or any personal data, on a laptop.
/// </summary>
public static class FieldOfflinePins
{
    public static async Task<FieldPinResponse?> SetAsync(Guid deviceId, string userId, string? pin, ClaimsPrincipal caller, MotCuaDb db, TimeProvider time, FieldSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(settings);
        var (device, member) = await FindAsync(deviceId, userId, db, ct);
        if (device is null || member is null)
        {
            return null;
        }

        var actor = caller.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        var self = actor == userId;
        var leader = caller.IsInRole(Roles.CentreLeader);
        string? issued = null;
        if (self && pin is not null)
        {
            if (!FieldPins.IsAcceptable(pin))
            {
                throw new DomainRuleException("field.pin-weak", $"A PIN is {FieldPins.MinLength}–{FieldPins.MaxLength} digits, not one digit repeated nor a run such as 123456.", RuleKind.Invalid);
            }
        }
        else if (leader && pin is null)
        {
            pin = issued = FieldPins.NewPin();
        }
        else
        {
            throw new DomainRuleException("field.pin-not-yours", self
                ? "Choose your PIN (6–12 digits)."
                : "Only the member sets their own PIN; a centre leader may issue one (without choosing it).", RuleKind.Forbidden);
        }

        var now = time.GetUtcNow();
        var verifier = FieldPins.Hash(pin, device.Id, settings.PinIterations);
        var credential = await db.FieldCredentials.SingleOrDefaultAsync(c => c.DeviceId == device.Id && c.UserId == userId, ct);
        if (credential is null)
        {
            credential = new FieldCredential(device.Id, device.UnitId, userId, verifier, actor, now);
            db.FieldCredentials.Add(credential);
        }
        else
        {
            credential.Replace(verifier, actor, now);
        }

        db.Audit(issued is null ? AuditActions.FieldPinSet : AuditActions.FieldPinIssued, nameof(FieldDevice), device.Id.ToString(),
            $"offline PIN of {member.Value.UserName} for {device.Name}{(issued is null ? " set by the member" : " issued by a leader")}");
        await db.SaveChangesAsync(ct);
        return new FieldPinResponse(device.Id, userId, member.Value.UserName, member.Value.FullName, Local(credential.SetAt), null, issued);
    }

    public static async Task<FieldPinResponse?> RevokeAsync(Guid deviceId, string userId, ClaimsPrincipal caller, MotCuaDb db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var (device, member) = await FindAsync(deviceId, userId, db, ct);
        var actor = caller.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        if (device is null || member is null)
        {
            return null;
        }

        if (actor != userId && !caller.IsInRole(Roles.CentreLeader))
        {
            throw new DomainRuleException("field.pin-not-yours", "Only the member or a centre leader revokes a member's PIN.", RuleKind.Forbidden);
        }

        var credential = await db.FieldCredentials.SingleOrDefaultAsync(c => c.DeviceId == device.Id && c.UserId == userId, ct);
        if (credential is null)
        {
            return new FieldPinResponse(device.Id, userId, member.Value.UserName, member.Value.FullName, null, null);
        }

        credential.Revoke(actor, time.GetUtcNow());
        db.Audit(AuditActions.FieldPinRevoked, nameof(FieldDevice), device.Id.ToString(), $"offline PIN of {member.Value.UserName} for {device.Name} revoked");
        await db.SaveChangesAsync(ct);
        return new FieldPinResponse(device.Id, userId, member.Value.UserName, member.Value.FullName, Local(credential.SetAt), Local(credential.RevokedAt));
    }

    /// <summary>The members of the laptop's team and their PINs; a member who is not a leader sees their own line only.</summary>
    public static async Task<IReadOnlyList<FieldPinResponse>?> ListAsync(Guid deviceId, ClaimsPrincipal caller, MotCuaDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(db);
        var device = await db.FieldDevices.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deviceId, ct);
        if (device?.TeamId is not { } teamId)
        {
            return device is null ? null : [];
        }

        var memberIds = (await db.Teams.AsNoTracking().Where(t => t.Id == teamId).SingleAsync(ct)).Members.Select(m => m.UserId).ToList();
        if (!caller.IsInRole(Roles.CentreLeader))
        {
            var me = caller.FindFirstValue(ClaimTypes.NameIdentifier);
            memberIds = [.. memberIds.Where(m => m == me)];
        }

        var users = await db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id) && u.UnitId == device.UnitId).OrderBy(u => u.FullName).Select(u => new { u.Id, u.UserName, u.FullName }).ToListAsync(ct);
        var credentials = await db.FieldCredentials.AsNoTracking().Where(c => c.DeviceId == deviceId).ToDictionaryAsync(c => c.UserId, ct);
        return [.. users.Select(u => credentials.GetValueOrDefault(u.Id) is { } c
            ? new FieldPinResponse(deviceId, u.Id, u.UserName ?? string.Empty, u.FullName, Local(c.SetAt), Local(c.RevokedAt))
            : new FieldPinResponse(deviceId, u.Id, u.UserName ?? string.Empty, u.FullName, null, null))];
    }

    /// <summary>The laptop (in the caller's unit, not revoked, with a team) and the member (of that team, in the unit).</summary>
    private static async Task<(FieldDevice? Device, (string UserName, string FullName)? Member)> FindAsync(Guid deviceId, string userId, MotCuaDb db, CancellationToken ct)
    {
        var device = await db.FieldDevices.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deviceId, ct);
        if (device is null)
        {
            return (null, null);
        }

        if (device.IsRevoked || device.TeamId is not { } teamId)
        {
            throw new DomainRuleException("field.pin-no-team", "Offline PINs are for the members of a laptop's mobile team, on a laptop that is not revoked.");
        }

        var team = await db.Teams.AsNoTracking().SingleAsync(t => t.Id == teamId, ct);
        if (!team.Members.Any(m => m.UserId == userId))
        {
            return (device, null);
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.UnitId == device.UnitId).Select(u => new { u.UserName, u.FullName }).SingleOrDefaultAsync(ct);
        return (device, user is null ? null : (user.UserName ?? string.Empty, user.FullName));
    }

    private static DateTimeOffset? Local(DateTimeOffset? at) => at is { } a ? Domain.Calendar.WorkingCalendar.ToLocal(a) : null;
}
