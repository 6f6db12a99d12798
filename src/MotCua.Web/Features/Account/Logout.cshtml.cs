using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Data;
using MotCua.Web.Data.Identity;

namespace MotCua.Web.Features.Account;

public sealed class LogoutModel(SignInManager<StaffUser> signIn, MotCuaDb db, TimeProvider time) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await EndSession.ExecuteAsync(HttpContext, signIn, db, time, "page", ct);
        return Redirect("/login");
    }
}
