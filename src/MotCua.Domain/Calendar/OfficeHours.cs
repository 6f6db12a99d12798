namespace MotCua.Domain.Calendar;

/// <summary>One opening period of a working day, in local time (Asia/Ho_Chi_Minh).</summary>
public readonly record struct OfficePeriod(TimeOnly Start, TimeOnly End)
{
    public int Minutes => (int)(End - Start).TotalMinutes;
}

/// <summary>
/// The hours a commune's centre is open on a working day. Deadlines in working hours count only these minutes.
/// The national default is 07:00–11:30 and 13:30–17:00; a commune may set its own.
/// </summary>
public sealed record OfficeHours
{
    public static readonly OfficeHours Default = new(
        [new OfficePeriod(new TimeOnly(7, 0), new TimeOnly(11, 30)), new OfficePeriod(new TimeOnly(13, 30), new TimeOnly(17, 0))],
        new TimeOnly(15, 0));

    public OfficeHours(IReadOnlyList<OfficePeriod> periods, TimeOnly sameDayCutoff)
    {
        ArgumentNullException.ThrowIfNull(periods);
        if (periods.Count == 0)
        {
            throw new DomainRuleException("calendar.office-hours-empty", "Office hours need at least one period.", RuleKind.Invalid);
        }

        var sorted = periods.OrderBy(p => p.Start).ToArray();
        for (var i = 0; i < sorted.Length; i++)
        {
            if (sorted[i].End <= sorted[i].Start)
            {
                throw new DomainRuleException("calendar.office-hours-invalid", $"Office period {sorted[i].Start:HH\\:mm}–{sorted[i].End:HH\\:mm} ends before it starts.", RuleKind.Invalid);
            }

            if (i > 0 && sorted[i].Start < sorted[i - 1].End)
            {
                throw new DomainRuleException("calendar.office-hours-overlap", "Office periods overlap.", RuleKind.Invalid);
            }
        }

        Periods = sorted;
        SameDayCutoff = sameDayCutoff;
    }

    public IReadOnlyList<OfficePeriod> Periods { get; }

    /// <summary>A same-day procedure received after this time is due the next working day.</summary>
    public TimeOnly SameDayCutoff { get; }

    public int MinutesPerDay => Periods.Sum(p => p.Minutes);

    public TimeOnly Opens => Periods[0].Start;

    public TimeOnly Closes => Periods[^1].End;

    public bool Equals(OfficeHours? other) =>
        other is not null && SameDayCutoff == other.SameDayCutoff && Periods.SequenceEqual(other.Periods);

    public override int GetHashCode() => HashCode.Combine(SameDayCutoff, Periods.Count, Periods[0]);

    public override string ToString() =>
        string.Join(", ", Periods.Select(p => $"{p.Start:HH\\:mm}–{p.End:HH\\:mm}"));
}
