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
            throw new DomainRuleException("unit.code-invalid", $"'{code}' is not a province code.") { IsInvalidInput = true };
        }

        Code = code;
        Name = RequireName(name);
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    internal static string RequireName(string name) => string.IsNullOrWhiteSpace(name) || name.Length > 200
        ? throw new DomainRuleException("unit.name-invalid", "A name is 1–200 characters.") { IsInvalidInput = true }
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

    public Unit(string code, string name, string provinceCode, OfficeHours? hours = null)
    {
        if (!UnitCodeFormat.IsValid(code))
        {
            throw new DomainRuleException("unit.code-invalid", $"'{code}' is not a unit code (QCVN 102:2016, e.g. 000.00.14.H56).") { IsInvalidInput = true };
        }

        Id = Guid.NewGuid();
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

    public Hamlet(Guid unitId, string name, double distanceKm, int travelMinutes, int population, string? meetingPlace)
    {
        if (distanceKm is < 0 or > 500 || travelMinutes is < 0 or > 1440 || population is < 0 or > 1_000_000)
        {
            throw new DomainRuleException("hamlet.invalid", "Distance 0–500 km, travel 0–1440 minutes and population 0–1,000,000.") { IsInvalidInput = true };
        }

        Id = Guid.NewGuid();
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
}
