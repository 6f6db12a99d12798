using MotCua.Domain.Calendar;

namespace MotCua.Domain.Units;

/// <summary>A province (tỉnh/thành phố), the level at which communes are ranked against each other.</summary>
public sealed class Province
{
    private Province()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public Province(string code, string name)
    {
        if (!UnitCodeFormat.IsValid(code))
        {
            throw new DomainRuleException("unit.code-invalid", $"'{code}' is not a province code.", RuleKind.Invalid);
        }

        Code = code;
        Name = RequireName(name);
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    internal static string RequireName(string name) => string.IsNullOrWhiteSpace(name) || name.Length > 200 || !PlainText.IsSingleLine(name)
        ? throw new DomainRuleException("unit.name-invalid", "A name is 1–200 characters.", RuleKind.Invalid)
        : name.Trim();
}

/// <summary>
/// An administrative unit that receives dossiers: a commune or ward service centre (Trung tâm Phục vụ hành chính
/// công xã/phường), identified by its QCVN 102:2016 code, which begins every dossier number it issues.
/// </summary>
public sealed class Unit
{
    private Unit()
    {
        Code = string.Empty;
        Name = string.Empty;
        ProvinceCode = string.Empty;
        Hours = OfficeHours.Default;
    }

    /// <param name="id">Given when a field kit copies the centre's unit, so that its records keep pointing at it.</param>
    public Unit(string code, string name, string provinceCode, OfficeHours? hours = null, Guid? id = null)
    {
        if (!UnitCodeFormat.IsValid(code))
        {
            throw new DomainRuleException("unit.code-invalid", $"'{code}' is not a unit code (QCVN 102:2016, e.g. 000.00.14.H56).", RuleKind.Invalid);
        }

        Id = id ?? Guid.NewGuid();
        Code = code;
        Name = Province.RequireName(name);
        ProvinceCode = provinceCode;
        Hours = hours ?? OfficeHours.Default;
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public string ProvinceCode { get; private set; }

    public OfficeHours Hours { get; private set; }

    public void SetHours(OfficeHours hours) => Hours = hours ?? throw new ArgumentNullException(nameof(hours));
}

/// <summary>A hamlet (ấp/thôn/bản) of a commune: where outreach sessions go and where applicants live.</summary>
public sealed class Hamlet : IUnitOwned
{
    private Hamlet()
    {
        Name = string.Empty;
    }

    /// <param name="id">Given when a field kit copies the centre's hamlet.</param>
    public Hamlet(Guid unitId, string name, double distanceKm, int travelMinutes, int population, string? meetingPlace, Guid? id = null)
    {
        if (distanceKm is < 0 or > 500 || travelMinutes is < 0 or > 1440 || population is < 0 or > 1_000_000)
        {
            throw new DomainRuleException("hamlet.invalid", "Distance 0–500 km, travel 0–1440 minutes and population 0–1,000,000.", RuleKind.Invalid);
        }

        Id = id ?? Guid.NewGuid();
        UnitId = unitId;
        Name = Province.RequireName(name);
        DistanceKm = distanceKm;
        TravelMinutes = travelMinutes;
        Population = population;
        MeetingPlace = meetingPlace;
    }

    public Guid Id { get; private set; }

    public Guid UnitId { get; private set; }

    public string Name { get; private set; }

    /// <summary>Road distance from the centre.</summary>
    public double DistanceKm { get; private set; }

    /// <summary>Travel time from the centre by the team's usual transport.</summary>
    public int TravelMinutes { get; private set; }

    public int Population { get; private set; }

    /// <summary>Where sessions are held, e.g. the hamlet's cultural house (nhà văn hoá ấp).</summary>
    public string? MeetingPlace { get; private set; }

    /// <summary>Residents in each priority group, entered by hand (later fed by the residents register).</summary>
    public Outreach.HamletPriority Priority { get; private set; } = Outreach.HamletPriority.None;

    /// <summary>Cases the centre expects from the hamlet in an outreach campaign (the planner's demand).</summary>
    public int EstimatedDemand { get; private set; }

    public int Version { get; private set; }

    public void UpdateProfile(double distanceKm, int travelMinutes, int population, string? meetingPlace, Outreach.HamletPriority priority, int estimatedDemand)
    {
        ArgumentNullException.ThrowIfNull(priority);
        priority.Validate();
        if (distanceKm is < 0 or > 500 || travelMinutes is < 0 or > 1440 || population is < 0 or > 1_000_000 || estimatedDemand is < 0 or > 100_000 || meetingPlace?.Length > 300 || !PlainText.IsSingleLine(meetingPlace))
        {
            throw new DomainRuleException("hamlet.invalid", "Distance 0–500 km, travel 0–1440 minutes, population 0–1,000,000, demand 0–100,000, meeting place at most 300 characters.", RuleKind.Invalid);
        }

        DistanceKm = distanceKm;
        TravelMinutes = travelMinutes;
        Population = population;
        MeetingPlace = string.IsNullOrWhiteSpace(meetingPlace) ? null : meetingPlace.Trim();
        Priority = priority;
        EstimatedDemand = estimatedDemand;
        Version++;
    }
}

/// <summary>Travel time between two hamlets of a unit, for teams that serve two nearby hamlets in one day.</summary>
public sealed class HamletTravel : IUnitOwned
{
    private HamletTravel()
    {
    }

    public HamletTravel(Guid unitId, Guid fromHamletId, Guid toHamletId, int minutes)
    {
        if (fromHamletId == toHamletId || minutes is < 0 or > 1440)
        {
            throw new DomainRuleException("hamlet.travel-invalid", "Travel is between two different hamlets, 0–1440 minutes.", RuleKind.Invalid);
        }

        UnitId = unitId;
        FromHamletId = fromHamletId;
        ToHamletId = toHamletId;
        Minutes = minutes;
    }

    public Guid UnitId { get; private set; }

    public Guid FromHamletId { get; private set; }

    public Guid ToHamletId { get; private set; }

    public int Minutes { get; private set; }
}
