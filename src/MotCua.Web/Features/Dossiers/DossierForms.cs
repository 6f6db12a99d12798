using System.Globalization;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Web.Platform.Printing;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// The forms of Circular 03/2025/TT-VPCP annex I for one dossier, as <see cref="PrintedForm"/>s. They are official
/// documents handed to citizens, so they are always in Vietnamese whatever the officer's interface language.
/// </summary>
public static class DossierForms
{
    public static readonly IReadOnlyList<string> Kinds = ["receipt", "supplement", "refusal", "apology", "stopped", "control-sheet"];

    public static PrintedForm? Build(string kind, DossierSheet s, string lookupUrl) => kind switch
    {
        "receipt" => Receipt(s, lookupUrl),
        "supplement" => Last(s, DossierAction.RequestSupplement) is { } e ? Supplement(s, e) : null,
        "refusal" => Last(s, DossierAction.Decline) is { } e ? Refusal(s, e) : null,
        "apology" => Last(s, DossierAction.Apologise) is { } e ? Apology(s, e) : null,
        "stopped" => Last(s, DossierAction.Stop) is { } e ? Stopped(s, e) : null,
        "control-sheet" => ControlSheet(s),
        _ => null,
    };

    private static DossierEvent? Last(DossierSheet s, DossierAction action) => s.Dossier.Events.LastOrDefault(e => e.Action == action);

    private static FormField[] ApplicantFields(DossierSheet s)
    {
        var a = s.Dossier.Applicant;
        return
        [
            new("Ông/Bà", a.FullName),
            new("Số định danh cá nhân", a.CitizenId?.Value ?? "—"),
            new("Điện thoại", a.Phone?.Value ?? "—"),
            new("Địa chỉ", string.Join(", ", new[] { a.Address, s.HamletName }.Where(x => !string.IsNullOrWhiteSpace(x)).Distinct()) is { Length: > 0 } address ? address : "—"),
        ];
    }

    private static PrintedForm Receipt(DossierSheet s, string lookupUrl)
    {
        var d = s.Dossier;
        var fields = new List<FormField>(ApplicantFields(s))
        {
            new("Nội dung yêu cầu giải quyết", $"{s.ProcedureNames.Vi} ({d.ProcedureCode})"),
        };
        var timing = new List<FormField>
        {
            new("Số lượng hồ sơ", "01 bộ"),
            new("Thời gian giải quyết theo quy định", FormWords.TimeLimitVi(d.TimeLimit)),
            new("Thời gian nhận hồ sơ", FormWords.HourAndDate(d.ReceivedAt ?? d.RegisteredAt)),
            new("Thời gian trả kết quả", d.OriginalDueAt is null ? "Theo thoả thuận" : FormWords.HourAndDate(d.OriginalDueAt)),
            new("Nhận kết quả tại", $"Trung tâm Phục vụ hành chính công {s.Unit.Name}"),
            new("Mã tra cứu", d.LookupSecret),
        };
        return new PrintedForm(
            "Mẫu số 01", PaperSize.A5, Letterhead.Issuer(s.Unit), Letterhead.Motto, Letterhead.PlaceAndDate(s.Unit, d.ReceivedAt ?? d.RegisteredAt),
            "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", $"Mã hồ sơ: {d.Number}",
            [
                new FormParagraph($"Trung tâm Phục vụ hành chính công {s.Unit.Name} tiếp nhận hồ sơ của:"),
                new FormFields(fields),
                new FormList("Thành phần hồ sơ nộp gồm:", [.. d.PapersReceived]),
                new FormFields(timing),
            ],
            new FormQr(lookupUrl, "Quét mã để tra cứu hồ sơ"),
            [new FormSignature("NGƯỜI NỘP HỒ SƠ", "(Ký và ghi rõ họ tên)", d.Applicant.FullName), new FormSignature("NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", s.Officer(d.ReceivedBy))],
            "Khi đến nhận kết quả, ông/bà mang theo giấy này và giấy tờ tuỳ thân. Tra cứu tình trạng hồ sơ bằng mã QR, hoặc tại trang tra cứu với mã hồ sơ và mã tra cứu.");
    }

    private static PrintedForm Supplement(DossierSheet s, DossierEvent e)
    {
        var d = s.Dossier;
        return new PrintedForm(
            "Mẫu số 02", PaperSize.A5, Letterhead.Issuer(s.Unit), Letterhead.Motto, Letterhead.PlaceAndDate(s.Unit, e.At),
            "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", $"Mã hồ sơ: {d.Number}",
            [
                new FormParagraph($"Trung tâm Phục vụ hành chính công {s.Unit.Name} tiếp nhận hồ sơ của:"),
                new FormFields(ApplicantFields(s)[..2]),
                new FormFields([new("Nội dung yêu cầu giải quyết", $"{s.ProcedureNames.Vi} ({d.ProcedureCode})")]),
                new FormParagraph("Sau khi xem xét thành phần hồ sơ, đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:"),
                new FormList(null, SplitLines(e.Reason)),
                new FormParagraph("Thời gian chờ Ông/Bà bổ sung hồ sơ không tính vào thời hạn giải quyết. Nếu có vướng mắc, xin liên hệ Trung tâm để được hướng dẫn."),
            ],
            null,
            [new FormSignature("NGƯỜI HƯỚNG DẪN", "(Ký và ghi rõ họ tên)", s.Officer(e.ActorId))]);
    }

    private static PrintedForm Refusal(DossierSheet s, DossierEvent e)
    {
        var d = s.Dossier;
        return new PrintedForm(
            "Mẫu số 03", PaperSize.A5, Letterhead.Issuer(s.Unit), Letterhead.Motto, Letterhead.PlaceAndDate(s.Unit, e.At),
            "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", $"Mã hồ sơ: {d.Number}",
            [
                new FormParagraph($"Trung tâm Phục vụ hành chính công {s.Unit.Name} nhận được hồ sơ của:"),
                new FormFields(ApplicantFields(s)[..2]),
                new FormFields([new("Nội dung yêu cầu giải quyết", $"{s.ProcedureNames.Vi} ({d.ProcedureCode})")]),
                new FormParagraph("Sau khi nghiên cứu, căn cứ quy định của pháp luật, Trung tâm từ chối tiếp nhận hồ sơ với lý do cụ thể như sau:"),
                new FormList(null, SplitLines(e.Reason), Numbered: false),
                new FormParagraph("Xin thông báo để Ông/Bà biết và thực hiện."),
            ],
            null,
            [new FormSignature("NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", s.Officer(e.ActorId))]);
    }

    private static PrintedForm Apology(DossierSheet s, DossierEvent e)
    {
        var d = s.Dossier;
        return new PrintedForm(
            "Mẫu số 04", PaperSize.A5, Letterhead.Issuer(s.Unit), Letterhead.Motto, Letterhead.PlaceAndDate(s.Unit, e.At),
            "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", $"Mã hồ sơ: {d.Number}",
            [
                new FormParagraph($"Ngày {Vi(d.ReceivedAt)}, Trung tâm Phục vụ hành chính công {s.Unit.Name} tiếp nhận hồ sơ đề nghị {s.ProcedureNames.Vi} của Ông/Bà {d.Applicant.FullName}."),
                new FormParagraph($"Thời gian hẹn trả kết quả giải quyết hồ sơ: {FormWords.HourAndDate(d.DueAt)}."),
                new FormParagraph("Tuy nhiên đến nay, hồ sơ của Ông/Bà chưa được giải quyết xong. Lý do:"),
                new FormList(null, SplitLines(e.Reason), Numbered: false),
                new FormParagraph($"Sự chậm trễ này đã gây phiền hà cho Ông/Bà. Chúng tôi xin lỗi và hẹn trả kết quả vào ngày {Vi(e.PromisedAt)}."),
                new FormParagraph("Mong nhận được sự thông cảm của Ông/Bà."),
            ],
            null,
            [new FormSignature("GIÁM ĐỐC TRUNG TÂM", "(Ký, ghi rõ họ tên và đóng dấu)", null)]);
    }

    private static PrintedForm Stopped(DossierSheet s, DossierEvent e)
    {
        var d = s.Dossier;
        return new PrintedForm(
            "Mẫu số 05", PaperSize.A5, Letterhead.Issuer(s.Unit), Letterhead.Motto, Letterhead.PlaceAndDate(s.Unit, e.At),
            "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", $"Mã hồ sơ: {d.Number}",
            [
                new FormParagraph($"Trung tâm Phục vụ hành chính công {s.Unit.Name} thông báo dừng giải quyết hồ sơ:"),
                new FormFields([.. ApplicantFields(s)[..2], new("Nội dung yêu cầu giải quyết", $"{s.ProcedureNames.Vi} ({d.ProcedureCode})"), new("Ngày tiếp nhận", Vi(d.ReceivedAt))]),
                new FormParagraph("Lý do dừng giải quyết:"),
                new FormList(null, SplitLines(e.Reason), Numbered: false),
                new FormParagraph("Ông/Bà được nhận lại hồ sơ đã nộp tại Trung tâm."),
            ],
            null,
            [new FormSignature("NGƯỜI GIẢI QUYẾT", "(Ký và ghi rõ họ tên)", s.Officer(e.ActorId))]);
    }

    private static PrintedForm ControlSheet(DossierSheet s)
    {
        var d = s.Dossier;
        var rows = new List<IReadOnlyList<string>>();
        foreach (var e in d.Events.OrderBy(e => e.Sequence).Where(e => e.Action is DossierAction.Receive or DossierAction.Accept or DossierAction.HandOver or DossierAction.Complete or DossierAction.ReturnResult or DossierAction.RequestSupplement or DossierAction.SupplementReceived or DossierAction.Stop or DossierAction.Withdraw))
        {
            var from = e.Action == DossierAction.Receive ? "Công dân" : s.Officer(e.FromOfficerId ?? e.ActorId);
            var to = e.Action switch
            {
                DossierAction.ReturnResult or DossierAction.Stop or DossierAction.Withdraw or DossierAction.RequestSupplement => "Công dân",
                DossierAction.Complete => "Bộ phận trả kết quả",
                _ => s.Officer(e.ToOfficerId ?? e.ActorId),
            };
            rows.Add([from, to, FormWords.HourAndDate(e.At), ActionVi(e.Action), FormWords.TimelinessVi(e.StepTimeliness), e.Reason ?? string.Empty]);
        }

        return new PrintedForm(
            "Mẫu số 06", PaperSize.A5, Letterhead.Issuer(s.Unit), Letterhead.Motto, null,
            "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", $"Mã hồ sơ: {d.Number}",
            [
                new FormFields([new("Tên thủ tục", s.ProcedureNames.Vi), new("Người nộp", d.Applicant.FullName), new("Ngày nhận", FormWords.HourAndDate(d.ReceivedAt)), new("Hạn giải quyết", FormWords.HourAndDate(d.DueAt))]),
                new FormTable(["Bên giao", "Bên nhận", "Thời gian giao, nhận", "Nội dung", "Kết quả", "Ghi chú"], rows, [1.3f, 1.3f, 1.4f, 1.1f, 0.8f, 1.1f]),
            ],
            null,
            []);
    }

    public static string ActionVi(DossierAction action) => action switch
    {
        DossierAction.Register => "Nộp trực tuyến",
        DossierAction.Receive => "Tiếp nhận",
        DossierAction.Accept => "Tiếp nhận hồ sơ trực tuyến",
        DossierAction.Decline => "Từ chối tiếp nhận",
        DossierAction.StartProcessing => "Bắt đầu xử lý",
        DossierAction.HandOver => "Chuyển xử lý",
        DossierAction.RequestSupplement => "Yêu cầu bổ sung",
        DossierAction.SupplementReceived => "Nhận hồ sơ bổ sung",
        DossierAction.RequestPayment => "Yêu cầu nộp phí",
        DossierAction.PaymentReceived => "Đã nộp phí",
        DossierAction.Complete => "Có kết quả",
        DossierAction.ReturnResult => "Trả kết quả",
        DossierAction.Withdraw => "Công dân rút hồ sơ",
        DossierAction.Stop => "Dừng giải quyết",
        DossierAction.Apologise => "Xin lỗi, hẹn lại",
        _ => action.ToString(),
    };

    private static string Vi(DateTimeOffset? at) => at is { } a ? WorkingCalendar.ToLocal(a).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "—";

    private static string[] SplitLines(string? text) =>
        (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } lines ? lines : ["—"];
}
