using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Data.Audit;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Features.Quality;

/// <summary>Every commune of a province ranked by Index 766, sortable by any column, with a chart, Excel export and a print view.</summary>
[Authorize(Policy = QualityPolicies.ReadRanking)]
public sealed class RankingModel(MotCuaDb db, TimeProvider time, QualitySettings settings) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Province { get; set; }

    [BindProperty(SupportsGet = true, Name = "period")]
    public string? PeriodCode { get; set; }

    /// <summary>rank (default), name, total, or a group key.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    public string ProvinceCode { get; private set; } = string.Empty;

    public string ProvinceName { get; private set; } = string.Empty;

    public QualityPeriod Period { get; private set; }

    public IReadOnlyList<QualityIndexQuery.RankingRow> Rows { get; private set; } = [];

    public IReadOnlyList<(string Code, string Name)> Provinces { get; private set; } = [];

    public IReadOnlyList<QualityPeriod> PeriodChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var result = await LoadAsync(ct);
        if (result is not null)
        {
            return result;
        }

        db.Audit(AuditActions.Export, "QualityRanking", ProvinceCode, $"{Period.Code} xlsx");
        await db.SaveChangesAsync(ct);
        return File(QualityExcel.Ranking(ProvinceName, Period, Rows, Localization.Culture()), QualityExcel.ContentType, $"xep-hang-766-{ProvinceCode}-{Period.Code}.xlsx");
    }

    /// <summary>This page's address with another sort (clicking the sorted column again reverses it).</summary>
    public string SortLink(string key) => Link(key, key == (Sort ?? "rank") ? !Desc : key is "total" || !(key is "rank" or "name"));

    public string Link(string? sort = null, bool? desc = null, string? handler = null) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/quality/ranking", new Dictionary<string, string?>
        {
            ["province"] = ProvinceCode,
            ["period"] = Period.Code,
            ["sort"] = sort ?? Sort,
            ["desc"] = (desc ?? Desc) ? "true" : null,
            ["handler"] = handler,
        }.Where(kv => kv.Value is not null));

    public string? AriaSort(string key) => key == (Sort ?? "rank") ? (Desc ? "descending" : "ascending") : null;

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (!DashboardModel.TryPeriod(PeriodCode, null, null, now, out var period))
        {
            return BadRequest();
        }

        Period = period;
        var code = string.IsNullOrWhiteSpace(Province) ? QualityAccess.DefaultProvince(User) : Province.Trim();
        if (User.IsInRole(Roles.Administrator))
        {
            Provinces = [.. (await db.Provinces.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct)).Select(p => (p.Code, p.Name))];
            code ??= Provinces.Count > 0 ? Provinces[0].Code : null;
        }

        var province = code is { Length: <= 32 } ? await db.Provinces.AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, ct) : null;
        if (province is null || !QualityAccess.MayReadProvince(User, province.Code))
        {
            return NotFound();
        }

        ProvinceCode = province.Code;
        ProvinceName = province.Name;
        var rows = await QualityIndexQuery.RankingAsync(db, settings, province.Code, Period, now, ct);
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        IEnumerable<QualityIndexQuery.RankingRow> sorted = (Sort ?? "rank") switch
        {
            "name" => rows.OrderBy(r => r.Unit.Name, StringComparer.Create(culture, false)),
            "total" => rows.OrderBy(r => r.Rank.Total).ThenBy(r => r.Unit.Code, StringComparer.Ordinal),
            "rank" => rows,
            var g when rows.Count > 0 && rows[0].Rank.GroupScores.ContainsKey(g) => rows.OrderBy(r => r.Rank.GroupScores[g]).ThenBy(r => r.Rank.Rank),
            _ => rows,
        };
        Rows = Desc ? [.. sorted.Reverse()] : [.. sorted];
        PeriodChoices = DashboardModel.Choices(now);
        return null;
    }
}
