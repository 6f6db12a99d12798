using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Outreach;
using MotCua.Domain.Units;
using MotCua.Web.Data;
using MotCua.Web.Data.Audit;
using MotCua.Web.Data.Calendar;
using MotCua.Web.Data.FieldSync;
using MotCua.Web.Data.Identity;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Platform;

namespace MotCua.Web.Features.FieldSync.Laptop;

/// <summary>
/// The laptop takes in a kit in one transaction: the centre's records keep their ids (so hamlets, sessions and
/// accounts mean the same on both sides), number blocks are added to the ones held, and the personal data for the
/// team's sessions replaces the previous kit's (except dossiers on which a step waits in the outbox).
/// </summary>
public static class ImportFieldKit
{
    public sealed record Summary(int Sessions, int Accounts, int Dossiers, int Numbers);

    public static async Task<Summary> ExecuteAsync(FieldKitResponse kit, MotCuaDb db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(kit);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        var state = await db.FieldNodeStates.SingleAsync(ct);
        if (kit.Unit.Id != state.UnitId || kit.Device.Id != state.DeviceId)
        {
            throw new Domain.DomainRuleException("field.kit-mismatch", "The kit is for another laptop or unit.");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);

        if (!await db.Provinces.AnyAsync(p => p.Code == kit.Unit.ProvinceCode, ct))
        {
            db.Provinces.Add(new Province(kit.Unit.ProvinceCode, kit.Unit.ProvinceName));
        }

        var hours = new OfficeHours([.. kit.Unit.Hours.Select(p => new OfficePeriod(p.Start, p.End))], kit.Unit.SameDayCutoff);
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == kit.Unit.Id, ct);
        if (unit is null)
        {
            db.Units.Add(new Unit(kit.Unit.Code, kit.Unit.Name, kit.Unit.ProvinceCode, hours, kit.Unit.Id));
        }
        else
        {
            unit.SetHours(hours);
        }

        var hamlets = await db.Hamlets.ToDictionaryAsync(h => h.Id, ct);
        foreach (var h in kit.Hamlets)
        {
            if (hamlets.TryGetValue(h.Id, out var local))
            {
                local.UpdateProfile(h.DistanceKm, h.TravelMinutes, h.Population, h.MeetingPlace, local.Priority, local.EstimatedDemand);
            }
            else
            {
                db.Hamlets.Add(new Hamlet(kit.Unit.Id, h.Name, h.DistanceKm, h.TravelMinutes, h.Population, h.MeetingPlace, h.Id));
            }
        }

        var years = await db.CalendarYears.ToDictionaryAsync(y => y.Year, ct);
        foreach (var y in kit.CalendarYears)
        {
            var days = y.Days.Select(d => new CalendarDay(d.Date, d.Kind, d.Name.ToDomain() ?? new LocalizedText(d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))).ToList();
            if (years.TryGetValue(y.Year, out var local))
            {
                local.Replace(days, "centre", now, y.Source);
            }
            else
            {
                db.CalendarYears.Add(new CalendarYearRecord(y.Year, days, "centre", now, y.Source));
            }
        }

        await db.SaveChangesAsync(ct);
        var errors = new ValidationErrors();
        _ = await ImportCatalog.ExecuteAsync(kit.Catalog, db, errors, ct) ?? throw new Domain.DomainRuleException("field.kit-catalogue", $"The kit's catalogue is invalid: {errors}");

        var teams = await db.Teams.ToDictionaryAsync(t => t.Id, ct);
        foreach (var t in kit.Teams)
        {
            if (teams.TryGetValue(t.Id, out var local))
            {
                local.Update(t.Name, t.CrewSize, t.Equipment, t.Members);
            }
            else
            {
                db.Teams.Add(new Team(kit.Unit.Id, t.Name, t.CrewSize, t.Equipment, t.Members, t.Id));
            }
        }

        var campaigns = await db.Campaigns.ToDictionaryAsync(c => c.Id, ct);
        foreach (var c in kit.Campaigns)
        {
            if (campaigns.TryGetValue(c.Id, out var local))
            {
                local.Change(c.Settings);
            }
            else
            {
                db.Campaigns.Add(new Campaign(kit.Unit.Id, c.Settings, c.Id));
            }
        }

        await db.SaveChangesAsync(ct);
        var sessions = await db.OutreachSessions.ToDictionaryAsync(s => s.Id, ct);
        foreach (var s in kit.Sessions)
        {
            if (sessions.TryGetValue(s.Id, out var local))
            {
                if (local.Date != s.Date || local.Slot != s.Slot || local.TeamId != s.TeamId || local.HamletId != s.HamletId)
                {
                    local.Move(s.Date, s.Slot, s.TeamId, s.HamletId, s.MemberIds, s.ExpectedCases);
                }
            }
            else
            {
                db.OutreachSessions.Add(new OutreachSession(s.CampaignId, kit.Unit.Id, s.Date, s.Slot, s.TeamId, s.HamletId, s.MemberIds, s.ExpectedCases, "kit",
                    new Dictionary<string, string>(), s.Id));
            }
        }

        var kept = kit.Sessions.Select(s => s.Id).ToHashSet();
        var used = await db.Dossiers.Where(d => d.OutreachSessionId != null).Select(d => d.OutreachSessionId!.Value).Distinct().ToListAsync(ct);
        db.OutreachSessions.RemoveRange(sessions.Values.Where(s => !kept.Contains(s.Id) && !used.Contains(s.Id)));

        await ImportAccountsAsync(kit, db, ct);

        var blocks = await db.FieldKitBlocks.ToListAsync(ct);
        var numbers = 0;
        foreach (var b in kit.Blocks)
        {
            if (!blocks.Any(x => x.Day == b.Day && x.First == b.First))
            {
                db.FieldKitBlocks.Add(new FieldKitBlock { Id = Guid.NewGuid(), UnitId = kit.Unit.Id, Day = b.Day, First = b.First, Count = b.Count });
                numbers += b.Count;
            }
        }

        var dossiers = await db.FieldKitDossiers.ToDictionaryAsync(d => d.Number, ct);
        foreach (var d in kit.Dossiers)
        {
            if (dossiers.Remove(d.Number, out var local))
            {
                if (local.RecordedAction is not null)
                {
                    continue;
                }
            }
            else
            {
                local = new FieldKitDossier { Number = d.Number, UnitId = kit.Unit.Id };
                db.FieldKitDossiers.Add(local);
            }

            local.Status = d.Status;
            local.Version = d.Version;
            local.ProcedureCode = d.Procedure;
            local.ProcedureName = d.ProcedureName;
            local.ApplicantName = d.ApplicantName;
            local.CitizenId = d.CitizenId;
            local.Phone = d.Phone;
            local.Address = d.Address;
            local.HamletId = d.HamletId;
            local.DueAt = d.DueAt;
            local.SupplementReason = d.SupplementReason;
            local.SessionDay = d.SessionDay;
        }

        db.FieldKitDossiers.RemoveRange(dossiers.Values.Where(d => d.RecordedAction is null));

        state.KitAt = now;
        state.KitFrom = kit.From;
        state.KitTo = kit.To;
        state.PublicBaseUrl = kit.PublicBaseUrl;
        state.TeamId = kit.Device.TeamId;
        state.TeamName = kit.Device.TeamName;
        state.UnitName = kit.Unit.Name;
        state.ClockDifferenceSeconds = Math.Round((kit.ServerTime - now).TotalSeconds);
        db.Audit(AuditActions.FieldKitImported, nameof(FieldNodeState), state.DeviceId.ToString(),
            $"{kit.Sessions.Count} sessions, {kit.Accounts.Count} accounts, {kit.Dossiers.Count} dossiers with personal data, {numbers} new numbers");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Summary(kit.Sessions.Count, kit.Accounts.Count, kit.Dossiers.Count, numbers);
    }

    /// <summary>The team's members who hold a PIN for this laptop, with its verifier; accounts no longer in the kit (PIN revoked, member gone) go.</summary>
    private static async Task ImportAccountsAsync(FieldKitResponse kit, MotCuaDb db, CancellationToken ct)
    {
        var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var users = await db.Users.Where(u => u.UnitId == kit.Unit.Id).ToDictionaryAsync(u => u.Id, ct);
        var links = await db.UserRoles.ToListAsync(ct);
        foreach (var a in kit.Accounts)
        {
            if (!users.Remove(a.Id, out var user))
            {
                user = new StaffUser { Id = a.Id, LockoutEnabled = true, SecurityStamp = Guid.NewGuid().ToString("N") };
                db.Users.Add(user);
            }

            user.UserName = a.UserName;
            user.NormalizedUserName = a.UserName.ToUpperInvariant();
            user.FullName = a.FullName;

            // On the laptop the "password hash" is the PIN's verifier for this laptop; the stamp is the laptop's own.
            if (user.PasswordHash != a.PinVerifier)
            {
                user.PasswordHash = a.PinVerifier;
                user.SecurityStamp = Guid.NewGuid().ToString("N");
            }

            user.ConcurrencyStamp = Guid.NewGuid().ToString();
            user.Culture = a.Culture;
            user.UnitId = kit.Unit.Id;
            var wanted = a.Roles.Where(roleIds.ContainsKey).Select(r => roleIds[r]).ToHashSet();
            var held = links.Where(l => l.UserId == a.Id).ToList();
            db.UserRoles.RemoveRange(held.Where(l => !wanted.Contains(l.RoleId)));
            foreach (var roleId in wanted.Where(r => !held.Any(l => l.RoleId == r)))
            {
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = a.Id, RoleId = roleId });
            }
        }

        foreach (var gone in users.Values)
        {
            db.UserRoles.RemoveRange(links.Where(l => l.UserId == gone.Id));
            db.Users.Remove(gone);
        }
    }
}
