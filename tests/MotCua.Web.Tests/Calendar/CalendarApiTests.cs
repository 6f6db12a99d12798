using System.Net;
using System.Net.Http.Json;
using MotCua.Domain.Calendar;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Platform;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Calendar;

public sealed class CalendarApiTests
{
    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = Platform.Json.Options;

    [Fact]
    public async Task DueDate_SameDayProcedureAt1501OnFridayBeforeTet2026_IsMondayAfterTetAt1700()
    {
        await using var app = await MotCuaApp.StartAsync();

        var response = await app.Client.GetAsync("/api/calendar/due-date?procedure=1.001193&receivedAt=2026-02-13T15:01:00%2B07:00");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"dueAt\":\"2026-02-23T17:00:00+07:00\"", raw, StringComparison.Ordinal);
        var due = System.Text.Json.JsonSerializer.Deserialize<DueDateResponse>(raw, JsonOptions)!;
        Assert.Equal(9, due.NonWorkingDaysSkipped.Count);
        Assert.Equal(5, due.NonWorkingDays(CalendarDayKind.Holiday));
    }

    [Fact]
    public async Task DueDate_GivenUtc_AnswersWithPlus0700()
    {
        await using var app = await MotCuaApp.StartAsync();

        var raw = await app.Client.GetStringAsync("/api/calendar/due-date?procedure=1.004222&receivedAt=2026-03-02T02:30:00Z");

        Assert.Contains("\"dueAt\":\"2026-03-11T09:30:00+07:00\"", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DueDate_ProcedureWithoutLimit_HasNoDueDate()
    {
        await using var app = await MotCuaApp.StartAsync();

        var due = await app.Client.GetFromJsonAsync<DueDateResponse>("/api/calendar/due-date?procedure=HT.0001&receivedAt=2026-03-02T09:00:00%2B07:00", JsonOptions);

        Assert.Null(due!.DueAt);
    }

    [Theory]
    [InlineData("receivedAt=2026-03-02T09:00:00%2B07:00")]
    [InlineData("procedure=1.001193")]
    [InlineData("procedure=1.001193&receivedAt=2026-03-02T09:00:00")]
    [InlineData("procedure=1.001193&receivedAt=2026-02-30T09:00:00%2B07:00")]
    [InlineData("procedure=1.001193&receivedAt=1999-03-02T09:00:00%2B07:00")]
    [InlineData("procedure=1.001193&receivedAt=yesterday")]
    public async Task DueDate_MissingOrMalformed_Is400(string query)
    {
        await using var app = await MotCuaApp.StartAsync();

        await ProblemAssert.IsProblemAsync(await app.Client.GetAsync($"/api/calendar/due-date?{query}"), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("procedure=9.999999&receivedAt=2026-03-02T09:00:00%2B07:00")]
    [InlineData("procedure=1.001193&receivedAt=2026-03-02T09:00:00%2B07:00&unit=000.00.00.X99")]
    public async Task DueDate_UnknownProcedureOrUnit_Is404(string query)
    {
        await using var app = await MotCuaApp.StartAsync();

        await ProblemAssert.IsProblemAsync(await app.Client.GetAsync($"/api/calendar/due-date?{query}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DueDate_BeforeTheFirstVersion_Is422()
    {
        await using var app = await MotCuaApp.StartAsync();

        await ProblemAssert.IsProblemAsync(await app.Client.GetAsync("/api/calendar/due-date?procedure=1.001193&receivedAt=2025-06-30T09:00:00%2B07:00"), HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Days_ListWeekendsHolidaysAndSwapsWithReasons()
    {
        await using var app = await MotCuaApp.StartAsync();

        var days = await app.Client.GetFromJsonAsync<List<CalendarDayResponse>>("/api/calendar/days?from=2026-01-01&to=2026-01-11", JsonOptions);

        Assert.NotNull(days);
        Assert.Equal(
            [new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 2), new DateOnly(2026, 1, 3), new DateOnly(2026, 1, 4), new DateOnly(2026, 1, 11)],
            days.Select(d => d.Date));
        Assert.Equal(CalendarDayKind.Holiday, days[0].Kind);
        Assert.Equal("Tết Dương lịch", days[0].Name);
        Assert.Equal(CalendarDayKind.SwappedDayOff, days[1].Kind);
        Assert.Equal(CalendarDayKind.Weekend, days[2].Kind);
    }

    [Theory]
    [InlineData("from=2026-01-01")]
    [InlineData("from=2026-02-01&to=2026-01-01")]
    [InlineData("from=2026-01-01&to=2029-01-01")]
    [InlineData("from=01/01/2026&to=2026-02-01")]
    public async Task Days_BadRange_Is400(string query)
    {
        await using var app = await MotCuaApp.StartAsync();

        await ProblemAssert.IsProblemAsync(await app.Client.GetAsync($"/api/calendar/days?{query}"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Years_AnnouncedDaysAreShipped()
    {
        await using var app = await MotCuaApp.StartAsync();

        var y2025 = await app.Client.GetFromJsonAsync<CalendarYearResponse>("/api/calendar/years/2025", JsonOptions);
        var y2026 = await app.Client.GetFromJsonAsync<CalendarYearResponse>("/api/calendar/years/2026", JsonOptions);
        var y2027 = await app.Client.GetFromJsonAsync<CalendarYearResponse>("/api/calendar/years/2027", JsonOptions);

        Assert.True(y2025!.Confirmed);
        Assert.Contains(y2025.Days, d => d.Date == new DateOnly(2025, 4, 26) && d.Kind == CalendarDayKind.WorkingWeekend);
        Assert.Contains(y2025.Days, d => d.Date == new DateOnly(2025, 5, 2) && d.Kind == CalendarDayKind.SwappedDayOff);
        Assert.Equal(5, y2025.Days.Count(d => d.Date.Month == 1 && d.Date.Day >= 27));
        Assert.True(y2026!.Confirmed);
        Assert.Contains(y2026.Days, d => d.Date == new DateOnly(2026, 1, 10) && d.Kind == CalendarDayKind.WorkingWeekend);
        Assert.Contains(y2026.Days, d => d.Date == new DateOnly(2026, 4, 27) && d.Kind == CalendarDayKind.DayInLieu);
        Assert.Equal([16, 17, 18, 19, 20], y2026.Days.Where(d => d.Date.Month == 2).Select(d => d.Date.Day));
        Assert.False(y2027!.Confirmed);
        Assert.Contains(y2027.Days, d => d.Date == new DateOnly(2027, 2, 6) && d.Kind == CalendarDayKind.Holiday);
    }

    [Fact]
    public async Task PutYear_ConfirmsTheYearAndMovesDueDates()
    {
        await using var app = await MotCuaApp.StartAsync();
        var before = await app.Client.GetFromJsonAsync<DueDateResponse>("/api/calendar/due-date?procedure=1.003197&receivedAt=2027-03-05T09:00:00%2B07:00", JsonOptions);
        var request = new SetCalendarYearRequest(
            [new NamedDate(new DateOnly(2027, 1, 1), new LocalizedTextDocument("Tết Dương lịch", "New Year's Day", null)), new NamedDate(new DateOnly(2027, 3, 8), null)],
            [],
            [],
            [new NamedDate(new DateOnly(2027, 3, 6), null)],
            "Thông báo thử nghiệm");

        var put = await app.Client.PutJsonAsync("/api/calendar/years/2027", request);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var year = await put.ReadAsync<CalendarYearResponse>();
        Assert.True(year.Confirmed);
        Assert.Equal(3, year.Days.Count);
        // Friday 5 March + 1 working day: Monday 8 March by default; with Saturday 6 worked and Monday 8 a holiday, Saturday 6.
        Assert.Equal(new DateTimeOffset(2027, 3, 8, 9, 0, 0, TimeSpan.FromHours(7)), before!.DueAt);
        var after = await app.Client.GetFromJsonAsync<DueDateResponse>("/api/calendar/due-date?procedure=1.003197&receivedAt=2027-03-05T09:00:00%2B07:00", JsonOptions);
        Assert.Equal(new DateTimeOffset(2027, 3, 6, 9, 0, 0, TimeSpan.FromHours(7)), after!.DueAt);
    }

    [Fact]
    public async Task PutYear_InvalidDays_Is400AndKeepsTheYear()
    {
        await using var app = await MotCuaApp.StartAsync();
        var request = new SetCalendarYearRequest(
            [new NamedDate(new DateOnly(2025, 12, 31), null), new NamedDate(null, null)],
            [new NamedDate(new DateOnly(2026, 3, 7), null)],
            [],
            [new NamedDate(new DateOnly(2026, 3, 3), null)],
            null);

        var response = await app.Client.PutJsonAsync("/api/calendar/years/2026", request);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("holidays[0].date", out _));
        Assert.True(errors.TryGetProperty("holidays[1].date", out _));
        Assert.True(errors.TryGetProperty("daysInLieu[0].date", out _));
        Assert.True(errors.TryGetProperty("workingWeekends[0].date", out _));
        var year = await app.Client.GetFromJsonAsync<CalendarYearResponse>("/api/calendar/years/2026", JsonOptions);
        Assert.Contains(year!.Days, d => d.Date == new DateOnly(2026, 2, 17));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"holidays\":[]}")]
    [InlineData("{\"holiday\":[{\"date\":\"2026-01-01\"}]}")]
    public async Task PutYear_WithoutHolidays_Is400AndDoesNotWipeTheYear(string body)
    {
        await using var app = await MotCuaApp.StartAsync();

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        await ProblemAssert.IsProblemAsync(await app.Client.PutAsync("/api/calendar/years/2026", content), HttpStatusCode.BadRequest);

        var year = await app.Client.GetFromJsonAsync<CalendarYearResponse>("/api/calendar/years/2026", JsonOptions);
        Assert.Contains(year!.Days, d => d.Date == new DateOnly(2026, 2, 17));
    }

    [Fact]
    public async Task PutYear_OutOfRange_Is400()
    {
        await using var app = await MotCuaApp.StartAsync();

        await ProblemAssert.IsProblemAsync(await app.Client.PutJsonAsync("/api/calendar/years/1800", new SetCalendarYearRequest([], [], [], [], null)), HttpStatusCode.BadRequest);
    }
}

internal static class DueDateResponseExtensions
{
    public static int NonWorkingDays(this DueDateResponse due, CalendarDayKind kind) => due.NonWorkingDaysSkipped.Count(d => d.Kind == kind);
}
