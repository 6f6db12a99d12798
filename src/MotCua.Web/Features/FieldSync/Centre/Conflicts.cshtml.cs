using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Domain;
using MotCua.Web.Data;
using MotCua.Web.Data.FieldSync;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Resources;

namespace MotCua.Web.Features.FieldSync.Centre;

/// <summary>A leader's list of dossiers changed both at the centre and in the field: both sides, and the choice.</summary>
[Authorize(Policy = Policies.ResolveSyncConflicts)]
public sealed class ConflictsModel(MotCuaDb db, TimeProvider time, IStringLocalizer<Strings> t) : PageModel
{
    public IReadOnlyList<SyncConflictResponse> Open { get; private set; } = [];

    public IReadOnlyList<SyncConflictResponse> Resolved { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(Guid id, ConflictResolution resolution, string? note, int? version, CancellationToken ct)
    {
        try
        {
            var conflict = await ResolveSyncConflict.ExecuteAsync(id, resolution, note, version, Actor.Of(HttpContext), db, time, ct);
            if (conflict is null)
            {
                return NotFound();
            }
        }
        catch (DomainRuleException ex)
        {
            Error = t.Explain(ex);
            db.ChangeTracker.Clear();
            await LoadAsync(ct);
            return Page();
        }

        TempData["Notice"] = t[resolution == ConflictResolution.Applied ? "Field.ConflictApplied" : "Field.ConflictKept"].Value;
        return Redirect("/field/conflicts");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Open = await ResolveSyncConflict.ListAsync(true, db, ct);
        Resolved = [.. (await ResolveSyncConflict.ListAsync(false, db, ct)).OrderByDescending(c => c.ResolvedAt).Take(20)];
    }
}
