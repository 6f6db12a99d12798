using System.Globalization;

namespace MotCua.Planning;

/// <summary>
/// Checks every hard constraint of a plan. The UI runs it when a leader edits a plan by hand, so it never throws on a
/// bad plan: each violation is one line "kind: details", where kind is a constant of <see cref="ViolationKinds"/>.
/// Held (fixed) sessions are facts and are not judged against capacity, travel or availability; they must only be
/// kept exactly as they were.
/// </summary>
public static class PlanValidator
{
    public static IReadOnlyList<string> Violations(PlanningProblem p, IReadOnlyList<PlannedSession> sessions)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(sessions);
        var input = PlanningContext.InputErrors(p);
        if (input.Count > 0)
        {
            return [.. input.Select(e => $"{ViolationKinds.Input}: {e}")];
        }

        var context = PlanningContext.Create(p);
        var violations = new List<string>();
        void Add(string kind, PlannedSession s, string details) => violations.Add($"{kind}: {Describe(context, s)} {details}");

        var known = new List<(PlannedSession Session, int Team, int Hamlet)>();
        foreach (var s in sessions)
        {
            var team = context.TeamIndex(s.TeamId);
            var hamlet = context.HamletIndex(s.HamletId);
            if (team < 0 || hamlet < 0)
            {
                Add(ViolationKinds.Unknown, s, "names a team or hamlet that is not in the problem");
                continue;
            }

            known.Add((s, team, hamlet));
            if (s.Fixed)
            {
                continue;
            }

            if (context.DateIndex(s.Date) < 0)
            {
                Add(ViolationKinds.Date, s, "is on a date outside the campaign");
            }
            else if (!context.IsOpen(s.Date))
            {
                Add(ViolationKinds.ClosedDate, s, "is new but its date has already passed");
            }

            if (!context.Slots.Contains(s.Slot))
            {
                Add(ViolationKinds.Slot, s, "uses a slot the campaign does not run");
            }

            if (s.ExpectedCases < 0 || s.ExpectedCases > context.Capacity[team])
            {
                Add(ViolationKinds.Capacity, s, Invariant($"plans {s.ExpectedCases} cases; one session of this team serves 0–{context.Capacity[team]}"));
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

    private static void CheckCrew(PlanningContext context, PlannedSession s, int team, Action<string, PlannedSession, string> add)
    {
        var crew = context.Teams[team].CrewSize;
        var ids = s.MemberIds ?? [];
        if (ids.Count != crew || ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
        {
            add(ViolationKinds.CrewSize, s, Invariant($"has {ids.Count} members ({ids.Distinct(StringComparer.Ordinal).Count()} distinct); the team's crew is {crew}"));
        }

        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            var member = context.Teams[team].Members.FirstOrDefault(m => m.Id == id);
            if (member is null)
            {
                add(ViolationKinds.CrewMember, s, $"sends {id}, who is not in the team");
            }
            else if (member.Unavailable.Contains(s.Date))
            {
                add(ViolationKinds.Unavailable, s, $"sends {member.Name}, who is unavailable that day");
            }
        }
    }

    private static void CheckFixedKept(PlanningContext context, IReadOnlyList<PlannedSession> sessions, List<string> violations)
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

            var at = Invariant($"{f.Date:yyyy-MM-dd} {f.Slot} team {Team(context, f.TeamId)}");
            violations.Add(sessions.Any(s => s.Date == f.Date && s.Slot == f.Slot && s.TeamId == f.TeamId)
                ? $"{ViolationKinds.FixedChanged}: the held session {at} was changed"
                : $"{ViolationKinds.FixedMissing}: the held session {at} is missing");
        }

        foreach (var s in sessions.Where(s => s.Fixed && !matched.Contains(s)))
        {
            violations.Add($"{ViolationKinds.FixedUnknown}: {Describe(context, s)} is marked as held but matches no held session");
        }
    }

    private static void CheckDemand(PlanningContext context, List<(PlannedSession Session, int Team, int Hamlet)> known, List<string> violations)
    {
        foreach (var group in known.Where(k => !k.Session.Fixed).GroupBy(k => k.Hamlet))
        {
            var hamlet = context.Hamlets[group.Key];
            var planned = group.Sum(k => (long)k.Session.ExpectedCases);
            if (planned > hamlet.ExpectedDemand)
            {
                violations.Add(Invariant($"{ViolationKinds.Demand}: {hamlet.Name} gets {planned} planned cases but has {hamlet.ExpectedDemand} left to serve"));
            }
        }
    }

    private static void CheckOnePlace(PlanningContext context, List<(PlannedSession Session, int Team, int Hamlet)> known, List<string> violations)
    {
        foreach (var group in known.GroupBy(k => (k.Session.Date, k.Session.Slot, k.Team)).Where(g => g.Count() > 1 && g.Any(k => !k.Session.Fixed)))
        {
            violations.Add(Invariant($"{ViolationKinds.TeamSlot}: team {context.Teams[group.Key.Team].Name} has {group.Count()} sessions on {group.Key.Date:yyyy-MM-dd} {group.Key.Slot}"));
        }

        var byMemberSlot = known
            .SelectMany(k => (k.Session.MemberIds ?? []).Distinct(StringComparer.Ordinal).Select(id => (Id: id, k.Session)))
            .GroupBy(x => (x.Id, x.Session.Date, x.Session.Slot))
            .Where(g => g.Count() > 1 && g.Any(x => !x.Session.Fixed));
        foreach (var group in byMemberSlot)
        {
            violations.Add(Invariant($"{ViolationKinds.MemberSlot}: {MemberName(context, group.Key.Id)} is in {group.Count()} sessions on {group.Key.Date:yyyy-MM-dd} {group.Key.Slot}"));
        }
    }

    private static void CheckTravel(PlanningContext context, List<(PlannedSession Session, int Team, int Hamlet)> known, List<string> violations)
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
                    violations.Add(Invariant(
                        $"{ViolationKinds.Travel}: team {context.Teams[a.Team].Name} goes from {context.Hamlets[a.Hamlet].Name} to {context.Hamlets[b.Hamlet].Name} on {a.Session.Date:yyyy-MM-dd}: {(minutes is { } m ? $"{m} min" : "no known route")}, limit {context.Problem.MaxTravelMinutesBetweenSessions} min"));
                }
            }
        }
    }

    private static void CheckRotation(PlanningContext context, List<(PlannedSession Session, int Team, int Hamlet)> known, List<string> violations)
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
                    violations.Add(Invariant(
                        $"{ViolationKinds.Rotation}: {member.Name} would work {member.DaysAlreadyWorked + entry.Dates.Count} days; the limit is {context.Problem.MaxDaysPerMember}"));
                }
            }
        }
    }

    private static string Describe(PlanningContext context, PlannedSession s)
    {
        var hamlet = context.HamletIndex(s.HamletId) is var h and >= 0 ? context.Hamlets[h].Name : s.HamletId.ToString();
        return Invariant($"session {s.Date:yyyy-MM-dd} {s.Slot} team {Team(context, s.TeamId)} at {hamlet}");
    }

    private static string MemberName(PlanningContext context, string id) =>
        context.Teams.SelectMany(t => t.Members).FirstOrDefault(m => m.Id == id)?.Name ?? id;

    private static string Team(PlanningContext context, Guid id) =>
        context.TeamIndex(id) is var t and >= 0 ? context.Teams[t].Name : id.ToString();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
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
