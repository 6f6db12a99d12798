using System.Globalization;
using System.Text;

using MotCua.Web.Platform.Printing;

namespace MotCua.Web.Tests.Printing;

internal static class SampleForms
{
    public const string DossierNumber = "000.00.21.H92-260302-0001";
    public const string LookupUrl = "http://127.0.0.1:5080/tra-cuu/000.00.21.H92-260302-0001?secret=ABCD2345";
    public const string Applicant = "Nguyễn Văn Hoà";

    public static readonly string[] Issuer = ["UBND XÃ CHÂU THÀNH", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"];
    public static readonly string[] Motto = ["CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"];

    /// <summary>Form 01: the receipt handed to the applicant, A5.</summary>
    public static PrintedForm Receipt(IReadOnlyList<string>? papers = null) => new(
        FormCode: "Mẫu số 01",
        Size: PaperSize.A5,
        Issuer: Issuer,
        Motto: Motto,
        PlaceAndDate: "Châu Thành, ngày 02 tháng 3 năm 2026",
        Title: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        Subtitle: "Mã hồ sơ: " + DossierNumber,
        Blocks:
        [
            new FormParagraph("Trung tâm Phục vụ hành chính công xã Châu Thành đã tiếp nhận hồ sơ của:"),
            new FormFields(
            [
                new FormField("Mã hồ sơ", DossierNumber),

                // Deliberately decomposed: the renderer must normalise to NFC before drawing.
                new FormField("Người nộp hồ sơ", Applicant.Normalize(NormalizationForm.FormD)),
                new FormField("Số điện thoại", "0912 345 678"),
                new FormField("Thủ tục", "Đăng ký khai sinh có yếu tố nước ngoài"),
                new FormField("Ngày nhận", "08 giờ 15 phút, ngày 02/3/2026"),
                new FormField("Ngày hẹn trả", "ngày 05/3/2026"),
                new FormField("Nhận kết quả", "Trực tiếp tại Trung tâm Phục vụ hành chính công"),
            ]),
            new FormList(
                "Thành phần hồ sơ đã nhận:",
                papers ?? ["Giấy chứng sinh", "Tờ khai đăng ký khai sinh", "Giấy tờ tuỳ thân của người đi đăng ký"]),
            new FormParagraph("Hồ sơ được lưu trữ điện tử. Ứng dụng tra cứu: quét mã QR, nhập số điện thoại đã khai."),
        ],
        Qr: new FormQr(LookupUrl, "Quét mã để tra cứu tình trạng hồ sơ"),
        Signatures:
        [
            new FormSignature("NGƯỜI NỘP HỒ SƠ", "(Ký, ghi rõ họ tên)", Applicant),
            new FormSignature("NGƯỜI TIẾP NHẬN", "(Ký, ghi rõ họ tên)", "Trần Thị Thu Hương"),
        ],
        Footer: "Khi đến nhận kết quả, ông/bà mang theo giấy này.");

    public static string RegisterCode(int row) => "000.00.21.H92-260302-" + row.ToString("D4", CultureInfo.InvariantCulture);

    public static string RegisterApplicant(int row) => "Người nộp số " + row.ToString("D3", CultureInfo.InvariantCulture);

    /// <summary>Form 07: the dossier register, A4, one row per dossier.</summary>
    public static PrintedForm Register(int rows) => new(
        FormCode: "Mẫu số 07",
        Size: PaperSize.A4,
        Issuer: Issuer,
        Motto: Motto,
        PlaceAndDate: null,
        Title: "SỔ THEO DÕI HỒ SƠ",
        Subtitle: "Tháng 3 năm 2026",
        Blocks:
        [
            new FormTable(
                ["STT", "Số hồ sơ", "Người nộp", "Thủ tục", "Ngày hẹn trả", "Tình trạng"],
                [.. Enumerable.Range(1, rows).Select(i => (IReadOnlyList<string>)
                [
                    i.ToString(CultureInfo.InvariantCulture),
                    RegisterCode(i),
                    RegisterApplicant(i),
                    i % 7 == 0 ? "Đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi" : "Chứng thực bản sao",
                    "05/3/2026",
                    i % 3 == 0 ? "Đã trả kết quả" : "Đang xử lý",
                ])],
                [0.6f, 3f, 2.2f, 3.2f, 1.6f, 1.6f]),
        ],
        Qr: null,
        Signatures: [new FormSignature("NGƯỜI LẬP SỔ", null, "Trần Thị Thu Hương")],
        Footer: null);
}
