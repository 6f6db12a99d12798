using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Data.Quality;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Features.Quality;

/// <summary>Index 766 for a unit and a period, the province ranking, the monthly trend, and the values configured for indicators measured elsewhere.</summary>
public static class QualityApi
{
    public static RouteGroupBuilder MapQualityApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/quality").WithTags("Quality");
        group.MapGet("/index", IndexAsync).WithName("QualityIndex")
            .WithSummary("A unit's Index 766 for a period (from/to: local dates, default this month): every group with max, score, numerator, denominator and formula.")
            .Produces<QualityIndexResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(QualityPolicies.ReadIndex);
        group.MapGet("/ranking", RankingAsync).WithName("QualityRanking")
            .WithSummary("Every commune of a province ranked by total for a period: rank, total, groups, band.")
            .Produces<RankingResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(QualityPolicies.ReadRanking);
        group.MapGet("/trend", TrendAsync).WithName("QualityTrend")
            .WithSummary("A unit's total and groups month by month (months: 1–36, default 12).")
            .Produces<TrendResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(QualityPolicies.ReadIndex);
        group.MapGet("/externals", ListExternalsAsync).WithName("ListExternalValues")
            .WithSummary("Values configured for indicators measured outside MotCua, for a unit (or province) and month.")
            .Produces<IReadOnlyList<ExternalValueResponse>>().ProducesValidationProblem()
            .RequireAuthorization(QualityPolicies.Configure);
        group.MapPut("/externals", SetExternalsAsync).WithName("SetExternalValues")
            .WithSummary("Sets (or with value null removes) values of indicators measured outside MotCua for one commune or every commune of a province, for a month.")
            .Produces<IReadOnlyList<ExternalValueResponse>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(QualityPolicies.Configure);
        return group;
    }

    /// <summary>from/to as local dates (yyyy-MM-dd), defaulting to the month of now.</summary>
    public static QualityPeriod? ParsePeriod(string? from, string? to, DateTimeOffset now, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var month = QualityPeriod.MonthOf(now);
        DateOnly f = month.From, t = month.To;
        if (!string.IsNullOrWhiteSpace(from) && !QueryValues.TryParseDate(from, out f))
        {
            errors.Add("from", "from is a date, yyyy-MM-dd.");
        }

        if (!string.IsNullOrWhiteSpace(to) && !QueryValues.TryParseDate(to, out t))
        {
            errors.Add("to", "to is a date, yyyy-MM-dd.");
        }

        if (errors.Any)
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to))
        {
            t = f.AddMonths(1).AddDays(-1);
        }

        if (!QualityPeriod.TryCreate(f, t, out var period))
        {
            errors.Add("to", $"to is on or after from, at most {QualityPeriod.MaxDays} days later.");
            return null;
        }

        return period;
    }

    private static async Task<IResult> IndexAsync(string? unit, string? from, string? to, MotCuaDb db, TimeProvider time, QualitySettings settings, HttpContext http, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var errors = new ValidationErrors();
        var period = ParsePeriod(from, to, now, errors);
        var code = string.IsNullOrWhiteSpace(unit) ? http.User.UnitCodeOf() : unit.Trim();
        if (code is null)
        {
            errors.Add("unit", "Give the commune's code.");
        }

        if (errors.Any)
        {
            return errors.ToResult();
        }

        var info = code!.Length <= 32 ? await QualityIndexQuery.UnitAsync(db, code, ct) : null;
        if (info is null || !QualityAccess.MayReadUnit(http.User, info))
        {
            return Problems.NotFound($"No commune you may see has the code '{code}'.");
        }

        var index = await QualityIndexQuery.ForUnitAsync(db, settings, info, period!.Value, now, ct);
        var ranking = await QualityIndexQuery.RankingAsync(db, settings, info.ProvinceCode, period.Value, now, ct);
        var rank = ranking.FirstOrDefault(r => r.Unit.Id == info.Id)?.Rank;
        return TypedResults.Ok(QualityResponses.Index(index, Localization.Culture(http), rank));
    }

    private static async Task<IResult> RankingAsync(string? province, string? from, string? to, MotCuaDb db, TimeProvider time, QualitySettings settings, HttpContext http, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var errors = new ValidationErrors();
        var period = ParsePeriod(from, to, now, errors);
        var code = string.IsNullOrWhiteSpace(province) ? QualityAccess.DefaultProvince(http.User) : province.Trim();
        if (code is null)
        {
            errors.Add("province", "Give the province's code.");
        }

        if (errors.Any)
        {
            return errors.ToResult();
        }

        if (code!.Length > 32 || !QualityAccess.MayReadProvince(http.User, code) || !await db.Provinces.AnyAsync(p => p.Code == code, ct))
        {
            return Problems.NotFound($"No province you may see has the code '{code}'.");
        }

        var rows = await QualityIndexQuery.RankingAsync(db, settings, code, period!.Value, now, ct);
        var culture = Localization.Culture(http);
        return TypedResults.Ok(new RankingResponse(code, period.Value.From, period.Value.To, Domain.Calendar.WorkingCalendar.ToLocal(now), [.. rows.Select(r => QualityResponses.Ranking(r, culture))]));
    }

    private static async Task<IResult> TrendAsync(string? unit, int? months, MotCuaDb db, TimeProvider time, QualitySettings settings, HttpContext http, CancellationToken ct)
    {
        if (months is < 1 or > 36)
        {
            return Problems.Invalid("months", "months is 1–36.");
        }

        var code = string.IsNullOrWhiteSpace(unit) ? http.User.UnitCodeOf() : unit.Trim();
        if (code is null)
        {
            return Problems.Invalid("unit", "Give the commune's code.");
        }

        var info = code.Length <= 32 ? await QualityIndexQuery.UnitAsync(db, code, ct) : null;
        if (info is null || !QualityAccess.MayReadUnit(http.User, info))
        {
            return Problems.NotFound($"No commune you may see has the code '{code}'.");
        }

        var now = time.GetUtcNow();
        var points = await QualityIndexQuery.TrendAsync(db, settings, info, QualityPeriod.MonthOf(now).From, months ?? 12, now, ct);
        return TypedResults.Ok(new TrendResponse(info.Code, [.. points.Select(p => new TrendItem(p.Month.Code, p.Total, p.MeasuredMax, p.Percent, p.Groups))]));
    }

    private static async Task<IResult> ListExternalsAsync(string? unit, string? province, string? month, MotCuaDb db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (!QualityPeriod.TryParse(month, out var m) || m.Kind != PeriodKind.Month)
        {
            errors.Add("month", "The month is yyyy-MM.");
        }

        if (string.IsNullOrWhiteSpace(unit) == string.IsNullOrWhiteSpace(province) || unit?.Length > 32 || province?.Length > 32)
        {
            errors.Add("unit", "Give either a commune (unit) or a province.");
        }

        if (errors.Any)
        {
            return errors.ToResult();
        }

        var values = await (from v in db.QualityExternalValues.AsNoTracking()
                            join u in db.Units.AsNoTracking() on v.UnitId equals u.Id
                            where v.Month == m.From && (unit != null ? u.Code == unit.Trim() : u.ProvinceCode == province!.Trim())
                            orderby u.Code, v.IndicatorKey
                            select new { u.Code, v })
            .ToListAsync(ct);
        return TypedResults.Ok(values.Select(x => Response(x.Code, x.v)).ToList());
    }

    private static async Task<IResult> SetExternalsAsync([FromBody] ExternalValuesRequest? request, MotCuaDb db, TimeProvider time, QualitySettings settings, HttpContext http, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var input = SetExternalValues.Validate(request, settings.Definition, errors);
        if (input is null)
        {
            return errors.ToResult();
        }

        var stored = await SetExternalValues.ExecuteAsync(input, Actor.Of(http), db, time, ct);
        if (stored is null)
        {
            return Problems.NotFound("No commune or province has that code.");
        }

        var codes = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Code, ct);
        return TypedResults.Ok(stored.OrderBy(v => codes[v.UnitId], StringComparer.Ordinal).ThenBy(v => v.IndicatorKey, StringComparer.Ordinal).Select(v => Response(codes[v.UnitId], v)).ToList());
    }

    private static ExternalValueResponse Response(string unit, QualityExternalValue v) =>
        new(unit, v.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), v.IndicatorKey, v.Kind, v.Value, v.Source, v.SetBy, Domain.Calendar.WorkingCalendar.ToLocal(v.SetAt));
}
