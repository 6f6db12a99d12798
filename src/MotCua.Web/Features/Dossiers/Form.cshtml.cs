using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Data.Audit;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Platform.Printing;

namespace MotCua.Web.Features.Dossiers;

/// <summary>A dossier's printable form (01–06) as print-ready HTML, and the same form as a PDF.</summary>
[Authorize(Policy = Policies.FullPersonalData)]
public sealed class FormModel(MotCuaDb db, TimeProvider time, IConfiguration configuration, NodeRole node, IAuthorizationService authorization) : PageModel
{
    public string Number { get; private set; } = string.Empty;

    public string Kind { get; private set; } = string.Empty;

    public PrintedForm Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string number, string kind, CancellationToken ct)
    {
        var pdf = kind.EndsWith(".pdf", StringComparison.Ordinal);
        Kind = pdf ? kind[..^4] : kind;
        if (!DossierForms.Kinds.Contains(Kind) || !DossierNumber.TryParse(number, out var n))
        {
            return NotFound();
        }

        // The receipt carries the citizen's lookup secret (the key to the public lookup and the rating): only the roles
        // that receive dossiers and hand receipts over print it, and each print is audited as such.
        var receipt = Kind == "receipt";
        if (receipt && !(await authorization.AuthorizeAsync(User, Policies.ReceiveDossiers)).Succeeded)
        {
            return Forbid();
        }

        var sheet = await DossierSheetQuery.LoadAsync(n, db, time, Localization.Culture(), ct);
        var form = sheet is null ? null : DossierForms.Build(Kind, sheet, LookupUrl(sheet.Dossier, await PublicBaseAsync(ct)));
        if (sheet is null || form is null)
        {
            return NotFound();
        }

        Number = number;
        Form = form;
        db.Audit(pdf ? AuditActions.Export : AuditActions.PersonalDataRead, nameof(Dossier), sheet.Dossier.Id.ToString(), $"{number} form {Kind}{(pdf ? ".pdf" : string.Empty)}");
        if (receipt)
        {
            db.Audit(AuditActions.ReceiptPrinted, nameof(Dossier), sheet.Dossier.Id.ToString(), $"{number}{(pdf ? " (PDF)" : string.Empty)}");
        }

        await db.SaveChangesAsync(ct);
        return pdf ? File(PdfFormRenderer.Render(form), "application/pdf", $"{number}-{Kind}.pdf") : Page();
    }

    /// <summary>The address the receipt's QR code opens: the public lookup with the dossier's secret.</summary>
    private static string LookupUrl(Dossier d, string baseUrl) => $"{baseUrl}/tra-cuu/{d.Number}?secret={d.LookupSecret}";

    /// <summary>The centre's public address: configured, or (on a field kit) the one the kit brought, else this host.</summary>
    private async Task<string> PublicBaseAsync(CancellationToken ct)
    {
        if (configuration["MotCua:PublicBaseUrl"] is { Length: > 0 } configured)
        {
            return configured.TrimEnd('/');
        }

        if (node.Centre is { } centre)
        {
            var kit = await db.FieldNodeStates.AsNoTracking().Select(s => s.PublicBaseUrl).SingleOrDefaultAsync(ct);
            return (kit ?? centre.ToString()).TrimEnd('/');
        }

        return $"{Request.Scheme}://{Request.Host}";
    }
}
