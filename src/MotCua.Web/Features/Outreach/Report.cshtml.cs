using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Data;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Features.Outreach;

/// <summary>What the campaign achieved, per hamlet and per session, and progress to its target.</summary>
[Authorize(Policy = Policies.ReadOutreach)]
public sealed class ReportModel(MotCuaDb db) : PageModel
{
    public CampaignReportQuery.Report Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var report = await CampaignReportQuery.LoadAsync(id, db, ct);
        if (report is null)
        {
            return NotFound();
        }

        Report = report;
        return Page();
    }
}
