using System.Globalization;

namespace MotCua.Planning;

/// <summary>Codes of <see cref="SessionReason"/>; <see cref="ReasonText"/> turns them into sentences.</summary>
public static class ReasonCodes
{
    /// <summary>The session has already been held.</summary>
    public const string Held = "held";

    /// <summary>First session in one of the farthest third of hamlets, which has priority residents.</summary>
    public const string FarthestPriority = "farthest-priority";

    /// <summary>First session in a nearer hamlet with priority residents.</summary>
    public const string PriorityGroups = "priority-groups";

    /// <summary>First session in a hamlet without listed priority residents.</summary>
    public const string FirstVisit = "first-visit";

    /// <summary>A further session because the hamlet has more cases than one session serves.</summary>
    public const string MoreDemand = "more-demand";

    /// <summary>A leader moved the session by hand (the rules were checked again).</summary>
    public const string Manual = "manual";
}

/// <summary>Keys of <see cref="SessionReason.Values"/>; numbers are written in the invariant culture.</summary>
public static class ReasonValues
{
    public const string Hamlet = "hamlet";
    public const string Km = "km";
    public const string TravelMinutes = "minutes";
    public const string Elderly = "elderly";
    public const string Disabled = "disabled";
    public const string SocialProtection = "socialProtection";
    public const string CashWithoutBankAccount = "cashWithoutBankAccount";
    public const string PendingProcedure = "pendingProcedure";
    public const string Demand = "demand";
    public const string Capacity = "capacity";
    public const string Session = "session";
    public const string Sessions = "sessions";
    public const string Cases = "cases";
}

/// <summary>A new session chosen by a planner, before cases and reasons are attached.</summary>
internal readonly record struct DraftSession(DateOnly Date, Slot Slot, int Team, int Hamlet, IReadOnlyList<string> MemberIds);

/// <summary>Turns the planners' raw choices into the published plan: fixed sessions, cases per session, reasons, order.</summary>
internal static class PlanAssembly
{
    /// <summary>
    /// Spreads each hamlet's served cases over its new sessions in date order: every session gets one case (the
    /// model only opens a session that serves someone), then earlier sessions are filled to capacity first.
    /// </summary>
    public static List<(DraftSession Draft, int Cases)> Distribute(PlanningContext context, IEnumerable<DraftSession> drafts, IReadOnlyList<long> served)
    {
        var result = new List<(DraftSession Draft, int Cases)>();
        foreach (var group in drafts.GroupBy(d => d.Hamlet))
        {
            var ordered = group.OrderBy(d => d.Date).ThenBy(d => d.Slot).ThenBy(d => d.Team).ToList();
            var left = served[group.Key] - ordered.Count;
            foreach (var draft in ordered)
            {
                var extra = (int)Math.Clamp(left, 0, context.Capacity[draft.Team] - 1);
                left -= extra;
                result.Add((draft, 1 + extra));
            }
        }

        return result;
    }

    public static List<PlannedSession> Build(PlanningContext context, IEnumerable<(DraftSession Draft, int Cases)> planned)
    {
        var all = context.Problem.Fixed
            .Select(f => (Date: f.Date, Slot: f.Slot, Team: context.TeamIndex(f.TeamId), Hamlet: context.HamletIndex(f.HamletId),
                Members: f.MemberIds, Cases: f.CasesServed, Fixed: true))
            .Concat(planned.Select(p => (p.Draft.Date, p.Draft.Slot, p.Draft.Team, p.Draft.Hamlet, Members: p.Draft.MemberIds, p.Cases, Fixed: false)))
            .OrderBy(s => s.Date).ThenBy(s => s.Slot).ThenBy(s => s.Team)
            .ToList();

        var sessionsPerHamlet = all.GroupBy(s => s.Hamlet).ToDictionary(g => g.Key, g => g.Count());
        var seen = new Dictionary<int, int>();
        var far = FarthestThird(context);
        var sessions = new List<PlannedSession>(all.Count);
        foreach (var s in all)
        {
            var number = seen[s.Hamlet] = seen.GetValueOrDefault(s.Hamlet) + 1;
            var reason = s.Fixed
                ? Held(context.Hamlets[s.Hamlet], s.Cases)
                : For(context, s.Hamlet, number, sessionsPerHamlet[s.Hamlet], far.Contains(s.Hamlet), context.Capacity[s.Team]);
            sessions.Add(new PlannedSession(s.Date, s.Slot, context.Teams[s.Team].Id, context.Hamlets[s.Hamlet].Id, [.. s.Members], s.Cases, s.Fixed, reason));
        }

        return sessions;
    }

    private static HashSet<int> FarthestThird(PlanningContext context)
    {
        var count = (context.Hamlets.Length + 2) / 3;
        return [.. Enumerable.Range(0, context.Hamlets.Length).OrderByDescending(h => context.Hamlets[h].DistanceKm).Take(count)];
    }

    private static SessionReason Held(PlanHamlet hamlet, int cases) => new(ReasonCodes.Held, new Dictionary<string, string>
    {
        [ReasonValues.Hamlet] = hamlet.Name,
        [ReasonValues.Cases] = Invariant(cases),
    });

    private static SessionReason For(PlanningContext context, int hamletIndex, int number, int total, bool far, int capacity)
    {
        var hamlet = context.Hamlets[hamletIndex];
        var values = new Dictionary<string, string>
        {
            [ReasonValues.Hamlet] = hamlet.Name,
            [ReasonValues.Km] = hamlet.DistanceKm.ToString("0.0", CultureInfo.InvariantCulture),
            [ReasonValues.TravelMinutes] = Invariant(hamlet.TravelMinutesFromCentre),
            [ReasonValues.Demand] = Invariant(hamlet.ExpectedDemand),
        };

        if (number > 1)
        {
            values[ReasonValues.Session] = Invariant(number);
            values[ReasonValues.Sessions] = Invariant(total);
            values[ReasonValues.Capacity] = Invariant(capacity);
            return new SessionReason(ReasonCodes.MoreDemand, values);
        }

        if (hamlet.Priority.Total == 0)
        {
            return new SessionReason(ReasonCodes.FirstVisit, values);
        }

        var p = hamlet.Priority;
        (string Key, int Count)[] vulnerable =
        [
            (ReasonValues.Elderly, p.Elderly), (ReasonValues.Disabled, p.Disabled),
            (ReasonValues.SocialProtection, p.SocialProtection), (ReasonValues.CashWithoutBankAccount, p.CashWithoutBankAccount),
        ];
        var named = vulnerable.Where(g => g.Count > 0).ToList();
        if (named.Count == 0)
        {
            named.Add((ReasonValues.PendingProcedure, p.PendingProcedure));
        }

        foreach (var (key, count) in named)
        {
            values[key] = Invariant(count);
        }

        return new SessionReason(far ? ReasonCodes.FarthestPriority : ReasonCodes.PriorityGroups, values);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
