using System.Globalization;
using V = MotCua.Planning.ViolationValues;

namespace MotCua.Planning;

/// <summary>
/// Checks every hard constraint of a plan. The UI runs it when a leader edits a plan by hand, so it never throws on a
/// bad plan: <see cref="Check"/> gives each broken rule as a <see cref="PlanViolation"/> (a kind of
/// <see cref="ViolationKinds"/> and its facts), <see cref="Violations"/> the same as English lines "kind: details".
/// Held (fixed) sessions are facts and are not judged against capacity, travel or availability; they must only be
/// kept exactly as they were.
/// </summary>
public static class PlanValidator
{
    public static IReadOnlyList<string> Violations(PlanningProblem p, IReadOnlyList<PlannedSession> sessions) =>
        [.. Check(p, sessions).Select(v => v.Line())];

    public static IReadOnlyList<PlanViolation> Check(PlanningProblem p, IReadOnlyList<PlannedSession> sessions)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(sessions);
        var input = PlanningContext.InputErrors(p);
        if (input.Count > 0)
        {
            return [.. input.Select(e => Violation(ViolationKinds.Input, (V.Detail, e)))];
        }

        var context = PlanningContext.Create(p);
        var violations = new List<PlanViolation>();
        void Add(string kind, PlannedSession s, params (string Key, string Value)[] facts) => violations.Add(Violation(kind, [.. Describe(context, s), .. facts]));

        var known = new List<(PlannedSession Session, int Team, int Hamlet)>();
        foreach (var s in sessions)
        {
            var team = context.TeamIndex(s.TeamId);
            var hamlet = context.HamletIndex(s.HamletId);
            if (team < 0 || hamlet < 0)
            {
                Add(ViolationKinds.Unknown, s);
                continue;
            }

            known.Add((s, team, hamlet));
            if (s.Fixed)
            {
                continue;
            }

            if (context.DateIndex(s.Date) < 0)
            {
                Add(ViolationKinds.Date, s);
            }
            else if (!context.IsOpen(s.Date))
            {
                Add(ViolationKinds.ClosedDate, s);
            }

            if (!context.Slots.Contains(s.Slot))
            {
                Add(ViolationKinds.Slot, s);
            }

            if (s.ExpectedCases < 0 || s.ExpectedCases > context.Capacity[team])
            {
                Add(ViolationKinds.Capacity, s, (V.Cases, Number(s.ExpectedCases)), (V.Capacity, Number(context.Capacity[team])));
            }

            CheckCrew(context, s, team, Add);
        }

        CheckFixedKept(context, sessions, violations);
        CheckDemand(context, known, violations);
        CheckOnePlace(context, known, violations);
        CheckTravel(context, known, violations);
        CheckRotation(context, known, violations);
        return violations;
    }

    private static void CheckCrew(PlanningContext context, PlannedSession s, int team, Action<string, PlannedSession, (string Key, string Value)[]> add)
    {
        var crew = context.Teams[team].CrewSize;
        var ids = s.MemberIds ?? [];
        if (ids.Count != crew || ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
        {
            add(ViolationKinds.CrewSize, s, [(V.Members, Number(ids.Count)), (V.Distinct, Number(ids.Distinct(StringComparer.Ordinal).Count())), (V.Crew, Number(crew))]);
        }

        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            var member = context.Teams[team].Members.FirstOrDefault(m => m.Id == id);
            if (member is null)
            {
                add(ViolationKinds.CrewMember, s, [(V.Member, id)]);
            }
            else if (member.Unavailable.Contains(s.Date))
            {
                add(ViolationKinds.Unavailable, s, [(V.Member, member.Name)]);
            }
        }
    }

    private static void CheckFixedKept(PlanningContext context, IReadOnlyList<PlannedSession> sessions, List<PlanViolation> violations)
    {
        var matched = new HashSet<PlannedSession>(ReferenceEqualityComparer.Instance);
        foreach (var f in context.Problem.Fixed)
        {
            var exact = sessions.FirstOrDefault(s => s.Fixed && !matched.Contains(s) && s.Date == f.Date && s.Slot == f.Slot
                && s.TeamId == f.TeamId && s.HamletId == f.HamletId && s.ExpectedCases == f.CasesServed
                && (s.MemberIds ?? []).Order(StringComparer.Ordinal).SequenceEqual(f.MemberIds.Order(StringComparer.Ordinal)));
            if (exact is not null)
            {
                matched.Add(exact);
                continue;
            }

            var changed = sessions.Any(s => s.Date == f.Date && s.Slot == f.Slot && s.TeamId == f.TeamId);
            violations.Add(Violation(changed ? ViolationKinds.FixedChanged : ViolationKinds.FixedMissing,
                (V.Date, Day(f.Date)), (V.Slot, f.Slot.ToString()), (V.Team, Team(context, f.TeamId))));
        }

        foreach (var s in sessions.Where(s => s.Fixed && !matched.Contains(s)))
        {
            violations.Add(Violation(ViolationKinds.FixedUnknown, Describe(context, s)));
        }
    }

    private static void CheckDemand(PlanningContext context, List<(PlannedSession Session, int Team, int Hamlet)> known, List<PlanViolation> violations)
    {
        foreach (var group in known.Where(k => !k.Session.Fixed).GroupBy(k => k.Hamlet))
        {
            var hamlet = context.Hamlets[group.Key];
            var planned = group.Sum(k => (long)k.Session.ExpectedCases);
            if (planned > hamlet.ExpectedDemand)
            {
                violations.Add(Violation(ViolationKinds.Demand, (V.Hamlet, hamlet.Name), (V.Planned, Number(planned)), (V.Demand, Number(hamlet.ExpectedDemand))));
            }
        }
    }

    private static void CheckOnePlace(PlanningContext context, List<(PlannedSession Session, int Team, int Hamlet)> known, List<PlanViolation> violations)
    {
        foreach (var group in known.GroupBy(k => (k.Session.Date, k.Session.Slot, k.Team)).Where(g => g.Count() > 1 && g.Any(k => !k.Session.Fixed)))
        {
            violations.Add(Violation(ViolationKinds.TeamSlot,
                (V.Team, context.Teams[group.Key.Team].Name), (V.Count, Number(group.Count())), (V.Date, Day(group.Key.Date)), (V.Slot, group.Key.Slot.ToString())));
        }

        var byMemberSlot = known
            .SelectMany(k => (k.Session.MemberIds ?? []).Distinct(StringComparer.Ordinal).Select(id => (Id: id, k.Session)))
            .GroupBy(x => (x.Id, x.Session.Date, x.Session.Slot))
            .Where(g => g.Count() > 1 && g.Any(x => !x.Session.Fixed));
        foreach (var group in byMemberSlot)
        {
            violations.Add(Violation(ViolationKinds.MemberSlot,
                (V.Member, MemberName(context, group.Key.Id)), (V.Count, Number(group.Count())), (V.Date, Day(group.Key.Date)), (V.Slot, group.Key.Slot.ToString())));
        }
    }

    private static void CheckTravel(PlanningContext context, List<(PlannedSession Session, int Team, int Hamlet)> known, List<PlanViolation> violations)
    {
        foreach (var day in known.GroupBy(k => (k.Session.Date, k.Team)))
        {
            var ordered = day.OrderBy(k => k.Session.Slot).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                for (var j = i + 1; j < ordered.Count; j++)
                {
                    var (a, b) = (ordered[i], ordered[j]);
                    if (a.Session.Slot == b.Session.Slot || (a.Session.Fixed && b.Session.Fixed) || context.CanFollow(a.Hamlet, b.Hamlet))
                    {
                        continue;
                    }

                    var minutes = context.Problem.TravelMinutes(a.Session.HamletId, b.Session.HamletId);
                    (string, string)[] route = minutes is { } m ? [(V.Minutes, Number(m))] : [];
                    violations.Add(Violation(ViolationKinds.Travel,
                        [(V.Team, context.Teams[a.Team].Name), (V.From, context.Hamlets[a.Hamlet].Name), (V.To, context.Hamlets[b.Hamlet].Name),
                            (V.Date, Day(a.Session.Date)), (V.Limit, Number(context.Problem.MaxTravelMinutesBetweenSessions)), .. route]));
                }
            }
        }
    }

    private static void CheckRotation(PlanningContext context, List<(PlannedSession Session, int Team, int Hamlet)> known, List<PlanViolation> violations)
    {
        var days = new Dictionary<string, (HashSet<DateOnly> Dates, bool AnyNew)>(StringComparer.Ordinal);
        foreach (var (session, _, _) in known)
        {
            foreach (var id in session.MemberIds ?? [])
            {
                if (!days.TryGetValue(id, out var entry))
                {
                    entry = ([], false);
                }

                entry.Dates.Add(session.Date);
                days[id] = (entry.Dates, entry.AnyNew || !session.Fixed);
            }
        }

        foreach (var team in context.Teams)
        {
            foreach (var member in team.Members)
            {
                if (days.TryGetValue(member.Id, out var entry) && entry.AnyNew
                    && member.DaysAlreadyWorked + entry.Dates.Count > context.Problem.MaxDaysPerMember)
                {
                    violations.Add(Violation(ViolationKinds.Rotation,
                        (V.Member, member.Name), (V.Days, Number(member.DaysAlreadyWorked + entry.Dates.Count)), (V.Limit, Number(context.Problem.MaxDaysPerMember))));
                }
            }
        }
    }

    /// <summary>The facts that name a session: its day, half-day, team and hamlet.</summary>
    private static (string Key, string Value)[] Describe(PlanningContext context, PlannedSession s)
    {
        var hamlet = context.HamletIndex(s.HamletId) is var h and >= 0 ? context.Hamlets[h].Name : s.HamletId.ToString();
        return [(V.Date, Day(s.Date)), (V.Slot, s.Slot.ToString()), (V.Team, Team(context, s.TeamId)), (V.Hamlet, hamlet)];
    }

    private static PlanViolation Violation(string kind, params (string Key, string Value)[] facts) =>
        new(kind, facts.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal));

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string MemberName(PlanningContext context, string id) =>
        context.Teams.SelectMany(t => t.Members).FirstOrDefault(m => m.Id == id)?.Name ?? id;

    private static string Team(PlanningContext context, Guid id) =>
        context.TeamIndex(id) is var t and >= 0 ? context.Teams[t].Name : id.ToString();

}

/// <summary>Kinds of <see cref="PlanValidator"/> violations; each violation line starts with one of these and a colon.</summary>
public static class ViolationKinds
{
    public const string Input = "input";
    public const string Unknown = "unknown";
    public const string Date = "date";
    public const string ClosedDate = "closed-date";
    public const string Slot = "slot";
    public const string Capacity = "capacity";
    public const string Demand = "demand";
    public const string TeamSlot = "team-slot";
    public const string MemberSlot = "member-slot";
    public const string Travel = "travel";
    public const string CrewSize = "crew-size";
    public const string CrewMember = "crew-member";
    public const string Unavailable = "unavailable";
    public const string Rotation = "rotation";
    public const string FixedMissing = "fixed-missing";
    public const string FixedChanged = "fixed-changed";
    public const string FixedUnknown = "fixed-unknown";
}
