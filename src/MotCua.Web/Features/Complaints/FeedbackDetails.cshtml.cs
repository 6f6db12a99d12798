using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain;
using MotCua.Domain.Quality;
using MotCua.Web.Data;
using MotCua.Web.Platform;
using MotCua.Web.Resources;

namespace MotCua.Web.Features.Complaints;

/// <summary>One complaint or recommendation: what was sent, its due date, its history, and the actions staff may take now.</summary>
[Authorize(Policy = FeedbackPolicies.Read)]
public sealed class FeedbackDetailsModel(MotCuaDb db, TimeProvider time, FeedbackTimeLimits limits, IAuthorizationService authorization, IStringLocalizer<Strings> t) : PageModel
{
    public FeedbackResponse Item { get; private set; } = null!;

    public bool MayHandle { get; private set; }

    public IReadOnlyList<(string Id, string Name)> Officers { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Actors { get; private set; } = new Dictionary<string, string>();

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        return await LoadAsync(code, ct) is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, FeedbackAction action, int version, string? text, FeedbackKind? kind, FeedbackCategory? category, string? assignee, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, FeedbackPolicies.Handle)).Succeeded)
        {
            return Forbid();
        }

        try
        {
            var done = await HandleFeedback.ExecuteAsync(code, new FeedbackCommand(action, version, Actor.Of(HttpContext), text, kind, category, assignee), db, time, limits, ct);
            if (done is null)
            {
                return NotFound();
            }

            TempData["Notice"] = string.Format(CultureInfo.CurrentCulture, t["Details.Done"], t[$"Feedback.Action.{action}"]);
            return Redirect($"/feedback/{code}");
        }
        catch (Exception ex) when (ex is DomainRuleException or DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            if (await LoadAsync(code, ct) is null)
            {
                return NotFound();
            }

            var rule = ex as DomainRuleException;
            Error = rule is null || rule.Kind == RuleKind.Conflict ? t["Details.Conflict"] : t.Explain(rule);
            Response.StatusCode = Problems.StatusOf(rule?.Kind ?? RuleKind.Conflict);
            return Page();
        }
    }

    private async Task<Feedback?> LoadAsync(string code, CancellationToken ct)
    {
        var read = await ReadFeedback.ExecuteAsync(code, User, db, time, authorization, ct);
        if (read is null)
        {
            return null;
        }

        var feedback = read.Feedback;
        MayHandle = read.MayHandle;
        Item = read.Response;
        var users = await db.Users.AsNoTracking().Where(u => u.UnitId == feedback.UnitId).OrderBy(u => u.FullName).Select(u => new { u.Id, u.FullName }).ToListAsync(ct);
        Officers = [.. users.Select(u => (u.Id, u.FullName))];
        Actors = users.ToDictionary(u => u.Id, u => u.FullName);
        return feedback;
    }
}
