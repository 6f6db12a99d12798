namespace MotCua.Domain.Outreach;

/// <summary>Half-day of an outreach session.</summary>
public enum SessionSlot
{
    Morning = 1,
    Afternoon = 2,
}

/// <summary>What a mobile team takes to a hamlet.</summary>
[Flags]
public enum Equipment
{
    None = 0,
    Laptop = 1,
    Printer = 2,
    Scanner = 4,
    Power = 8,
    MobileData = 16,
}

/// <summary>The groups an outreach campaign aims at: the people least able to come to the centre.</summary>
[Flags]
public enum PriorityGroup
{
    None = 0,
    Elderly = 1,
    Disabled = 2,
    SocialProtection = 4,
    CashWithoutBankAccount = 8,
    PendingProcedure = 16,
}

/// <summary>How many residents of a hamlet are in each priority group (a person in two groups counts in both).</summary>
public sealed record HamletPriority(int Elderly, int Disabled, int SocialProtection, int CashWithoutBankAccount, int PendingProcedure)
{
    public static readonly HamletPriority None = new(0, 0, 0, 0, 0);

    public int Total => Elderly + Disabled + SocialProtection + CashWithoutBankAccount + PendingProcedure;

    public void Validate()
    {
        if (Elderly < 0 || Disabled < 0 || SocialProtection < 0 || CashWithoutBankAccount < 0 || PendingProcedure < 0
            || Total > 1_000_000)
        {
            throw new DomainRuleException("hamlet.priority-invalid", "Priority counts are whole numbers from 0.", RuleKind.Invalid);
        }
    }
}

public enum SessionStatus
{
    /// <summary>In the plan, not yet held.</summary>
    Planned = 1,

    /// <summary>Held: the team went; its dossiers and report are facts a re-plan keeps.</summary>
    Held = 2,

    /// <summary>Called off (weather, a funeral in the hamlet…).</summary>
    Cancelled = 3,
}
