using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Domain.Quality;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Complaints;

/// <summary>The unit's complaints and recommendations, open and most urgent first.</summary>
[Authorize(Policy = FeedbackPolicies.Read)]
public sealed class FeedbackListModel(MotCuaDb db, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public FeedbackStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public FeedbackPage Result { get; private set; } = null!;

    public int Overdue { get; private set; }

    public int Open { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        Result = await FeedbackQuery.ListAsync(new FeedbackQuery.Filter(Status, Open: All || Status is not null ? null : true, Page: PageNumber, PageSize: PageSize), db, time, ct);
        Open = (await FeedbackQuery.ListAsync(new FeedbackQuery.Filter(Open: true, PageSize: 1), db, time, ct)).Total;
        Overdue = (await FeedbackQuery.ListAsync(new FeedbackQuery.Filter(Overdue: true, PageSize: 1), db, time, ct)).Total;
    }
}
