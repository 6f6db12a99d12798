using Language = MotCua.Planning.PlanningLanguage;

namespace MotCua.Planning;

/// <summary>
/// Plain-language reason for a session, shown to the leader beside the plan and to citizens on the hamlet's page.
/// Vietnamese is the default; English and Indonesian follow the project's other texts.
/// </summary>
public static class ReasonText
{
    public static string Format(SessionReason r) => Format(r, "vi");

    /// <param name="culture">"vi", "en" or "id" (a region such as "vi-VN" is accepted); anything else falls back to Vietnamese.</param>
    public static string Format(SessionReason r, string culture)
    {
        ArgumentNullException.ThrowIfNull(r);
        var language = Language.For(culture);
        var v = r.Values;
        var hamlet = v.GetValueOrDefault(ReasonValues.Hamlet, "?");
        var km = language.Number(v, ReasonValues.Km, "0.0");
        var demand = language.Number(v, ReasonValues.Demand, "N0");
        return r.Code switch
        {
            ReasonCodes.FarthestPriority => language.Code switch
            {
                "en" => $"{hamlet} is {km} km away and has {Groups(language, v)}",
                "id" => $"{hamlet} berjarak {km} km dari pusat layanan, dengan {Groups(language, v)}",
                _ => $"{hamlet} cách trung tâm {km} km, có {Groups(language, v)}",
            },
            ReasonCodes.PriorityGroups => language.Code switch
            {
                "en" => $"{hamlet} has {Groups(language, v)} who find it hard to travel to the centre ({km} km)",
                "id" => $"{hamlet} memiliki {Groups(language, v)} yang sulit datang ke pusat layanan ({km} km)",
                _ => $"{hamlet} có {Groups(language, v)}, khó đi đến trung tâm ({km} km)",
            },
            ReasonCodes.FirstVisit => language.Code switch
            {
                "en" => $"First session in {hamlet} this campaign: about {demand} {Plural(v, ReasonValues.Demand, "case", "cases")} waiting, {km} km from the centre",
                "id" => $"Sesi pertama di {hamlet} dalam kampanye ini: sekitar {demand} berkas menunggu, {km} km dari pusat layanan",
                _ => $"Buổi đầu tiên tại {hamlet} trong đợt này: khoảng {demand} hồ sơ đang chờ, cách trung tâm {km} km",
            },
            ReasonCodes.MoreDemand => MoreDemand(language, v, hamlet, demand),
            ReasonCodes.Held => Held(language, v, hamlet),
            ReasonCodes.Manual => language.Code switch
            {
                "en" => "Moved by hand; every planning rule was checked again.",
                "id" => "Dipindahkan secara manual; semua aturan perencanaan diperiksa ulang.",
                _ => "Đã điều chỉnh thủ công; mọi ràng buộc của kế hoạch đã được kiểm tra lại.",
            },
            _ => $"{r.Code}: {string.Join(", ", v.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"))}",
        };
    }

    private static string MoreDemand(Language language, IReadOnlyDictionary<string, string> v, string hamlet, string demand)
    {
        var session = language.Number(v, ReasonValues.Session, "N0");
        var sessions = language.Number(v, ReasonValues.Sessions, "N0");
        var capacity = language.Number(v, ReasonValues.Capacity, "N0");
        return language.Code switch
        {
            "en" => $"Session {session} of {sessions} in {hamlet}: about {demand} cases waiting, more than one session serves ({capacity})",
            "id" => $"Sesi ke-{session} dari {sessions} di {hamlet}: sekitar {demand} berkas menunggu, lebih dari kapasitas satu sesi ({capacity} berkas)",
            _ => $"Buổi thứ {session}/{sessions} tại {hamlet}: khoảng {demand} hồ sơ đang chờ, nhiều hơn một buổi phục vụ được ({capacity} hồ sơ)",
        };
    }

    private static string Held(Language language, IReadOnlyDictionary<string, string> v, string hamlet)
    {
        var cases = language.Number(v, ReasonValues.Cases, "N0");
        return language.Code switch
        {
            "en" => $"Held in {hamlet}: {cases} {Plural(v, ReasonValues.Cases, "case", "cases")} served",
            "id" => $"Sudah berlangsung di {hamlet}: {cases} berkas dilayani",
            _ => $"Đã phục vụ tại {hamlet}: {cases} hồ sơ",
        };
    }

    /// <summary>"42 elderly people and 9 people with disabilities", in the order the reason lists the groups.</summary>
    private static string Groups(Language language, IReadOnlyDictionary<string, string> v)
    {
        var parts = new List<string>();
        foreach (var key in GroupOrder)
        {
            if (!v.ContainsKey(key))
            {
                continue;
            }

            var n = language.Number(v, key, "N0");
            var one = v[key] == "1";
            parts.Add(language.Code switch
            {
                "en" => key switch
                {
                    ReasonValues.Elderly => one ? $"{n} elderly person" : $"{n} elderly people",
                    ReasonValues.Disabled => one ? $"{n} person with disabilities" : $"{n} people with disabilities",
                    ReasonValues.SocialProtection => one ? $"{n} social-protection beneficiary" : $"{n} social-protection beneficiaries",
                    ReasonValues.CashWithoutBankAccount => one ? $"{n} person paid benefits in cash without a bank account" : $"{n} people paid benefits in cash without a bank account",
                    _ => one ? $"{n} person with a procedure pending" : $"{n} people with a procedure pending",
                },
                "id" => key switch
                {
                    ReasonValues.Elderly => $"{n} lansia",
                    ReasonValues.Disabled => $"{n} penyandang disabilitas",
                    ReasonValues.SocialProtection => $"{n} penerima bantuan sosial",
                    ReasonValues.CashWithoutBankAccount => $"{n} penerima bantuan tunai tanpa rekening bank",
                    _ => $"{n} warga dengan prosedur yang belum selesai",
                },
                _ => key switch
                {
                    ReasonValues.Elderly => $"{n} người cao tuổi",
                    ReasonValues.Disabled => $"{n} người khuyết tật",
                    ReasonValues.SocialProtection => $"{n} đối tượng bảo trợ xã hội",
                    ReasonValues.CashWithoutBankAccount => $"{n} người nhận trợ cấp bằng tiền mặt chưa có tài khoản ngân hàng",
                    _ => $"{n} người có thủ tục đang chờ giải quyết",
                },
            });
        }

        if (parts.Count == 0)
        {
            return language.Code switch
            {
                "en" => "priority residents",
                "id" => "warga prioritas",
                _ => "người dân thuộc diện ưu tiên",
            };
        }

        var and = language.Code switch
        {
            "en" => "and",
            "id" => "dan",
            _ => "và",
        };
        return parts.Count == 1 ? parts[0] : $"{string.Join(", ", parts.Take(parts.Count - 1))} {and} {parts[^1]}";
    }

    private static readonly string[] GroupOrder =
    [
        ReasonValues.Elderly, ReasonValues.Disabled, ReasonValues.SocialProtection, ReasonValues.CashWithoutBankAccount, ReasonValues.PendingProcedure,
    ];

    private static string Plural(IReadOnlyDictionary<string, string> values, string key, string one, string many) =>
        values.GetValueOrDefault(key) == "1" ? one : many;
}
