using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Data.Catalog;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Features.Dossiers;

[Authorize(Policy = Policies.ReadDossiers)]
public sealed class IndexModel(MotCuaDb db, TimeProvider time, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool? Mine { get; set; }

    [BindProperty(SupportsGet = true)]
    public QueueFocus Focus { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Procedure { get; set; }

    [BindProperty(SupportsGet = true)]
    public Channel? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public DossierStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Hamlet { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public bool CanHaveOwn { get; private set; }

    public WorkQueueQuery.Result Result { get; private set; } = null!;

    public IReadOnlyList<(string Code, string Name)> Procedures { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Hamlets { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var culture = Localization.Culture();
        CanHaveOwn = !User.IsInRole(Roles.ProvinceViewer);
        Mine = CanHaveOwn && (Mine ?? (User.IsInRole(Roles.Specialist) && !User.IsInRole(Roles.CentreLeader)));
        if (Q?.Length > 100)
        {
            Q = Q[..100];
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        Result = await WorkQueueQuery.LoadAsync(
            new WorkQueueQuery.Filter(userId, Mine.Value, !All, Procedure, Channel, Status, Hamlet, Q, Focus, PageNumber,
                SearchNames: (await authorization.AuthorizeAsync(User, Policies.FullPersonalData)).Succeeded), db, time, culture, ct);
        Procedures = await ProcedureNames.AllAsync(db, culture, ct);
        Hamlets = [.. (await db.Hamlets.AsNoTracking().OrderBy(h => h.Name).Select(h => new { h.Id, h.Name }).ToListAsync(ct)).Select(h => (h.Id, h.Name))];
    }

    /// <summary>This page's address with some filters changed.</summary>
    public string LinkWith(object changes)
    {
        var values = new Dictionary<string, string?>
        {
            ["mine"] = Mine == true ? "true" : "false",
            ["focus"] = Focus.ToString(),
            ["procedure"] = Procedure,
            ["channel"] = Channel?.ToString(),
            ["status"] = Status?.ToString(),
            ["hamlet"] = Hamlet?.ToString(),
            ["all"] = All ? "true" : null,
            ["q"] = Q,
            ["page"] = PageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var p in changes.GetType().GetProperties())
        {
            values[p.Name] = p.GetValue(changes) switch
            {
                bool b => b ? "true" : "false",
                var v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
            };
        }

        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/dossiers", values.Where(kv => !string.IsNullOrEmpty(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value));
    }
}
