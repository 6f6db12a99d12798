using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Outreach;
using MotCua.Web.Platform;

namespace MotCua.Web.Features.Citizens;

/// <summary>"When does the team come to my hamlet?" — no sign-in, made for a phone.</summary>
[EnableRateLimiting(Hardening.PublicRateLimit)]
public sealed class ScheduleModel(MotCuaDb db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Hamlet { get; set; }

    public IReadOnlyList<(string Code, string Name)> Units { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Hamlets { get; private set; } = [];

    public IReadOnlyList<PublicSessionResponse>? Sessions { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Units = [.. (await db.Units.AsNoTracking().OrderBy(u => u.Name).Select(u => new { u.Code, u.Name }).ToListAsync(ct)).Select(u => (u.Code, u.Name))];
        var unit = Units.FirstOrDefault(u => u.Code == Unit?.Trim());
        if (unit.Code is null)
        {
            Unit = null;
            return;
        }

        // Hamlets and sessions are public here: the schedule is posted in every hamlet anyway.
        var unitId = await db.Units.Where(u => u.Code == unit.Code).Select(u => u.Id).SingleAsync(ct);
        Hamlets = [.. (await db.Hamlets.AsNoTracking().IgnoreQueryFilters().Where(h => h.UnitId == unitId).OrderBy(h => h.Name).Select(h => new { h.Id, h.Name }).ToListAsync(ct)).Select(h => (h.Id, h.Name))];
        if (Hamlet is { } h && Hamlets.All(x => x.Id != h))
        {
            Hamlet = null;
        }

        Sessions = await PublicScheduleQuery.LoadAsync(unit.Code, Hamlet, db, time, Localization.Culture(), ct);
    }
}
