namespace MotCua.Planning;

/// <summary>
/// One broken rule of a plan: its kind (a constant of <see cref="ViolationKinds"/>) and the facts behind it (keys of
/// <see cref="ViolationValues"/>, numbers and dates written invariantly), which <see cref="ViolationText"/> turns into a
/// sentence in the leader's language.
/// </summary>
public sealed record PlanViolation(string Kind, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>"kind: details" in the given language (English by default, the form logs and tests read).</summary>
    public string Line(string culture = "en") => $"{Kind}: {ViolationText.Format(this, culture)}";

    public override string ToString() => Line();
}

/// <summary>Keys of <see cref="PlanViolation.Values"/>.</summary>
public static class ViolationValues
{
    public const string Date = "date";
    public const string Slot = "slot";
    public const string Team = "team";
    public const string Hamlet = "hamlet";
    public const string Cases = "cases";
    public const string Capacity = "capacity";
    public const string Members = "members";
    public const string Distinct = "distinct";
    public const string Crew = "crew";
    public const string Member = "member";
    public const string Planned = "planned";
    public const string Demand = "demand";
    public const string Count = "count";
    public const string From = "from";
    public const string To = "to";
    public const string Minutes = "minutes";
    public const string Limit = "limit";
    public const string Days = "days";
    public const string Detail = "detail";
}
