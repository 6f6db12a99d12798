namespace MotCua.Planning;

/// <summary>
/// What the planner values. The objective, in "case points", is
/// <code>
///   Σ hamlets  caseWeight(h) × cases served in h
/// + Σ hamlets with priority residents that get at least one session   coverageBonus
/// − Σ planned sessions   SessionCost + LatenessCost × caseWeight(h) × (campaign position of the date, 0 first … 1 last)
/// </code>
/// where caseWeight(h) = (1 + PerKm × km(h)) × groupFactor(h), and groupFactor(h) is the average group weight over
/// the hamlet's priority residents (the PendingProcedure weight when it has none). So a case counts for more the
/// farther the hamlet is and the larger the share of its residents who cannot easily travel to the centre.
/// Every weight is configuration a centre leader may change; the defaults encode the campaigns in the articles
/// (far hamlets first; elderly and disabled people before those who only have a procedure pending).
/// </summary>
/// <param name="PerKm">How much more a case is worth per km from the centre: 0.1 makes a case 15 km away worth 2.5 times a case next door.</param>
/// <param name="Elderly">Weight of an elderly resident in the group factor.</param>
/// <param name="Disabled">Weight of a resident with a disability.</param>
/// <param name="SocialProtection">Weight of a social-protection beneficiary (pensioners, carers of small children…).</param>
/// <param name="CashWithoutBankAccount">Weight of a resident who still takes subsidies in cash, without a bank account.</param>
/// <param name="PendingProcedure">Weight of a resident who only has a procedure pending; the baseline group.</param>
/// <param name="CoverageBonus">
/// Bonus for giving a hamlet with priority residents its first session, as a multiple of the most one session can
/// earn anywhere (full capacity at the highest case weight). At 1 or more, covering a new hamlet always beats a second
/// session elsewhere; lower values let large far hamlets take repeat sessions first.
/// </param>
/// <param name="SessionCost">
/// Cost of sending a crew out, in case points. Kept below the lowest case weight so that a session serving even one
/// case is worth holding, but it stops the planner from splitting work into half-empty sessions.
/// </param>
/// <param name="LatenessCost">
/// Extra cost of a session on the last date of the campaign, as a share of the hamlet's case weight (scaled down
/// linearly to 0 on the first date). It orders equally good plans so that far, high-priority hamlets come first.
/// </param>
public sealed record PlanningWeights(
    double PerKm = 0.1,
    double Elderly = 3,
    double Disabled = 3,
    double SocialProtection = 2,
    double CashWithoutBankAccount = 2,
    double PendingProcedure = 1,
    double CoverageBonus = 1,
    double SessionCost = 0.5,
    double LatenessCost = 0.1)
{
    public static PlanningWeights Default { get; } = new();

    /// <summary>Points per case for a hamlet, before the solver's integer scaling.</summary>
    public double CaseWeight(PlanHamlet hamlet)
    {
        ArgumentNullException.ThrowIfNull(hamlet);
        var distanceFactor = 1 + (PerKm * Math.Max(0, hamlet.DistanceKm));
        return distanceFactor * GroupFactor(hamlet.Priority);
    }

    /// <summary>Average group weight over the priority residents; the pending-procedure weight when there are none.</summary>
    public double GroupFactor(PriorityGroups groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var total = groups.Total;
        if (total <= 0)
        {
            return PendingProcedure;
        }

        var weighted = (Elderly * groups.Elderly) + (Disabled * groups.Disabled) + (SocialProtection * groups.SocialProtection)
            + (CashWithoutBankAccount * groups.CashWithoutBankAccount) + (PendingProcedure * groups.PendingProcedure);
        return weighted / total;
    }

    internal IEnumerable<string> Problems()
    {
        (string Name, double Value)[] all =
        [
            (nameof(PerKm), PerKm), (nameof(Elderly), Elderly), (nameof(Disabled), Disabled), (nameof(SocialProtection), SocialProtection),
            (nameof(CashWithoutBankAccount), CashWithoutBankAccount), (nameof(PendingProcedure), PendingProcedure),
            (nameof(CoverageBonus), CoverageBonus), (nameof(SessionCost), SessionCost), (nameof(LatenessCost), LatenessCost),
        ];
        foreach (var (name, value) in all)
        {
            // The solver works in scaled integers: a huge weight would overflow them and a NaN would poison every comparison.
            if (!double.IsFinite(value) || value < 0 || value > 1_000)
            {
                yield return $"weight {name} must be between 0 and 1000 (was {value})";
            }
        }

        if (PendingProcedure <= 0)
        {
            yield return "weight PendingProcedure must be positive: it is the weight of an ordinary case";
        }
    }
}
