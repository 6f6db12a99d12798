using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Features.Home;

/// <summary>Sends each role to where its work is.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet()
    {
        if (User.IsInRole(Roles.Administrator))
        {
            return Redirect("/admin/audit");
        }

        if (User.IsInRole(Roles.CounterOfficer) || User.IsInRole(Roles.FieldAgent))
        {
            return Redirect("/intake");
        }

        return Redirect("/dossiers");
    }
}
