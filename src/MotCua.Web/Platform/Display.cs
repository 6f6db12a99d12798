using System.Globalization;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalog;

namespace MotCua.Web.Platform;

/// <summary>How domain values read to people, in the current culture.</summary>
public static class Display
{
    /// <summary>Đồng, grouped in the current culture: "20.000 ₫" in Vietnamese, "20,000 ₫" in English.</summary>
    public static string Money(long dong) => dong.ToString("N0", CultureInfo.CurrentCulture) + " ₫";

    public static string TimeLimit(TimeLimit limit, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return limit.Kind switch
        {
            TimeLimitKind.WorkingDays => string.Format(CultureInfo.CurrentCulture, t["TimeLimit.WorkingDays"], limit.Value),
            TimeLimitKind.WorkingHours => string.Format(CultureInfo.CurrentCulture, t["TimeLimit.WorkingHours"], limit.Value),
            TimeLimitKind.SameDay => t["TimeLimit.SameDay"],
            _ => t["TimeLimit.None"],
        };
    }

    public static string Fee(Fee fee, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(fee);
        ArgumentNullException.ThrowIfNull(t);
        return fee.Kind switch
        {
            FeeKind.Free => t["Fee.Free"],
            FeeKind.FreeIfOnTime => t["Fee.FreeIfOnTime"],
            FeeKind.Fixed when fee.OnlineAmount is { } online => string.Format(CultureInfo.CurrentCulture, t["Fee.FixedOnline"], Money(fee.Amount), Money(online)),
            FeeKind.Fixed => Money(fee.Amount),
            FeeKind.PerPage => string.Format(CultureInfo.CurrentCulture, t["Fee.PerPage"], Money(fee.Amount), fee.FirstPages, Money(fee.NextPageAmount), fee.Cap is { } cap ? Money(cap) : "—"),
            FeeKind.PerCopy => string.Format(CultureInfo.CurrentCulture, t["Fee.PerCopy"], Money(fee.Amount)),
            FeeKind.SetByProvince => string.Format(CultureInfo.CurrentCulture, t["Fee.SetByProvince"], Money(fee.Amount)),
            _ => string.Empty,
        };
    }

    /// <summary>A local date and time: "02/03/2026 09:30".</summary>
    public static string When(DateTimeOffset? at) =>
        at is { } a ? WorkingCalendar.ToLocal(a).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : "—";

    public static string Date(DateTimeOffset? at) =>
        at is { } a ? WorkingCalendar.ToLocal(a).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "—";

    /// <summary>The weekday and date, e.g. "Thứ Hai, 02/03/2026".</summary>
    public static string DayAndDate(DateTimeOffset at) =>
        WorkingCalendar.ToLocal(at).ToString("dddd, dd/MM/yyyy", CultureInfo.CurrentCulture);
}
