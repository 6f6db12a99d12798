using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Data;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Features.Quality;

/// <summary>The dossiers or feedback behind one number of the dashboard, each linking to its own page.</summary>
[Authorize(Roles = Roles.CentreLeader + "," + Roles.ProvinceViewer)]
public sealed class DrillModel(MotCuaDb db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true, Name = "period")]
    public string? PeriodCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? What { get; set; }

    public QualityIndexQuery.UnitInfo UnitInfo { get; private set; } = null!;

    public QualityPeriod Period { get; private set; }

    public QualityDrillQuery.Result Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (What is null || !QualityDrillQuery.Kinds.ContainsKey(What) || !DashboardModel.TryPeriod(PeriodCode, null, null, now, out var period))
        {
            return BadRequest();
        }

        Period = period;
        var code = string.IsNullOrWhiteSpace(Unit) ? User.UnitCodeOf() : Unit.Trim();
        var unit = code is { Length: <= 32 } ? await QualityIndexQuery.UnitAsync(db, code, ct) : null;
        if (unit is null || !QualityAccess.MayReadUnit(User, unit))
        {
            return NotFound();
        }

        UnitInfo = unit;
        Result = await QualityDrillQuery.LoadAsync(db, unit.Id, Period, What, now, Localization.Culture(), ct);
        return Page();
    }
}
