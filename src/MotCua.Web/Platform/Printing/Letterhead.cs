using System.Globalization;
using MotCua.Domain.Calendar;
using MotCua.Domain.Units;

namespace MotCua.Web.Platform.Printing;

/// <summary>
/// The heading every administrative document of a commune centre carries (Decree 30/2020/NĐ-CP on document format):
/// the issuing body on the left, the national motto on the right, the place and date under it.
/// </summary>
public static class Letterhead
{
    /// <summary>The national name and motto (Quốc hiệu, tiêu ngữ).</summary>
    public static readonly IReadOnlyList<string> Motto = ["CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"];

    /// <summary>The issuing body: the commune's People's Committee and its service centre, in capitals.</summary>
    public static IReadOnlyList<string> Issuer(Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return ["UBND " + unit.Name.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"];
    }

    /// <summary>"Châu Thành, ngày 02 tháng 3 năm 2026".</summary>
    public static string PlaceAndDate(Unit unit, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var place = unit.Name;
        foreach (var prefix in new[] { "Xã ", "Phường ", "Thị trấn ", "Đặc khu " })
        {
            if (place.StartsWith(prefix, StringComparison.Ordinal))
            {
                place = place[prefix.Length..];
            }
        }

        var d = WorkingCalendar.ToLocal(at);
        return string.Create(CultureInfo.InvariantCulture, $"{place}, ngày {d.Day:00} tháng {d.Month} năm {d.Year}");
    }
}
