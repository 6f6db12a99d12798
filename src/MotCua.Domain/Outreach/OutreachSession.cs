using MotCua.Domain.Units;

namespace MotCua.Domain.Outreach;

/// <summary>One session: one team, one hamlet, one half-day (buổi phục vụ).</summary>
public sealed class OutreachSession : IUnitOwned
{
    private OutreachSession()
    {
        MemberIds = [];
        ReasonCode = string.Empty;
        ReasonValues = new Dictionary<string, string>();
    }

    public OutreachSession(Guid campaignId, Guid unitId, DateOnly date, SessionSlot slot, Guid teamId, Guid hamletId, IReadOnlyList<string> memberIds,
        int expectedCases, string reasonCode, IReadOnlyDictionary<string, string> reasonValues, Guid? id = null)
    {
        Id = id ?? Guid.NewGuid();
        CampaignId = campaignId;
        UnitId = unitId;
        Date = date;
        Slot = slot;
        TeamId = teamId;
        HamletId = hamletId;
        MemberIds = memberIds;
        ExpectedCases = expectedCases;
        ReasonCode = reasonCode;
        ReasonValues = reasonValues;
        Status = SessionStatus.Planned;
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    public Guid UnitId { get; private set; }

    public DateOnly Date { get; private set; }

    public SessionSlot Slot { get; private set; }

    public Guid TeamId { get; private set; }

    public Guid HamletId { get; private set; }

    public IReadOnlyList<string> MemberIds { get; private set; }

    public int ExpectedCases { get; private set; }

    /// <summary>Why the planner put the session here (a code and the numbers behind it); "manual" after a hand edit.</summary>
    public string ReasonCode { get; private set; }

    public IReadOnlyDictionary<string, string> ReasonValues { get; private set; }

    public SessionStatus Status { get; private set; }

    /// <summary>Moved by a person after planning.</summary>
    public bool Manual { get; private set; }

    /// <summary>From the team's report: people helped to file online themselves.</summary>
    public int? HelpedOnline { get; private set; }

    public string? Notes { get; private set; }

    public int Version { get; private set; }

    /// <param name="expectedCases">The cases expected where the session goes; unchanged when omitted.</param>
    public void Move(DateOnly date, SessionSlot slot, Guid teamId, Guid hamletId, IReadOnlyList<string> memberIds, int? expectedCases = null)
    {
        if (Status != SessionStatus.Planned)
        {
            throw new DomainRuleException("session.not-planned", "Only a session not yet held can be moved.");
        }

        if (expectedCases is < 0 or > 10_000)
        {
            throw new DomainRuleException("session.expected-invalid", "Expected cases are 0–10,000.", RuleKind.Invalid);
        }

        ExpectedCases = expectedCases ?? ExpectedCases;

        Date = date;
        Slot = slot;
        TeamId = teamId;
        HamletId = hamletId;
        MemberIds = memberIds;
        Manual = true;
        ReasonCode = "manual";
        ReasonValues = new Dictionary<string, string>();
        Version++;
    }

    /// <summary>The team's report at the end of the session.</summary>
    public void Report(int helpedOnline, string? notes)
    {
        if (Status == SessionStatus.Cancelled)
        {
            throw new DomainRuleException("session.cancelled", "A cancelled session has no report.");
        }

        if (helpedOnline is < 0 or > 10_000 || notes?.Length > 2000)
        {
            throw new DomainRuleException("session.report-invalid", "People helped online 0–10,000; notes at most 2000 characters.", RuleKind.Invalid);
        }

        HelpedOnline = helpedOnline;
        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        Status = SessionStatus.Held;
        Version++;
    }

    public void Cancel(string? reason)
    {
        if (Status == SessionStatus.Held)
        {
            throw new DomainRuleException("session.held", "A session that was held cannot be cancelled.");
        }

        Status = SessionStatus.Cancelled;
        Notes = reason?.Trim();
        Version++;
    }
}
