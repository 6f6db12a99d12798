using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Quality;
using MotCua.Web.Data;
using MotCua.Web.Data.Quality;
using MotCua.Web.Platform;
using MotCua.Web.Resources;

namespace MotCua.Web.Features.Quality;

/// <summary>An administrator enters, month by month, the indicators measured outside MotCua (national portal, province systems).</summary>
[Authorize(Policy = QualityPolicies.Configure)]
public sealed class ExternalsModel(MotCuaDb db, TimeProvider time, QualitySettings settings, IStringLocalizer<Strings> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Province { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    public IReadOnlyList<IndicatorDefinition> Indicators { get; private set; } = [];

    public IReadOnlyList<(string Code, string Name, string Province)> Units { get; private set; } = [];

    public IReadOnlyList<(string Code, string Name)> Provinces { get; private set; } = [];

    public IReadOnlyDictionary<string, QualityExternalValue> Current { get; private set; } = new Dictionary<string, QualityExternalValue>();

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var form = Request.Form;
        var values = new List<ExternalValueItem>();
        foreach (var indicator in settings.Definition.Groups.SelectMany(g => g.Indicators).Where(i => i.Kind == IndicatorKind.External))
        {
            var text = form[$"value-{indicator.Key}"].ToString().Trim().Replace(',', '.');
            decimal? value = null;
            if (text.Length > 0)
            {
                if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var v))
                {
                    Errors = new Dictionary<string, string[]> { [indicator.Key] = [t["Externals.NotANumber"]] };
                    await LoadAsync(ct);
                    Response.StatusCode = StatusCodes.Status400BadRequest;
                    return Page();
                }

                value = v;
            }

            var kind = EnumText.TryParse<ExternalValueKind>(form[$"kind-{indicator.Key}"], out var k) ? k : ExternalValueKind.Percent;
            values.Add(new ExternalValueItem(indicator.Key, kind, value, form[$"source-{indicator.Key}"].ToString()));
        }

        var scope = form["scope"].ToString();
        var request = scope.StartsWith("province:", StringComparison.Ordinal)
            ? new ExternalValuesRequest(null, scope["province:".Length..], Month, values)
            : new ExternalValuesRequest(scope.StartsWith("unit:", StringComparison.Ordinal) ? scope["unit:".Length..] : Unit, null, Month, values);
        var errors = new ValidationErrors();
        var input = SetExternalValues.Validate(request, settings.Definition, errors);
        if (input is null || await SetExternalValues.ExecuteAsync(input, Actor.Of(HttpContext), db, time, ct) is null)
        {
            Errors = input is null ? errors.ToDictionary() : new Dictionary<string, string[]> { ["unit"] = [t["Externals.NoSuchScope"]] };
            Unit = request.Unit;
            Province = request.Province;
            await LoadAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Notice"] = t["Externals.Saved"].Value;
        return Redirect(request.Unit is not null ? $"/quality/externals?unit={request.Unit}&month={Month}" : $"/quality/externals?province={request.Province}&month={Month}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (!QualityPeriod.TryParse(Month, out var month) || month.Kind != PeriodKind.Month)
        {
            month = QualityPeriod.MonthOf(now);
        }

        Month = month.From.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Indicators = [.. settings.Definition.Groups.SelectMany(g => g.Indicators).Where(i => i.Kind == IndicatorKind.External)];
        Units = [.. (await db.Units.AsNoTracking().OrderBy(u => u.ProvinceCode).ThenBy(u => u.Name).ToListAsync(ct)).Select(u => (u.Code, u.Name, u.ProvinceCode))];
        Provinces = [.. (await db.Provinces.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct)).Select(p => (p.Code, p.Name))];
        if (string.IsNullOrWhiteSpace(Unit) && string.IsNullOrWhiteSpace(Province))
        {
            Province = Provinces.Count > 0 ? Provinces[0].Code : null;
        }

        // For a province, the values shown are those of its first commune (they are set for all at once).
        var code = !string.IsNullOrWhiteSpace(Unit) ? Unit : Units.FirstOrDefault(u => u.Province == Province).Code;
        var monthStart = month.From;
        Current = await (from v in db.QualityExternalValues.AsNoTracking()
                         join u in db.Units.AsNoTracking() on v.UnitId equals u.Id
                         where u.Code == code && v.Month == monthStart
                         select v).ToDictionaryAsync(v => v.IndicatorKey, ct);
    }
}
