using System.Globalization;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;

namespace MotCua.Web.Platform.Printing;

/// <summary>The Vietnamese words official forms print, whatever the officer's interface language.</summary>
public static class FormWords
{
    /// <summary>"09 giờ 30 phút, ngày 02/03/2026".</summary>
    public static string HourAndDate(DateTimeOffset? at) => at is { } a
        ? string.Create(CultureInfo.InvariantCulture, $"{WorkingCalendar.ToLocal(a):HH} giờ {WorkingCalendar.ToLocal(a):mm} phút, ngày {WorkingCalendar.ToLocal(a):dd/MM/yyyy}")
        : "—";

    public static string TimeLimitVi(TimeLimit limit) => limit.Kind switch
    {
        TimeLimitKind.WorkingDays => string.Create(CultureInfo.InvariantCulture, $"{limit.Value:00} ngày làm việc"),
        TimeLimitKind.WorkingHours => string.Create(CultureInfo.InvariantCulture, $"{limit.Value} giờ làm việc"),
        TimeLimitKind.SameDay => "Trong ngày làm việc (nhận sau 15 giờ: ngày làm việc tiếp theo)",
        _ => "Không quy định",
    };

    public static string TimelinessVi(Timeliness? t) => t switch
    {
        Timeliness.Early => "Trước hạn",
        Timeliness.OnTime => "Đúng hạn",
        Timeliness.Late => "Quá hạn",
        _ => string.Empty,
    };

    /// <summary>How a paper is handed in, as printed on forms and notices.</summary>
    public static string PaperForm(Domain.Catalog.PaperForm form) => form switch
    {
        Domain.Catalog.PaperForm.Original => "bản chính",
        Domain.Catalog.PaperForm.Copy => "bản sao",
        Domain.Catalog.PaperForm.CertifiedCopy => "bản sao chứng thực hoặc bản chính để đối chiếu",
        Domain.Catalog.PaperForm.Presented => "xuất trình",
        _ => string.Empty,
    };
}
