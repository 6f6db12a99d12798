using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Resources;

namespace MotCua.Web.Features.Dossiers;

/// <summary>The dossier page: applicant, papers, scans, timeline, due date and how it was computed, and the actions allowed now.</summary>
[Authorize(Policy = Policies.ReadDossiers)]
public sealed class DetailsModel(MotCuaDb db, TimeProvider time, IAuthorizationService authorization, IStringLocalizer<Strings> t, NodeRole node) : PageModel
{
    public DossierSheet Sheet { get; private set; } = null!;

    /// <summary>The applicant as this reader may see them (masked unless their role needs the full data).</summary>
    public ApplicantView Applicant { get; private set; } = null!;

    public bool FullPersonalData => Applicant.Full;

    public IReadOnlyList<DossierAction> Actions { get; private set; } = [];

    public IReadOnlyList<(string Id, string Name, string Role)> Colleagues { get; private set; } = [];

    public string? Error { get; private set; }

    /// <summary>The citizen's rating, flagged when it was changed after it was given.</summary>
    public DossierRatingResponse? Rating { get; private set; }

    /// <summary>Whether this reader may print the receipt (it carries the citizen's lookup secret).</summary>
    public bool MayPrintReceipt { get; private set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        return await LoadAsync(number, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostActAsync(string number, DossierAction action, int version, string? reason, string? toOfficer, string? promisedAt, CancellationToken ct)
    {
        if (!DossierNumber.TryParse(number, out var n))
        {
            return NotFound();
        }

        if (!(await authorization.AuthorizeAsync(User, Policies.ProcessDossiers)).Succeeded || !DossierPermissions.May(User, action))
        {
            return Forbid();
        }

        DateTimeOffset? promised = null;
        if (!string.IsNullOrWhiteSpace(promisedAt))
        {
            if (DateOnly.TryParseExact(promisedAt, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                promised = WorkingCalendar.At(date, new TimeOnly(17, 0));
            }
        }

        try
        {
            var dossier = await TransitionDossier.ExecuteAsync(n, new DossierCommand(action, version, Actor.Of(HttpContext), reason, toOfficer, promised), node, db, time, ct);
            if (dossier is null)
            {
                return NotFound();
            }

            TempData["Notice"] = string.Format(CultureInfo.CurrentCulture, t["Details.Done"], t[$"Action.{action}"]);
            var form = FormAfter(action);
            return Redirect(form is null ? $"/dossiers/{number}" : $"/dossiers/{number}/forms/{form}");
        }
        catch (DomainRuleException ex)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(number, ct);
            Error = ex.Kind == RuleKind.Conflict ? t["Details.Conflict"] : t.Explain(ex);
            Response.StatusCode = Problems.StatusOf(ex.Kind);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(number, ct);
            Error = t["Details.Conflict"];
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
    }

    /// <summary>The form the citizen should be given after an action, if any.</summary>
    public static string? FormAfter(DossierAction action) => action switch
    {
        DossierAction.RequestSupplement => "supplement",
        DossierAction.Decline => "refusal",
        DossierAction.Apologise => "apology",
        DossierAction.Stop => "stopped",
        _ => null,
    };

    private async Task<bool> LoadAsync(string number, CancellationToken ct)
    {
        if (!DossierNumber.TryParse(number, out var n))
        {
            return false;
        }

        var read = await ReadDossier.SheetAsync(n, User, db, time, Localization.Culture(), authorization, ct);
        if (read is null)
        {
            return false;
        }

        var sheet = Sheet = read.Value;
        Applicant = read.Applicant;
        Rating = await DossierQuery.RatingAsync(sheet.Dossier.Id, db, ct);
        MayPrintReceipt = (await authorization.AuthorizeAsync(User, Policies.ReceiveDossiers)).Succeeded;
        // An apology is for a dossier that is late or due today; before that it only clutters the page.
        var badge = sheet.Badge;
        Actions = [.. DossierPermissions.AllowedFor(sheet.Dossier, User, node).Where(a => a != DossierAction.Apologise || badge is UrgencyBadge.Late or UrgencyBadge.DueToday)];
        if (Actions.Contains(DossierAction.HandOver))
        {
            var users = await db.Users.AsNoTracking().Where(u => u.UnitId == sheet.Dossier.UnitId && u.Id != sheet.Dossier.HandlerId)
                .Select(u => new { u.Id, u.FullName, Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToList() })
                .ToListAsync(ct);
            Colleagues = [.. users
                .Where(u => u.Roles.Any(r => r is Roles.Specialist or Roles.CounterOfficer or Roles.CentreLeader))
                .Select(u => (u.Id, u.FullName, u.Roles.First(r => r is Roles.Specialist or Roles.CounterOfficer or Roles.CentreLeader)!))
                .OrderBy(u => u.Item3 == Roles.Specialist ? 0 : 1).ThenBy(u => u.FullName)];
        }

        return true;
    }
}
