using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalog;
using MotCua.Web.Data;
using MotCua.Web.Data.Calendar;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Features.Calendar;

public sealed record DueDateResponse(
    DateTimeOffset? DueAt,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? ClockStartsAt,
    string Procedure,
    DateOnly VersionEffectiveFrom,
    string TimeLimit,
    string OfficeHours,
    IReadOnlyList<CalendarDayResponse> NonWorkingDaysSkipped);

public sealed record CalendarDayResponse(DateOnly Date, CalendarDayKind Kind, string Name, LocalizedTextDocument Names);

public sealed record CalendarYearResponse(int Year, bool Confirmed, string? ConfirmedBy, DateTimeOffset? ConfirmedAt, string? Source, IReadOnlyList<CalendarDayResponse> Days);

public sealed record NamedDate(DateOnly? Date, LocalizedTextDocument? Name);

public sealed record SetCalendarYearRequest(
    IReadOnlyList<NamedDate>? Holidays,
    IReadOnlyList<NamedDate>? DaysInLieu,
    IReadOnlyList<NamedDate>? SwappedDaysOff,
    IReadOnlyList<NamedDate>? WorkingWeekends,
    string? Source);

public static class CalendarApi
{
    public static RouteGroupBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calendar").WithTags("Calendar").RequireAuthorization(Policies.Staff);
        group.MapGet("/due-date", DueDateAsync).WithName("GetDueDate")
            .WithSummary("When a dossier of a procedure received at an instant is due, on the unit's working calendar.");
        group.MapGet("/days", DaysAsync).WithName("ListNonWorkingDays").WithSummary("Each non-working day in [from, to] with its reason.");
        group.MapGet("/years/{year:int}", GetYearAsync).WithName("GetCalendarYear");
        group.MapPut("/years/{year:int}", SetYearAsync).WithName("SetCalendarYear")
            .WithSummary("Sets (confirms) a year's holidays, days in lieu, swapped days off and working weekends. Administrators only.")
            .RequireAuthorization(Policies.ManageCalendar);
        return group;
    }

    internal static CalendarDayResponse ToResponse(CalendarDay d, string culture) =>
        new(d.Date, d.Kind, d.Name.For(culture), LocalizedTextDocument.From(d.Name));

    private static async Task<IResult> DueDateAsync(string? procedure, string? receivedAt, string? unit, MotCuaDb db, HttpContext http, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(procedure))
        {
            errors.Add("procedure", "The procedure code is required.");
        }

        if (!QueryValues.TryParseInstant(receivedAt, out var at))
        {
            errors.Add("receivedAt", "receivedAt must be an ISO 8601 instant with an offset, e.g. 2026-03-02T09:30:00+07:00, in 2000–2099.");
        }

        if (errors.Any)
        {
            return errors.ToResult();
        }

        var code = procedure!.Trim().ToUpperInvariant();
        var p = Procedure.IsValidCode(code) ? await db.Procedures.AsNoTracking().Include(x => x.Versions).SingleOrDefaultAsync(x => x.Code == code, ct) : null;
        if (p is null)
        {
            return Problems.NotFound($"No procedure has the code '{procedure}'.");
        }

        Guid? unitId = null;
        if (!string.IsNullOrWhiteSpace(unit))
        {
            var u = await db.Units.AsNoTracking().Where(x => x.Code == unit.Trim()).Select(x => (Guid?)x.Id).SingleOrDefaultAsync(ct);
            if (u is null)
            {
                return Problems.NotFound($"No unit has the code '{unit}'.");
            }

            unitId = u;
        }

        var calendar = await db.LoadCalendarAsync(unitId, ct);
        var version = p.VersionOn(WorkingCalendar.LocalDate(at));
        if (version is null)
        {
            return Problems.Result(RuleKind.Forbidden, "catalog.no-version", $"Procedure {p.Code} had no version in force on {WorkingCalendar.LocalDate(at):yyyy-MM-dd}.");
        }

        var due = calendar.DueAt(at, version.TimeLimit);
        var start = version.TimeLimit.Kind == TimeLimitKind.None ? (DateTimeOffset?)null : calendar.StartOfWork(at);
        var culture = Localization.Culture(http);
        var skipped = due is { } d
            ? calendar.NonWorkingDays(WorkingCalendar.LocalDate(at), WorkingCalendar.LocalDate(d)).Select(x => ToResponse(x, culture)).ToList()
            : [];
        return TypedResults.Ok(new DueDateResponse(due, WorkingCalendar.ToLocal(at), start, p.Code, version.EffectiveFrom, version.TimeLimit.ToString(), calendar.Hours.ToString(), skipped));
    }

    private static async Task<IResult> DaysAsync(string? from, string? to, MotCuaDb db, HttpContext http, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (!QueryValues.TryParseDate(from, out var f))
        {
            errors.Add("from", "from must be a date yyyy-MM-dd in 2000–2099.");
        }

        if (!QueryValues.TryParseDate(to, out var t))
        {
            errors.Add("to", "to must be a date yyyy-MM-dd in 2000–2099.");
        }

        if (!errors.Any && t < f)
        {
            errors.Add("to", "to must not be before from.");
        }

        if (!errors.Any && t.DayNumber - f.DayNumber > 800)
        {
            errors.Add("to", "At most 800 days per request.");
        }

        if (errors.Any)
        {
            return errors.ToResult();
        }

        var calendar = await db.LoadCalendarAsync(null, ct);
        var culture = Localization.Culture(http);
        return TypedResults.Ok(calendar.NonWorkingDays(f, t).Select(d => ToResponse(d, culture)).ToList());
    }

    private static async Task<IResult> GetYearAsync(int year, MotCuaDb db, HttpContext http, CancellationToken ct)
    {
        if (year is < 2000 or > 2099)
        {
            return Problems.Invalid("year", "The year must be 2000–2099.");
        }

        var record = await db.CalendarYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, ct);
        var culture = Localization.Culture(http);
        var days = record?.Days ?? HolidayDefaults.ForYear(year);
        return TypedResults.Ok(new CalendarYearResponse(year, record is not null, record?.ConfirmedBy, record?.ConfirmedAt, record?.Source,
            [.. days.OrderBy(d => d.Date).Select(d => ToResponse(d, culture))]));
    }

    private static async Task<IResult> SetYearAsync(int year, [FromBody] SetCalendarYearRequest? request, MotCuaDb db, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        if (year is < 2000 or > 2099)
        {
            return Problems.Invalid("year", "The year must be 2000–2099.");
        }

        var errors = new ValidationErrors();
        var days = SetCalendarYear.Validate(year, request, errors);
        if (days is null)
        {
            return errors.ToResult();
        }

        await SetCalendarYear.ExecuteAsync(year, days, request!.Source, Actor.Of(http), db, time, ct);
        return await GetYearAsync(year, db, http, ct);
    }
}
