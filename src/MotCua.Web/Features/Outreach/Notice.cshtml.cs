using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Data;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Platform.Printing;

namespace MotCua.Web.Features.Outreach;

/// <summary>The A4 notice of a hamlet's coming sessions, as HTML to print and as a PDF.</summary>
[Authorize(Policy = Policies.ReadOutreach)]
public sealed class NoticeModel(MotCuaDb db, TimeProvider time) : PageModel
{
    public Guid CampaignId { get; private set; }

    public Guid HamletId { get; private set; }

    public PrintedForm Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid hamletId, CancellationToken ct)
    {
        var form = await HamletNotice.BuildAsync(id, hamletId, db, time, ct);
        if (form is null)
        {
            return NotFound();
        }

        (CampaignId, HamletId, Form) = (id, hamletId, form);
        return Request.Path.Value?.EndsWith(".pdf", StringComparison.Ordinal) == true
            ? File(PdfFormRenderer.Render(form), "application/pdf", "thong-bao-luu-dong.pdf")
            : Page();
    }
}
