using V = MotCua.Planning.ViolationValues;

namespace MotCua.Planning;

/// <summary>
/// What a broken planning rule means, in the leader's language: shown under the rule's headline when a move by hand is
/// refused, and carried in the API's <c>violations</c>. Input errors (a malformed problem) stay in English: they are
/// for whoever sent the data, not for a leader.
/// </summary>
public static class ViolationText
{
    /// <param name="culture">"vi", "en" or "id" (a region such as "vi-VN" is accepted); anything else falls back to Vietnamese.</param>
    public static string Format(PlanViolation violation, string culture)
    {
        ArgumentNullException.ThrowIfNull(violation);
        var l = PlanningLanguage.For(culture);
        var v = violation.Values;
        string N(string key) => l.Number(v, key, "N0");
        string Get(string key) => v.GetValueOrDefault(key, "?");
        var session = Session(l, v);
        var at = At(l, v);
        return violation.Kind switch
        {
            ViolationKinds.Input => Get(V.Detail),
            ViolationKinds.Unknown => Pick(l,
                $"{session} names a team or hamlet that is not in the problem",
                $"{session} có tổ hoặc ấp không thuộc kế hoạch",
                $"{session} menyebut tim atau dusun yang tidak ada dalam rencana"),
            ViolationKinds.Date => Pick(l,
                $"{session} is on a date outside the campaign",
                $"{session} rơi vào ngày không thuộc đợt",
                $"{session} jatuh pada tanggal di luar kampanye"),
            ViolationKinds.ClosedDate => Pick(l,
                $"{session} is new but its date has already passed",
                $"{session} là buổi mới nhưng ngày đó đã qua",
                $"{session} baru, tetapi tanggalnya sudah lewat"),
            ViolationKinds.Slot => Pick(l,
                $"{session} uses a slot the campaign does not run",
                $"{session} rơi vào buổi mà đợt không tổ chức",
                $"{session} memakai sesi yang tidak dijalankan kampanye"),
            ViolationKinds.Capacity => Pick(l,
                $"{session} plans {N(V.Cases)} cases; one session of this team serves 0–{N(V.Capacity)}",
                $"{session} dự kiến {N(V.Cases)} hồ sơ; một buổi của tổ này nhận từ 0 đến {N(V.Capacity)} hồ sơ",
                $"{session} merencanakan {N(V.Cases)} berkas; satu sesi tim ini melayani 0–{N(V.Capacity)} berkas"),
            ViolationKinds.CrewSize => Pick(l,
                $"{session} has {N(V.Members)} members ({N(V.Distinct)} distinct); the team's crew is {N(V.Crew)}",
                $"{session} có {N(V.Members)} cán bộ ({N(V.Distinct)} người khác nhau); mỗi buổi tổ cần {N(V.Crew)} người",
                $"{session} memiliki {N(V.Members)} anggota ({N(V.Distinct)} berbeda); tim memerlukan {N(V.Crew)} orang per sesi"),
            ViolationKinds.CrewMember => Pick(l,
                $"{session} sends {Get(V.Member)}, who is not in the team",
                $"{session} cử {Get(V.Member)}, người không thuộc tổ",
                $"{session} mengirim {Get(V.Member)}, yang bukan anggota tim"),
            ViolationKinds.Unavailable => Pick(l,
                $"{session} sends {Get(V.Member)}, who is unavailable that day",
                $"{session} cử {Get(V.Member)}, người bận vào ngày đó",
                $"{session} mengirim {Get(V.Member)}, yang tidak tersedia hari itu"),
            ViolationKinds.FixedChanged => Pick(l,
                $"the held session {at} was changed",
                $"Buổi đã thực hiện ({at}) bị thay đổi",
                $"Sesi yang sudah terlaksana ({at}) diubah"),
            ViolationKinds.FixedMissing => Pick(l,
                $"the held session {at} is missing",
                $"Buổi đã thực hiện ({at}) không còn trong kế hoạch",
                $"Sesi yang sudah terlaksana ({at}) tidak ada dalam rencana"),
            ViolationKinds.FixedUnknown => Pick(l,
                $"{session} is marked as held but matches no held session",
                $"{session} được ghi là đã thực hiện nhưng không khớp buổi nào đã thực hiện",
                $"{session} ditandai terlaksana tetapi tidak cocok dengan sesi terlaksana mana pun"),
            ViolationKinds.Demand => Pick(l,
                $"{Get(V.Hamlet)} gets {N(V.Planned)} planned cases but has {N(V.Demand)} left to serve",
                $"{Get(V.Hamlet)} được xếp {N(V.Planned)} hồ sơ nhưng chỉ còn {N(V.Demand)} hồ sơ cần phục vụ",
                $"{Get(V.Hamlet)} mendapat {N(V.Planned)} berkas terencana tetapi hanya {N(V.Demand)} yang tersisa"),
            ViolationKinds.TeamSlot => Pick(l,
                $"team {Get(V.Team)} has {N(V.Count)} sessions on {SlotDate(l, v)}",
                $"{Get(V.Team)} có {N(V.Count)} buổi cùng vào {SlotDate(l, v)}",
                $"Tim {Get(V.Team)} memiliki {N(V.Count)} sesi pada {SlotDate(l, v)}"),
            ViolationKinds.MemberSlot => Pick(l,
                $"{Get(V.Member)} is in {N(V.Count)} sessions on {SlotDate(l, v)}",
                $"{Get(V.Member)} được xếp vào {N(V.Count)} buổi cùng lúc ({SlotDate(l, v)})",
                $"{Get(V.Member)} ada di {N(V.Count)} sesi sekaligus ({SlotDate(l, v)})"),
            ViolationKinds.Travel => Travel(l, v),
            ViolationKinds.Rotation => Pick(l,
                $"{Get(V.Member)} would work {N(V.Days)} days; the limit is {N(V.Limit)}",
                $"{Get(V.Member)} sẽ làm {N(V.Days)} ngày; tối đa {N(V.Limit)} ngày",
                $"{Get(V.Member)} akan bekerja {N(V.Days)} hari; batasnya {N(V.Limit)} hari"),
            _ => string.Join(", ", v.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}")),
        };
    }

    private static string Travel(PlanningLanguage l, IReadOnlyDictionary<string, string> v)
    {
        var (team, from, to, date, limit) = (v.GetValueOrDefault(V.Team, "?"), v.GetValueOrDefault(V.From, "?"), v.GetValueOrDefault(V.To, "?"), l.Date(v, V.Date), l.Number(v, V.Limit, "N0"));
        var known = v.ContainsKey(V.Minutes);
        var minutes = l.Number(v, V.Minutes, "N0");
        return Pick(l,
            $"team {team} goes from {from} to {to} on {date}: {(known ? $"{minutes} min" : "no known route")}, limit {limit} min",
            $"{team} đi từ {from} đến {to} ngày {date}: {(known ? $"{minutes} phút" : "chưa có đường đi giữa hai ấp")}, giới hạn {limit} phút",
            $"Tim {team} berpindah dari {from} ke {to} pada {date}: {(known ? $"{minutes} menit" : "tidak ada rute yang diketahui")}, batas {limit} menit");
    }

    /// <summary>"session 2026-03-07 Morning team Tổ 1 at Ấp Tân Hòa" / "Buổi sáng 07/03/2026 của Tổ 1 tại Ấp Tân Hòa".</summary>
    private static string Session(PlanningLanguage l, IReadOnlyDictionary<string, string> v) => Pick(l,
        $"session {v.GetValueOrDefault(V.Date, "?")} {v.GetValueOrDefault(V.Slot, "?")} team {v.GetValueOrDefault(V.Team, "?")} at {v.GetValueOrDefault(V.Hamlet, "?")}",
        $"Buổi {SlotName(l, v)} {l.Date(v, V.Date)} của {v.GetValueOrDefault(V.Team, "?")} tại {v.GetValueOrDefault(V.Hamlet, "?")}",
        $"Sesi {SlotName(l, v)} {l.Date(v, V.Date)} tim {v.GetValueOrDefault(V.Team, "?")} di {v.GetValueOrDefault(V.Hamlet, "?")}");

    /// <summary>A held session named without its hamlet: "2026-03-07 Morning team Tổ 1" / "sáng 07/03/2026, Tổ 1".</summary>
    private static string At(PlanningLanguage l, IReadOnlyDictionary<string, string> v) => Pick(l,
        $"{v.GetValueOrDefault(V.Date, "?")} {v.GetValueOrDefault(V.Slot, "?")} team {v.GetValueOrDefault(V.Team, "?")}",
        $"{SlotName(l, v)} {l.Date(v, V.Date)}, {v.GetValueOrDefault(V.Team, "?")}",
        $"{SlotName(l, v)} {l.Date(v, V.Date)}, tim {v.GetValueOrDefault(V.Team, "?")}");

    private static string SlotDate(PlanningLanguage l, IReadOnlyDictionary<string, string> v) =>
        l.Code == "en" ? $"{v.GetValueOrDefault(V.Date, "?")} {v.GetValueOrDefault(V.Slot, "?")}" : $"{(l.Code == "vi" ? "buổi " : "sesi ")}{SlotName(l, v)} {l.Date(v, V.Date)}";

    private static string SlotName(PlanningLanguage l, IReadOnlyDictionary<string, string> v) => (l.Code, v.GetValueOrDefault(V.Slot)) switch
    {
        ("vi", nameof(Slot.Morning)) => "sáng",
        ("vi", nameof(Slot.Afternoon)) => "chiều",
        ("id", nameof(Slot.Morning)) => "pagi",
        ("id", nameof(Slot.Afternoon)) => "siang",
        (_, var other) => other ?? "?",
    };

    private static string Pick(PlanningLanguage l, string en, string vi, string id) => l.Code switch
    {
        "en" => en,
        "id" => id,
        _ => vi,
    };
}
