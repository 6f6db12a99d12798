using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Calendar;
using MotCua.Domain.Outreach;
using MotCua.Web.Data;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Resources;

namespace MotCua.Web.Features.Outreach;

/// <summary>The unit's outreach campaigns, and a form to start one.</summary>
[Authorize(Policy = Policies.ReadOutreach)]
public sealed class IndexModel(MotCuaDb db, TimeProvider time, IAuthorizationService authorization, IStringLocalizer<Strings> t) : PageModel
{
    public IReadOnlyList<Campaign> Campaigns { get; private set; } = [];

    public IReadOnlyList<(string Code, string Name)> Procedures { get; private set; } = [];

    public bool CanManage { get; private set; }

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    [BindProperty]
    public NewCampaign Input { get; set; } = new();

    public sealed class NewCampaign
    {
        public string? Name { get; set; }

        public string? From { get; set; }

        public string? To { get; set; }

        public List<DayOfWeek> Days { get; set; } = [DayOfWeek.Saturday];

        public List<SessionSlot> Slots { get; set; } = [SessionSlot.Morning, SessionSlot.Afternoon];

        public List<string> Procedures { get; set; } = [];

        public int MinutesPerCase { get; set; } = 30;

        public int CapacityPerSession { get; set; } = 30;

        public int Target { get; set; }

        public int MaxDaysPerMember { get; set; } = 4;

        public int MaxTravelMinutes { get; set; } = 30;
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!CanManage)
        {
            return Forbid();
        }

        var errors = new ValidationErrors();
        var request = new CreateCampaignRequest(Input.Name,
            QueryValues.TryParseDate(Input.From, out var from) ? from : null,
            QueryValues.TryParseDate(Input.To, out var to) ? to : null,
            Input.Days, Input.Slots, Input.Procedures, Input.MinutesPerCase, Input.CapacityPerSession, Input.Target, Input.MaxDaysPerMember, Input.MaxTravelMinutes);
        var settings = OutreachApi.Validate(request, errors);
        if (settings is null)
        {
            foreach (var (field, messages) in errors.ToDictionary())
            {
                Errors[field] = messages[0];
            }

            return Page();
        }

        var campaign = new Campaign(User.UnitId()!.Value, settings);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        TempData["Notice"] = string.Format(CultureInfo.CurrentCulture, t["Outreach.Created"], settings.Name);
        return Redirect($"/outreach/{campaign.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var culture = Localization.Culture();
        CanManage = (await authorization.AuthorizeAsync(User, Policies.ManageOutreach)).Succeeded;
        Campaigns = [.. (await db.Campaigns.AsNoTracking().ToListAsync(ct)).OrderByDescending(c => c.Settings.From)];
        Procedures = [.. (await db.Procedures.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct))
            .Where(p => p.VersionOn(WorkingCalendar.LocalDate(time.GetUtcNow()))?.Allows(Domain.Catalog.Channel.Outreach) == true)
            .Select(p => (p.Code, p.Name.For(culture)))];
    }
}
