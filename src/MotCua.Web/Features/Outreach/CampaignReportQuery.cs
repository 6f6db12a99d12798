using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Outreach;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Outreach;

/// <summary>What a campaign achieved: planned against actual, per session and per hamlet, and progress to the target.</summary>
public static class CampaignReportQuery
{
    public sealed record SessionRow(Guid Id, DateOnly Date, SessionSlot Slot, string Team, string Hamlet, SessionStatus Status, int Planned, int Actual,
        IReadOnlyDictionary<string, int> Procedures, int PriorityReached, int? HelpedOnline);

    public sealed record HamletRow(Guid Id, string Name, double DistanceKm, int PriorityResidents, int Sessions, int Planned, int Actual, int PriorityReached, int HelpedOnline);

    public sealed record Report(Campaign Campaign, IReadOnlyList<SessionRow> Sessions, IReadOnlyList<HamletRow> Hamlets, int Planned, int Actual, int PriorityReached,
        int HelpedOnline, IReadOnlyList<(DateOnly Date, int Cumulative)> Progress);

    public static async Task<Report?> LoadAsync(Guid campaignId, MotCuaDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, ct);
        if (campaign is null)
        {
            return null;
        }

        var sessions = await db.OutreachSessions.AsNoTracking().Where(s => s.CampaignId == campaignId && s.Status != SessionStatus.Cancelled)
            .OrderBy(s => s.Date).ThenBy(s => s.Slot).ToListAsync(ct);
        var ids = sessions.Select(s => s.Id).ToList();
        var dossiers = await db.Dossiers.AsNoTracking().Where(d => d.OutreachSessionId != null && ids.Contains(d.OutreachSessionId.Value))
            .Select(d => new { Session = d.OutreachSessionId!.Value, d.ProcedureCode, d.PriorityGroups }).ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().Where(t => t.UnitId == campaign.UnitId).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var hamlets = await db.Hamlets.AsNoTracking().Where(h => h.UnitId == campaign.UnitId).ToListAsync(ct);
        var names = hamlets.ToDictionary(h => h.Id, h => h.Name);
        var bySession = dossiers.GroupBy(d => d.Session).ToDictionary(g => g.Key, g => g.ToList());

        var rows = sessions.Select(s =>
        {
            var ds = bySession.GetValueOrDefault(s.Id) ?? [];
            return new SessionRow(s.Id, s.Date, s.Slot, teams.GetValueOrDefault(s.TeamId, "?"), names.GetValueOrDefault(s.HamletId, "?"), s.Status, s.ExpectedCases, ds.Count,
                ds.GroupBy(d => d.ProcedureCode).ToDictionary(g => g.Key, g => g.Count()), ds.Count(d => d.PriorityGroups != PriorityGroup.None), s.HelpedOnline);
        }).ToList();
        var hamletRows = hamlets.Select(h =>
        {
            var own = rows.Where(r => r.Hamlet == h.Name).ToList();
            return new HamletRow(h.Id, h.Name, h.DistanceKm, h.Priority.Total, own.Count, own.Sum(r => r.Planned), own.Sum(r => r.Actual), own.Sum(r => r.PriorityReached), own.Sum(r => r.HelpedOnline ?? 0));
        }).OrderByDescending(h => h.DistanceKm).ToList();
        var cumulative = 0;
        var progress = rows.GroupBy(r => r.Date).OrderBy(g => g.Key).Select(g => (g.Key, cumulative += g.Sum(r => r.Actual))).ToList();
        return new Report(campaign, rows, hamletRows, rows.Sum(r => r.Planned), rows.Sum(r => r.Actual), rows.Sum(r => r.PriorityReached), rows.Sum(r => r.HelpedOnline ?? 0), progress);
    }
}
