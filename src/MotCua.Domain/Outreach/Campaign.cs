using MotCua.Domain.Units;

namespace MotCua.Domain.Outreach;

/// <summary>The settings of a campaign: when, which half-days, what is offered, and the limits of the planner.</summary>
public sealed record CampaignSettings(
    string Name,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<DayOfWeek> Days,
    IReadOnlyList<SessionSlot> Slots,
    IReadOnlyList<string> Procedures,
    int MinutesPerCase = 30,
    int CapacityPerSession = 30,
    int Target = 0,
    int MaxDaysPerMember = 4,
    int MaxTravelMinutesBetweenSessions = 30)
{
    public const int MaxDays = 190;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 200 || !PlainText.IsSingleLine(Name))
        {
            throw Invalid("campaign.name-invalid", "A campaign needs a name of at most 200 characters.");
        }

        if (To < From || To.DayNumber - From.DayNumber > MaxDays)
        {
            throw Invalid("campaign.dates-invalid", $"The campaign ends on or after its start, within {MaxDays} days.");
        }

        if (Days is null || Days.Count == 0 || Days.Any(d => !Enum.IsDefined(d)))
        {
            throw Invalid("campaign.days-invalid", "Choose at least one day of the week.");
        }

        if (Slots is null || Slots.Count == 0 || Slots.Any(s => !Enum.IsDefined(s)))
        {
            throw Invalid("campaign.slots-invalid", "Choose the morning, the afternoon or both.");
        }

        if (Procedures is null || Procedures.Count is 0 or > 50)
        {
            throw Invalid("campaign.procedures-invalid", "Offer 1–50 procedures.");
        }

        if (MinutesPerCase is < 5 or > 240 || CapacityPerSession is < 1 or > 200 || Target is < 0 or > 100_000
            || MaxDaysPerMember is < 1 or > 100 || MaxTravelMinutesBetweenSessions is < 0 or > 240)
        {
            throw Invalid("campaign.limits-invalid", "Minutes per case 5–240, capacity 1–200, target 0–100,000, days per member 1–100, travel 0–240 minutes.");
        }

        if (Dates().Count == 0)
        {
            throw Invalid("campaign.no-dates", "No day of the chosen weekdays falls between the start and the end.");
        }
    }

    /// <summary>The campaign's session days: every chosen weekday between the start and the end.</summary>
    public IReadOnlyList<DateOnly> Dates()
    {
        var list = new List<DateOnly>();
        for (var d = From; d <= To; d = d.AddDays(1))
        {
            if (Days.Contains(d.DayOfWeek))
            {
                list.Add(d);
            }
        }

        return list;
    }

    private static DomainRuleException Invalid(string code, string message) => new(code, message, RuleKind.Invalid);
}

/// <summary>The outcome of the last planning run, kept with the campaign.</summary>
public sealed record PlanSummary(DateTimeOffset SolvedAt, string Status, double Objective, double Bound, double Gap, double Seconds, int Sessions, double BaselineObjective);

/// <summary>An outreach campaign (đợt phục vụ lưu động), e.g. "Thứ Bảy vì dân": every Saturday 8 Nov – 27 Dec.</summary>
public sealed class Campaign : IUnitOwned
{
    private Campaign()
    {
        Settings = null!;
    }

    /// <param name="id">Given when a field kit copies the centre's campaign.</param>
    public Campaign(Guid unitId, CampaignSettings settings, Guid? id = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        Id = id ?? Guid.NewGuid();
        UnitId = unitId;
        Settings = Normalize(settings);
    }

    public Guid Id { get; private set; }

    public Guid UnitId { get; private set; }

    public CampaignSettings Settings { get; private set; }

    public PlanSummary? LastPlan { get; private set; }

    public int Version { get; private set; }

    public void Change(CampaignSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        Settings = Normalize(settings);
        Version++;
    }

    public void RecordPlan(PlanSummary summary)
    {
        LastPlan = summary;
        Version++;
    }

    private static CampaignSettings Normalize(CampaignSettings s) => s with
    {
        Name = s.Name.Trim(),
        Days = [.. s.Days.Distinct().Order()],
        Slots = [.. s.Slots.Distinct().Order()],
        Procedures = [.. s.Procedures.Select(p => p.Trim().ToUpperInvariant()).Distinct()],
    };
}
