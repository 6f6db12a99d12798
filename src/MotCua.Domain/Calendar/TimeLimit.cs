using System.Globalization;

namespace MotCua.Domain.Calendar;

public enum TimeLimitKind
{
    /// <summary>No legal time limit (an assisted service, e.g. helping open a bank account).</summary>
    None = 0,

    /// <summary>N working days, counted as N whole working days of office time from receipt.</summary>
    WorkingDays = 1,

    /// <summary>N working hours of office time from receipt.</summary>
    WorkingHours = 2,

    /// <summary>Due the same working day; received after the cut-off (15:00) or on a non-working day, due the next working day.</summary>
    SameDay = 3,
}

/// <summary>The legal time limit of a procedure (thời hạn giải quyết), as set by the legal document that governs it.</summary>
public readonly record struct TimeLimit(TimeLimitKind Kind, int Value)
{
    public static readonly TimeLimit None = new(TimeLimitKind.None, 0);
    public static readonly TimeLimit SameDay = new(TimeLimitKind.SameDay, 0);

    public static TimeLimit WorkingDays(int days) => days > 0
        ? new TimeLimit(TimeLimitKind.WorkingDays, days)
        : throw new DomainRuleException("calendar.time-limit-invalid", "A time limit in working days must be at least 1.", RuleKind.Invalid);

    public static TimeLimit WorkingHours(int hours) => hours > 0
        ? new TimeLimit(TimeLimitKind.WorkingHours, hours)
        : throw new DomainRuleException("calendar.time-limit-invalid", "A time limit in working hours must be at least 1.", RuleKind.Invalid);

    /// <summary>Compact form used in CSV and configuration: <c>none</c>, <c>same-day</c>, <c>3d</c>, <c>8h</c>.</summary>
    public override string ToString() => Kind switch
    {
        TimeLimitKind.None => "none",
        TimeLimitKind.SameDay => "same-day",
        TimeLimitKind.WorkingDays => $"{Value.ToString(CultureInfo.InvariantCulture)}d",
        TimeLimitKind.WorkingHours => $"{Value.ToString(CultureInfo.InvariantCulture)}h",
        _ => "none",
    };

    public static bool TryParse(string? text, out TimeLimit limit)
    {
        limit = None;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Trim().ToLowerInvariant();
        switch (t)
        {
            case "none":
                return true;
            case "same-day":
            case "sameday":
                limit = SameDay;
                return true;
        }

        if (t.Length is >= 2 and <= 5
            && int.TryParse(t.AsSpan(0, t.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n is > 0 and <= 365)
        {
            switch (t[^1])
            {
                case 'd':
                    limit = WorkingDays(n);
                    return true;
                case 'h':
                    limit = WorkingHours(n);
                    return true;
            }
        }

        return false;
    }

    public static TimeLimit Parse(string text) => TryParse(text, out var limit)
        ? limit
        : throw new DomainRuleException("calendar.time-limit-invalid", $"'{text}' is not a time limit (use none, same-day, Nd or Nh).", RuleKind.Invalid);
}
