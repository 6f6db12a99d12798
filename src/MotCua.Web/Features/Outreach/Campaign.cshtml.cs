using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain;
using MotCua.Web.Data;
using MotCua.Web.Data.Catalog;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Resources;

namespace MotCua.Web.Features.Outreach;

/// <summary>A campaign: its settings, the plan as a team × date grid, planning and re-planning, notices and exports.</summary>
[Authorize(Policy = Policies.ReadOutreach)]
public sealed class CampaignModel(MotCuaDb db, TimeProvider time, IAuthorizationService authorization, IConfiguration configuration, IStringLocalizer<Strings> t) : PageModel
{
    public CampaignResponse Campaign { get; private set; } = null!;

    public IReadOnlyList<(Guid Id, string Name)> Teams { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Hamlets { get; private set; } = [];

    public IReadOnlyList<DateOnly> Dates { get; private set; } = [];

    /// <summary>The procedures the campaign offers, by name.</summary>
    public IReadOnlyList<(string Code, string Name)> Procedures { get; private set; } = [];

    public bool CanManage { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPlanAsync(Guid id, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.ManageOutreach)).Succeeded)
        {
            return Forbid();
        }

        if (!await db.Campaigns.AnyAsync(c => c.Id == id, ct))
        {
            return NotFound();
        }

        try
        {
            var outcome = await PlanCampaign.ExecuteAsync(id, db, time, OutreachApi.Options(configuration), ct);
            TempData["Notice"] = string.Format(CultureInfo.CurrentCulture, t["Outreach.Planned"], outcome.Result.Sessions.Count, t[$"PlanStatus.{outcome.Result.Status}"]);
            return Redirect($"/outreach/{id}");
        }
        catch (DomainRuleException ex)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            Error = t.Explain(ex);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var culture = Localization.Culture();
        var c = await CampaignQuery.LoadAsync(id, db, culture, ct);
        if (c is null)
        {
            return false;
        }

        Campaign = c;
        Procedures = await ProcedureNames.OfAsync(c.Procedures, db, culture, ct);
        CanManage = (await authorization.AuthorizeAsync(User, Policies.ManageOutreach)).Succeeded;
        var unitId = await db.Campaigns.Where(x => x.Id == id).Select(x => x.UnitId).SingleAsync(ct);
        Teams = [.. (await db.Teams.AsNoTracking().Where(x => x.UnitId == unitId).OrderBy(x => x.Name).Select(x => new { x.Id, x.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name))];
        Hamlets = [.. (await db.Hamlets.AsNoTracking().Where(x => x.UnitId == unitId).OrderBy(x => x.Name).Select(x => new { x.Id, x.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name))];
        var settings = (await db.Campaigns.AsNoTracking().SingleAsync(x => x.Id == id, ct)).Settings;
        Dates = settings.Dates();
        return true;
    }
}
