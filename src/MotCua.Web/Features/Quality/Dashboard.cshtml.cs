using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Domain.Quality;
using MotCua.Web.Data;
using MotCua.Web.Data.Audit;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Features.Quality;

/// <summary>
/// One commune's Index 766 now: the score and band, its place in the province, the trend by month, every group with its
/// formula and numbers, links to the dossiers and feedback behind each number, Excel export and a print view.
/// </summary>
[Authorize(Policy = QualityPolicies.ReadIndex)]
public sealed class DashboardModel(MotCuaDb db, TimeProvider time, QualitySettings settings) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true, Name = "period")]
    public string? PeriodCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public QualityPeriod Period { get; private set; }

    public QualityIndexQuery.UnitIndex Index { get; private set; } = null!;

    public UnitRank? Rank { get; private set; }

    public IReadOnlyList<QualityIndexQuery.TrendPoint> Trend { get; private set; } = [];

    public IReadOnlyList<QualityIndexQuery.UnitInfo> Units { get; private set; } = [];

    public IReadOnlyList<QualityPeriod> PeriodChoices { get; private set; } = [];

    public bool MayRank => User.IsInRole(Roles.ProvinceViewer) || User.IsInRole(Roles.Administrator);

    public bool MayDrill => User.IsInRole(Roles.CentreLeader) || User.IsInRole(Roles.ProvinceViewer);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await LoadAsync(ct);
        return result ?? Page();
    }

    /// <summary>The same figures as an Excel workbook (audited as an export).</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var result = await LoadAsync(ct);
        if (result is not null)
        {
            return result;
        }

        db.Audit(AuditActions.Export, "QualityIndex", Index.Unit.Code, $"{Period.Code} xlsx");
        await db.SaveChangesAsync(ct);
        var bytes = QualityExcel.Index(Index, Rank, Trend, Localization.Culture());
        return File(bytes, QualityExcel.ContentType, $"chi-so-766-{Index.Unit.Code}-{Period.Code}.xlsx");
    }

    /// <summary>This page's address for another period or unit.</summary>
    public string Link(string? unit = null, QualityPeriod? period = null, string? handler = null) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/quality", new Dictionary<string, string?>
        {
            ["unit"] = unit ?? Index.Unit.Code,
            ["period"] = (period ?? Period).Code,
            ["handler"] = handler,
        }.Where(kv => kv.Value is not null));

    public string DrillLink(string what) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/quality/drill", new Dictionary<string, string?>
        {
            ["unit"] = Index.Unit.Code,
            ["period"] = Period.Code,
            ["what"] = what,
        });

    public static string Points(decimal? value) => value is { } v ? v.ToString("0.00", CultureInfo.CurrentCulture) : "—";

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (!TryPeriod(PeriodCode, From, To, now, out var period))
        {
            return BadRequest();
        }

        Period = period;
        var code = string.IsNullOrWhiteSpace(Unit) ? User.UnitCodeOf() : Unit.Trim();
        if (code is null)
        {
            // A province viewer or an administrator starts from the province's ranking.
            return Redirect($"/quality/ranking?period={Period.Code}");
        }

        var unit = code.Length <= 32 ? await QualityIndexQuery.UnitAsync(db, code, ct) : null;
        if (unit is null || !QualityAccess.MayReadUnit(User, unit))
        {
            return NotFound();
        }

        var ranking = await QualityIndexQuery.RankingAsync(db, settings, unit.ProvinceCode, Period, now, ct);
        var row = ranking.Single(r => r.Unit.Id == unit.Id);
        Index = row.Index;
        Rank = row.Rank;
        Trend = await QualityIndexQuery.TrendAsync(db, settings, unit, Period.To < Domain.Calendar.WorkingCalendar.LocalDate(now) ? Period.To : Domain.Calendar.WorkingCalendar.LocalDate(now), 12, now, ct);
        Units = User.IsInRole(Roles.CentreLeader) && !User.IsInRole(Roles.ProvinceViewer) ? [unit] : [.. ranking.Select(r => r.Unit).OrderBy(u => u.Name, StringComparer.CurrentCulture)];
        PeriodChoices = Choices(now);
        return null;
    }

    /// <summary>The period from "period" (2026-03, 2026-Q1, 2026, or from_to) or from/to, defaulting to this month.</summary>
    public static bool TryPeriod(string? code, string? from, string? to, DateTimeOffset now, out QualityPeriod period)
    {
        period = QualityPeriod.MonthOf(now);
        if (!string.IsNullOrWhiteSpace(from) || !string.IsNullOrWhiteSpace(to))
        {
            return QueryValues.TryParseDate(from, out var f) && QueryValues.TryParseDate(to, out var t) && QualityPeriod.TryCreate(f, t, out period);
        }

        return string.IsNullOrWhiteSpace(code) || QualityPeriod.TryParse(code, out period);
    }

    /// <summary>The last 12 months, the last 4 quarters, this year and last year.</summary>
    public static IReadOnlyList<QualityPeriod> Choices(DateTimeOffset now)
    {
        var today = Domain.Calendar.WorkingCalendar.LocalDate(now);
        var list = new List<QualityPeriod>();
        for (var i = 0; i < 12; i++)
        {
            var m = new DateOnly(today.Year, today.Month, 1).AddMonths(-i);
            list.Add(QualityPeriod.Month(m.Year, m.Month));
        }

        for (var i = 0; i < 4; i++)
        {
            var q = new DateOnly(today.Year, (((today.Month - 1) / 3) * 3) + 1, 1).AddMonths(-3 * i);
            list.Add(QualityPeriod.Quarter(q.Year, ((q.Month - 1) / 3) + 1));
        }

        list.Add(QualityPeriod.Year(today.Year));
        list.Add(QualityPeriod.Year(today.Year - 1));
        return list;
    }
}
