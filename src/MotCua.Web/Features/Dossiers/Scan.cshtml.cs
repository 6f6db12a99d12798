using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Data.Audit;
using MotCua.Web.Data.Dossiers;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Platform.Uploads;

namespace MotCua.Web.Features.Dossiers;

/// <summary>Downloads a scanned paper (personal data: audited). The unit filter applies, so another unit's scan is not found.</summary>
[Authorize(Policy = Policies.FullPersonalData)]
public sealed class ScanModel(MotCuaDb db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string number, Guid id, CancellationToken ct)
    {
        if (!DossierNumber.TryParse(number, out var n))
        {
            return NotFound();
        }

        var dossierId = await db.Dossiers.Where(d => d.Number == n).Select(d => (Guid?)d.Id).SingleOrDefaultAsync(ct);
        var attachment = dossierId is null ? null : await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.DossierId == dossierId, ct);
        if (attachment is null)
        {
            return NotFound();
        }

        var bytes = await db.AttachmentContents.Where(c => c.Id == id).Select(c => c.Bytes).SingleAsync(ct);
        db.Audit(AuditActions.AttachmentRead, nameof(Attachment), id.ToString(), number);
        await db.SaveChangesAsync(ct);
        return File(bytes, attachment.ContentType, ScanFiles.StoredName(attachment.FileName, attachment.ContentType));
    }
}
