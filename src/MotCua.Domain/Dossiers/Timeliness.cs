using MotCua.Domain.Calendar;

namespace MotCua.Domain.Dossiers;

/// <summary>Early (trước hạn), on time (đúng hạn) or late (quá hạn), as the national portal counts them.</summary>
public enum Timeliness
{
    Early = 1,
    OnTime = 2,
    Late = 3,
}

public static class Deadline
{
    /// <summary>
    /// Ended on an earlier day than the due date: early. On the due date, at or before the due time: on time.
    /// After the due time: late. Days are Vietnam's local days.
    /// </summary>
    public static Timeliness Classify(DateTimeOffset endedAt, DateTimeOffset dueAt)
    {
        if (endedAt > dueAt)
        {
            return Timeliness.Late;
        }

        return WorkingCalendar.LocalDate(endedAt) < WorkingCalendar.LocalDate(dueAt) ? Timeliness.Early : Timeliness.OnTime;
    }
}
