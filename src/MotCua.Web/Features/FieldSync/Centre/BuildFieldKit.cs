using Microsoft.EntityFrameworkCore;
using MotCua.Domain;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Outreach;
using MotCua.Web.Data;
using MotCua.Web.Data.Audit;
using MotCua.Web.Data.Dossiers;
using MotCua.Web.Data.FieldSync;
using MotCua.Web.Data.Identity;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Features.FieldSync.Centre;

/// <summary>
/// What a laptop takes out for the coming days: the catalogue, the calendar, the unit and its hamlets, the unit's
/// sessions, the accounts of the team's members, the personal data of its own sessions' hamlets, and a block of dossier
/// numbers for each session day. Asking again reserves no more numbers than asked for (idempotent per day).
/// </summary>
public static class BuildFieldKit
{
    /// <summary>The statuses a field team can act on in a hamlet: papers to collect, results to hand back.</summary>
    public static readonly DossierStatus[] FieldStatuses = [DossierStatus.SupplementRequested, DossierStatus.Processed];

    /// <param name="extraDays">Days without a session of the team that still need numbers (home visits), within the kit's window.</param>
    /// <param name="blockSize">Numbers wanted for each day; more are reserved only when the device holds fewer.</param>
    public static async Task<FieldKitResponse> ExecuteAsync(Guid deviceId, IReadOnlyList<DateOnly> extraDays, int? blockSize, string publicBaseUrl,
        MotCuaDb db, TimeProvider time, FieldSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(extraDays);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(settings);
        var now = time.GetUtcNow();
        var today = WorkingCalendar.LocalDate(now);
        var to = today.AddDays(settings.KitDays);
        if (extraDays.Any(d => d < today || d > to))
        {
            throw new DomainRuleException("field.day-outside-kit", $"Numbers can be reserved for {today:yyyy-MM-dd} to {to:yyyy-MM-dd} only.", RuleKind.Invalid);
        }

        var device = await db.FieldDevices.SingleAsync(d => d.Id == deviceId, ct);
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == device.UnitId, ct);
        var provinceName = await db.Provinces.AsNoTracking().Where(p => p.Code == unit.ProvinceCode).Select(p => p.Name).SingleOrDefaultAsync(ct) ?? unit.ProvinceCode;
        var hamlets = await db.Hamlets.AsNoTracking().Where(h => h.UnitId == unit.Id).OrderBy(h => h.Name).ToListAsync(ct);
        var procedures = await db.Procedures.AsNoTracking().Include(p => p.Versions).OrderBy(p => p.Code).ToListAsync(ct);
        var years = await db.CalendarYears.AsNoTracking().OrderBy(y => y.Year).ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().Where(t => t.UnitId == unit.Id).ToListAsync(ct);
        var sessions = await db.OutreachSessions.AsNoTracking()
            .Where(s => s.UnitId == unit.Id && s.Date >= today && s.Date <= to && s.Status != SessionStatus.Cancelled)
            .OrderBy(s => s.Date).ThenBy(s => s.Slot).ToListAsync(ct);
        var campaignIds = sessions.Select(s => s.CampaignId).Distinct().ToList();
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id)).ToListAsync(ct);
        var team = device.TeamId is { } teamId ? teams.SingleOrDefault(t => t.Id == teamId) : null;
        var ownSessions = team is null ? [] : sessions.Where(s => s.TeamId == team.Id).ToList();

        // Accounts and personal data go only to a laptop of a team, for that team's members and sessions.
        var accounts = team is null ? [] : await AccountsAsync(db, device.Id, unit.Id, team, now, ct);
        var dossiers = await DossiersAsync(db, unit.Id, ownSessions, procedures.ToDictionary(p => p.Id, p => p.Name.Vi), ct);
        await RecordExportsAsync(db, device, dossiers, now, ct);

        var blockDays = (team is null ? sessions : ownSessions).Select(s => s.Date).Concat(extraDays).Distinct().Order().ToList();
        var wanted = blockSize ?? settings.BlockSize;
        foreach (var day in blockDays)
        {
            await ReserveAsync(db, device, day, wanted, now, ct);
        }

        var blocks = await db.FieldNumberBlocks.AsNoTracking().Where(b => b.DeviceId == device.Id && b.Day >= today)
            .OrderBy(b => b.Day).ThenBy(b => b.First).Select(b => new KitNumberBlock(b.Day, b.First, b.Count)).ToListAsync(ct);

        device.Seen(now);
        await ForgetAbandonedUploadsAsync(db, device.Id, now, ct);
        db.Audit(AuditActions.FieldKit, nameof(FieldDevice), device.Id.ToString(),
            $"{today:yyyy-MM-dd}–{to:yyyy-MM-dd}: {sessions.Count} sessions, {accounts.Count} accounts, {dossiers.Count} dossiers with personal data, blocks "
            + string.Join(", ", blocks.Select(b => $"{b.Day:yyMMdd} {b.First}–{b.First + b.Count - 1}")));
        foreach (var a in accounts)
        {
            db.Audit(AuditActions.FieldKitAccount, nameof(StaffUser), a.Id, $"account {a.UserName} (its offline PIN verifier for this laptop only) copied to device {device.Name}");
        }

        foreach (var d in dossiers)
        {
            db.Audit(AuditActions.PersonalDataExport, nameof(Dossier), d.Number, $"field kit of device {device.Name} for the session of {d.SessionDay:yyyy-MM-dd}");
        }

        await db.SaveChangesAsync(ct);

        return new FieldKitResponse(
            now, today, to, publicBaseUrl,
            new KitDevice(device.Id, device.Name, team?.Id, team?.Name),
            new KitUnit(unit.Id, unit.Code, unit.Name, unit.ProvinceCode, provinceName, [.. unit.Hours.Periods.Select(p => new KitPeriod(p.Start, p.End))], unit.Hours.SameDayCutoff),
            [.. hamlets.Select(h => new KitHamlet(h.Id, h.Name, h.DistanceKm, h.TravelMinutes, h.Population, h.MeetingPlace))],
            ExportCatalog.Document(procedures),
            [.. years.Select(y => new KitCalendarYear(y.Year, [.. y.Days.Select(d => new KitCalendarDay(d.Date, d.Kind, LocalizedTextDocument.From(d.Name)))], y.Source))],
            [.. teams.Select(t => new KitTeam(t.Id, t.Name, t.CrewSize, t.Equipment, t.Members))],
            [.. campaigns.Select(c => new KitCampaign(c.Id, c.Settings))],
            [.. sessions.Select(s => new KitSession(s.Id, s.CampaignId, s.Date, s.Slot, s.TeamId, s.HamletId, s.MemberIds, s.ExpectedCases))],
            accounts,
            dossiers,
            blocks);
    }

    /// <summary>Scans this device uploaded a month ago or more that no dossier ever claimed (the laptop gave up on them).</summary>
    private static async Task ForgetAbandonedUploadsAsync(MotCuaDb db, Guid deviceId, DateTimeOffset now, CancellationToken ct)
    {
        var before = now - AbandonedAfter;
        var abandoned = await db.FieldUploads.Where(u => u.DeviceId == deviceId && u.StartedAt < before).ToListAsync(ct);
        if (abandoned.Count == 0)
        {
            return;
        }

        var ids = abandoned.Select(u => u.Id).ToList();
        db.FieldUploadChunks.RemoveRange(await db.FieldUploadChunks.Where(c => ids.Contains(c.UploadId)).ToListAsync(ct));
        db.AttachmentContents.RemoveRange(await db.AttachmentContents.Where(c => ids.Contains(c.Id)).ToListAsync(ct));
        db.FieldUploads.RemoveRange(abandoned);
        db.Audit(AuditActions.FieldUploadsForgotten, nameof(FieldDevice), deviceId.ToString(), $"{abandoned.Count} scans uploaded before {before:yyyy-MM-dd} and never claimed by a dossier");
    }

    /// <summary>After this long an unclaimed upload is abandoned: a laptop keeps its outbox for the days of a session, not for a month.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromDays(30);

    /// <summary>Tops the device's numbers for <paramref name="day"/> up to <paramref name="wanted"/>, from the unit's own counter.</summary>
    private static async Task ReserveAsync(MotCuaDb db, FieldDevice device, DateOnly day, int wanted, DateTimeOffset now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var held = await db.FieldNumberBlocks.Where(b => b.DeviceId == device.Id && b.Day == day).SumAsync(b => b.Count, ct);
        if (held >= wanted)
        {
            return;
        }

        var count = wanted - held;
        var first = await DossierNumbers.ReserveAsync(db, device.UnitId, day, count, ct);
        db.FieldNumberBlocks.Add(new FieldNumberBlock(device.Id, device.UnitId, day, first, count, now));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The team's members who hold an active offline PIN for this device, with that PIN's verifier and nothing of their password.</summary>
    private static async Task<List<KitAccount>> AccountsAsync(MotCuaDb db, Guid deviceId, Guid unitId, Team team, DateTimeOffset now, CancellationToken ct)
    {
        var memberIds = team.Members.Select(m => m.UserId).Distinct().ToList();
        var pins = await db.FieldCredentials.AsNoTracking().Where(c => c.DeviceId == deviceId && c.RevokedAt == null && memberIds.Contains(c.UserId)).ToDictionaryAsync(c => c.UserId, c => c.Verifier, ct);
        var holders = pins.Keys.ToList();
        var users = await db.Users.AsNoTracking().Where(u => holders.Contains(u.Id) && u.UnitId == unitId)
            .Select(u => new { u.Id, u.UserName, u.FullName, u.Culture, u.LockoutEnd }).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where holders.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        return [.. users
            .Where(u => u.LockoutEnd is null || u.LockoutEnd <= now)
            .Select(u => new KitAccount(u.Id, u.UserName!, u.FullName, pins[u.Id], u.Culture,
                [.. roles.Where(r => r.UserId == u.Id && Roles.UnitRoles.Contains(r.Name)).Select(r => r.Name!)]))
            .Where(a => a.Roles.Count > 0)
            .OrderBy(a => a.UserName, StringComparer.Ordinal)];
    }

    /// <summary>Which dossiers this device's kit carried: a field step is accepted only on one of them.</summary>
    private static async Task RecordExportsAsync(MotCuaDb db, FieldDevice device, List<KitDossier> dossiers, DateTimeOffset now, CancellationToken ct)
    {
        if (dossiers.Count == 0)
        {
            return;
        }

        var numbers = dossiers.Select(d => DossierNumber.Parse(d.Number)).ToList();
        var ids = await db.Dossiers.AsNoTracking().Where(d => numbers.Contains(d.Number)).Select(d => new { d.Id, d.Number }).ToDictionaryAsync(d => d.Number.ToString(), d => d.Id, ct);
        var known = await db.FieldKitExports.Where(e => e.DeviceId == device.Id).ToDictionaryAsync(e => e.DossierId, ct);
        foreach (var d in dossiers)
        {
            var id = ids[d.Number];
            if (known.TryGetValue(id, out var export))
            {
                export.Again(d.SessionDay, now);
            }
            else
            {
                db.FieldKitExports.Add(new FieldKitExport(device.Id, device.UnitId, id, d.SessionDay, now));
            }
        }
    }

    private static async Task<List<KitDossier>> DossiersAsync(MotCuaDb db, Guid unitId, List<OutreachSession> sessions, Dictionary<Guid, string> procedureNames, CancellationToken ct)
    {
        if (sessions.Count == 0)
        {
            return [];
        }

        var dayOfHamlet = sessions.GroupBy(s => s.HamletId).ToDictionary(g => g.Key, g => g.Max(s => s.Date));
        var hamletIds = dayOfHamlet.Keys.Select(h => (Guid?)h).ToList();
        var open = await db.Dossiers.AsNoTracking().Include(d => d.Events).AsSplitQuery()
            .Where(d => d.UnitId == unitId && hamletIds.Contains(d.Applicant.HamletId) && FieldStatuses.Contains(d.Status) && d.Applicant.AnonymisedAt == null)
            .OrderBy(d => d.Number).ToListAsync(ct);
        return [.. open.Select(d => new KitDossier(
            d.Number.ToString(), d.Status, d.Version, d.ProcedureCode, procedureNames.GetValueOrDefault(d.ProcedureId, d.ProcedureCode),
            d.Applicant.FullName, d.Applicant.CitizenId?.Value, d.Applicant.Phone?.Value, d.Applicant.Address, d.Applicant.HamletId,
            d.DueAt is { } due ? WorkingCalendar.ToLocal(due) : null,
            d.Status == DossierStatus.SupplementRequested ? d.Events.LastOrDefault(e => e.Action == DossierAction.RequestSupplement)?.Reason : null,
            dayOfHamlet[d.Applicant.HamletId!.Value]))];
    }
}
