using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Data;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Features.Admin;

/// <summary>Administrators browse and filter the audit trail (read-only: nothing here changes it).</summary>
[Authorize(Policy = Policies.ReadAudit)]
public sealed class AuditModel(MotCuaDb db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ActionPrefix { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Key { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public AuditPage Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        DateOnly? from = QueryValues.TryParseDate(From, out var f) ? f : null;
        DateOnly? to = QueryValues.TryParseDate(To, out var t) ? t : null;
        static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim()[..Math.Min(128, s.Trim().Length)];
        Result = await AuditApi.QueryAsync(new AuditApi.Filter(from, to, Trim(Actor), Trim(ActionPrefix), null, Trim(Key), Math.Max(1, PageNumber), PageSize), db, ct);
    }
}
