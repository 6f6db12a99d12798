using MotCua.Domain.Dossiers;
using MotCua.Web.Platform.Printing;

namespace MotCua.Web.Features.Register;

internal static class RegisterNote
{
    /// <summary>The register's remark: where the dossier stands, and early / on time / late once it ended.</summary>
    public static string Of(Dossier d, Timeliness? timeliness)
    {
        ArgumentNullException.ThrowIfNull(d);
        var state = d.Status switch
        {
            DossierStatus.NewlyRegistered => "Chờ tiếp nhận",
            DossierStatus.NotAccepted => "Không tiếp nhận",
            DossierStatus.Withdrawn => "Công dân rút hồ sơ",
            DossierStatus.Stopped => "Dừng giải quyết",
            DossierStatus.SupplementRequested => "Chờ bổ sung",
            DossierStatus.AwaitingPayment => "Chờ nộp phí",
            DossierStatus.Processed => "Chờ trả kết quả",
            DossierStatus.ResultReturned => "Đã trả kết quả",
            _ => "Đang giải quyết",
        };
        return timeliness is null || d.EndedAt is null && timeliness != Timeliness.Late ? state : $"{state} ({FormWords.TimelinessVi(timeliness).ToLowerInvariant()})";
    }
}
