using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain;
using MotCua.Domain.Outreach;
using MotCua.Domain.Units;
using MotCua.Web.Data;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Resources;

namespace MotCua.Web.Features.Outreach;

/// <summary>The unit's hamlets: distance, meeting place and priority residents, entered by hand (the planner's demand).</summary>
[Authorize(Policy = Policies.ReadOutreach)]
public sealed class HamletsModel(MotCuaDb db, IAuthorizationService authorization, IStringLocalizer<Strings> t) : PageModel
{
    public IReadOnlyList<Hamlet> Hamlets { get; private set; } = [];

    public bool CanManage { get; private set; }

    public Guid? Editing { get; private set; }

    public string? Error { get; private set; }

    public sealed class HamletForm
    {
        public double DistanceKm { get; set; }

        public int TravelMinutes { get; set; }

        public int Population { get; set; }

        public string? MeetingPlace { get; set; }

        public int Elderly { get; set; }

        public int Disabled { get; set; }

        public int SocialProtection { get; set; }

        public int CashWithoutBankAccount { get; set; }

        public int PendingProcedure { get; set; }

        public int EstimatedDemand { get; set; }

        public int Version { get; set; }
    }

    public async Task OnGetAsync(Guid? edit, CancellationToken ct)
    {
        Editing = edit;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, HamletForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!(await authorization.AuthorizeAsync(User, Policies.ManageOutreach)).Succeeded)
        {
            return Forbid();
        }

        var hamlet = await db.Hamlets.SingleOrDefaultAsync(h => h.Id == id, ct);
        if (hamlet is null)
        {
            return NotFound();
        }

        try
        {
            if (hamlet.Version != form.Version)
            {
                throw new DomainRuleException("hamlet.version-conflict", t["Details.Conflict"], RuleKind.Conflict);
            }

            hamlet.UpdateProfile(form.DistanceKm, form.TravelMinutes, form.Population, form.MeetingPlace,
                new HamletPriority(form.Elderly, form.Disabled, form.SocialProtection, form.CashWithoutBankAccount, form.PendingProcedure), form.EstimatedDemand);
            await db.SaveChangesAsync(ct);
            TempData["Notice"] = string.Format(CultureInfo.CurrentCulture, t["Outreach.HamletSaved"], hamlet.Name);
            return Redirect("/outreach/hamlets");
        }
        catch (DomainRuleException ex)
        {
            db.ChangeTracker.Clear();
            Editing = id;
            Error = ex.Kind == RuleKind.Conflict ? t["Details.Conflict"] : t["Outreach.Error.Hamlet"];
            await LoadAsync(ct);
            Response.StatusCode = Problems.StatusOf(ex.Kind);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanManage = (await authorization.AuthorizeAsync(User, Policies.ManageOutreach)).Succeeded;
        Hamlets = [.. (await db.Hamlets.AsNoTracking().ToListAsync(ct)).OrderByDescending(h => h.DistanceKm)];
    }
}
