using MotCua.Domain.Units;

namespace MotCua.Domain.Outreach;

/// <summary>A member of a mobile team: a staff account, the procedures they can receive, the dates they cannot go.</summary>
public sealed record TeamMember(string UserId, IReadOnlyList<string> Skills, IReadOnlyList<DateOnly> Unavailable);

/// <summary>A mobile team (tổ hành chính lưu động) of a commune.</summary>
public sealed class Team : IUnitOwned
{
    public const int MaxMembers = 40;

    private Team()
    {
        Name = string.Empty;
        Members = [];
    }

    /// <param name="id">Given when a field kit copies the centre's team.</param>
    public Team(Guid unitId, string name, int crewSize, Equipment equipment, IReadOnlyList<TeamMember> members, Guid? id = null)
    {
        Id = id ?? Guid.NewGuid();
        UnitId = unitId;
        Name = string.Empty;
        Members = [];
        Update(name, crewSize, equipment, members);
    }

    public Guid Id { get; private set; }

    public Guid UnitId { get; private set; }

    public string Name { get; private set; }

    /// <summary>Members who go out together to staff one session (reception, scanning, printing).</summary>
    public int CrewSize { get; private set; }

    public Equipment Equipment { get; private set; }

    public IReadOnlyList<TeamMember> Members { get; private set; }

    public int Version { get; private set; }

    /// <summary>What the team still lacks of the standard kit for a session in a hamlet.</summary>
    public Equipment Missing => (Equipment.Laptop | Equipment.Printer | Equipment.Scanner | Equipment.Power | Equipment.MobileData) & ~Equipment;

    public void Update(string name, int crewSize, Equipment equipment, IReadOnlyList<TeamMember> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100 || !PlainText.IsSingleLine(name))
        {
            throw new DomainRuleException("team.name-invalid", "A team needs a name of at most 100 characters.", RuleKind.Invalid);
        }

        if (crewSize is < 1 or > 20)
        {
            throw new DomainRuleException("team.crew-invalid", "A crew is 1–20 members.", RuleKind.Invalid);
        }

        if (members.Count > MaxMembers || members.Select(m => m.UserId).Distinct().Count() != members.Count)
        {
            throw new DomainRuleException("team.members-invalid", $"A team has at most {MaxMembers} members, each once.", RuleKind.Invalid);
        }

        if (members.Count < crewSize)
        {
            throw new DomainRuleException("team.too-small", $"The team has {members.Count} members but a crew needs {crewSize}.");
        }

        Name = name.Trim();
        CrewSize = crewSize;
        Equipment = equipment;
        Members = [.. members.Select(m => m with { Skills = [.. m.Skills.Distinct()], Unavailable = [.. m.Unavailable.Distinct().Order()] })];
        Version++;
    }
}
