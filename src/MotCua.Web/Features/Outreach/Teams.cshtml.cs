using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain;
using MotCua.Domain.Outreach;
using MotCua.Web.Data;
using MotCua.Web.Data.Catalog;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Resources;

namespace MotCua.Web.Features.Outreach;

/// <summary>Mobile teams: members (staff accounts), what each can receive, when they cannot go, and the team's equipment.</summary>
[Authorize(Policy = Policies.ReadOutreach)]
public sealed class TeamsModel(MotCuaDb db, IAuthorizationService authorization, IStringLocalizer<Strings> t) : PageModel
{
    public IReadOnlyList<Team> Teams { get; private set; } = [];

    public IReadOnlyList<(string Id, string Name)> Staff { get; private set; } = [];

    public IReadOnlyList<(string Code, string Name)> Procedures { get; private set; } = [];

    public bool CanManage { get; private set; }

    public Guid? Editing { get; private set; }

    public string? Error { get; private set; }

    public sealed class TeamForm
    {
        public string? Name { get; set; }

        public int CrewSize { get; set; } = 3;

        public List<Equipment> Equipment { get; set; } = [];

        public List<string> Members { get; set; } = [];

        /// <summary>Per member id: dates they cannot go, "dd/MM/yyyy, dd/MM/yyyy".</summary>
        public Dictionary<string, string> Unavailable { get; set; } = [];

        /// <summary>Per member id: procedure codes they can receive.</summary>
        public Dictionary<string, List<string>> Skills { get; set; } = [];

        public int Version { get; set; }
    }

    public string Name(string id) => Staff.FirstOrDefault(s => s.Id == id).Name ?? id;

    public async Task OnGetAsync(Guid? edit, CancellationToken ct)
    {
        Editing = edit;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, TeamForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!(await authorization.AuthorizeAsync(User, Policies.ManageOutreach)).Succeeded)
        {
            return Forbid();
        }

        await LoadAsync(ct);
        try
        {
            var members = form.Members.Where(m => Staff.Any(s => s.Id == m)).Select(m => new TeamMember(m,
                form.Skills.GetValueOrDefault(m) ?? [],
                ParseDates(form.Unavailable.GetValueOrDefault(m)))).ToList();
            var equipment = form.Equipment.Aggregate(Equipment.None, (a, e) => a | e);
            if (id is { } teamId)
            {
                var team = await db.Teams.SingleOrDefaultAsync(x => x.Id == teamId, ct);
                if (team is null)
                {
                    return NotFound();
                }

                if (team.Version != form.Version)
                {
                    throw new DomainRuleException("team.version-conflict", "changed", RuleKind.Conflict);
                }

                team.Update(form.Name ?? string.Empty, form.CrewSize, equipment, members);
            }
            else
            {
                db.Teams.Add(new Team(User.UnitId()!.Value, form.Name ?? string.Empty, form.CrewSize, equipment, members));
            }

            await db.SaveChangesAsync(ct);
            TempData["Notice"] = string.Format(CultureInfo.CurrentCulture, t["Outreach.TeamSaved"], form.Name);
            return Redirect("/outreach/teams");
        }
        catch (DomainRuleException ex)
        {
            db.ChangeTracker.Clear();
            Editing = id;
            Error = ex.Kind == RuleKind.Conflict ? t["Details.Conflict"] : t.Explain(ex);
            Response.StatusCode = Problems.StatusOf(ex.Kind);
            return Page();
        }
    }

    private static List<DateOnly> ParseDates(string? text)
    {
        var dates = new List<DateOnly>();
        foreach (var part in (text ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!DateOnly.TryParseExact(part, ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                throw new DomainRuleException("team.date-invalid", $"'{part}' is not a date (dd/MM/yyyy).", RuleKind.Invalid);
            }

            dates.Add(d);
        }

        return dates;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanManage = (await authorization.AuthorizeAsync(User, Policies.ManageOutreach)).Succeeded;
        Teams = [.. await db.Teams.AsNoTracking().OrderBy(x => x.Name).ToListAsync(ct)];
        var unitIds = Teams.Select(x => x.UnitId).Append(User.UnitId() ?? Guid.Empty).Distinct().ToList();
        Staff = [.. (await db.Users.AsNoTracking().Where(u => u.UnitId != null && unitIds.Contains(u.UnitId.Value)).OrderBy(u => u.FullName).Select(u => new { u.Id, u.FullName }).ToListAsync(ct)).Select(u => (u.Id, u.FullName))];
        var culture = Platform.Localization.Culture();
        Procedures = await ProcedureNames.AllAsync(db, culture, ct);
    }
}
