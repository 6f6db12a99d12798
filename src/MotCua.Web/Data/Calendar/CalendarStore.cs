using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;

namespace MotCua.Web.Data.Calendar;

public static class CalendarStore
{
    /// <summary>The working calendar: confirmed years from the database, computed defaults for the others, and the unit's office hours.</summary>
    public static async Task<WorkingCalendar> LoadCalendarAsync(this MotCuaDb db, Guid? unitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var years = await db.CalendarYears.AsNoTracking().ToDictionaryAsync(y => y.Year, y => y.Days, ct);
        var hours = OfficeHours.Default;
        if (unitId is { } id)
        {
            hours = await db.Units.Where(u => u.Id == id).Select(u => u.Hours).SingleOrDefaultAsync(ct) ?? OfficeHours.Default;
        }

        return new WorkingCalendar(years, hours);
    }
}
