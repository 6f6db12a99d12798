using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain;
using MotCua.Domain.Quality;
using MotCua.Web.Data;
using MotCua.Web.Platform;

namespace MotCua.Web.Features.Complaints;

/// <summary>A citizen sends a complaint or recommendation to a commune's centre, optionally about their dossier.</summary>
[AllowAnonymous]
[EnableRateLimiting(Hardening.PublicRateLimit)]
public sealed class FeedbackSubmitModel(MotCuaDb db, TimeProvider time, FeedbackTimeLimits limits, AnonymousFeedbackCap cap, FailureThrottle throttle) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public FeedbackRequest Input { get; set; } = new(FeedbackKind.Complaint, null, null);

    [BindProperty(SupportsGet = true, Name = "number")]
    public string? Number { get; set; }

    [BindProperty(SupportsGet = true, Name = "secret")]
    public string? Secret { get; set; }

    public IReadOnlyList<(string Province, IReadOnlyList<(string Code, string Name)> Units)> Units { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public bool NotFoundDossier { get; private set; }

    /// <summary>A rule refused the feedback (e.g. the commune's daily cap of anonymous items).</summary>
    public DomainRuleException? Refusal { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = Input with { DossierNumber = Input.DossierNumber ?? Number, DossierSecret = Input.DossierSecret ?? Secret };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var input = SubmitFeedback.Validate(Input, errors);
        if (input is null)
        {
            Errors = errors.ToDictionary();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }

        if (throttle.SecretWait(HttpContext) is { } wait)
        {
            return FailureThrottle.TooManyPage(HttpContext, wait);
        }

        Feedback? feedback;
        try
        {
            feedback = await SubmitFeedback.ExecuteAsync(input, db, time, limits, cap, ct);
        }
        catch (DomainRuleException ex)
        {
            Refusal = ex;
            Response.StatusCode = Problems.StatusOf(ex.Kind);
            await LoadAsync(ct);
            return Page();
        }

        if (feedback is null)
        {
            throttle.SecretFailed(HttpContext);
            NotFoundDossier = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
            await LoadAsync(ct);
            return Page();
        }

        return Redirect($"/phan-anh/{feedback.Code}?secret={feedback.Secret}&sent=true");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var provinces = await db.Provinces.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Name, ct);
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Name).Select(u => new { u.Code, u.Name, u.ProvinceCode }).ToListAsync(ct);
        Units = [.. units.GroupBy(u => u.ProvinceCode).OrderBy(g => g.Key)
            .Select(g => (provinces.GetValueOrDefault(g.Key, g.Key), (IReadOnlyList<(string, string)>)[.. g.Select(u => (u.Code, u.Name))]))];
    }
}
