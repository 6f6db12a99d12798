using System.Text;
using System.Text.RegularExpressions;

using MotCua.Web.Platform.Printing;

namespace MotCua.Web.Tests.Printing;

public sealed partial class ReceiptPdfTests : IDisposable
{
    private const float PointsPerMm = 72f / 25.4f;

    private readonly byte[] _pdf;
    private readonly PdfTools _tools;

    public ReceiptPdfTests()
    {
        _pdf = PdfFormRenderer.Render(SampleForms.Receipt());
        _tools = new PdfTools(_pdf, "receipt-a5");
    }

    public void Dispose() => _tools.Dispose();

    public static TheoryData<string> VietnameseStrings =>
    [
        "Mẫu số 01",
        "UBND XÃ CHÂU THÀNH",
        "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Châu Thành, ngày 02 tháng 3 năm 2026",
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        SampleForms.DossierNumber,
        "Người nộp hồ sơ:",
        SampleForms.Applicant,
        "Đăng ký khai sinh có yếu tố nước ngoài",
        "Thành phần hồ sơ đã nhận:",
        "Giấy chứng sinh",
        "Giấy tờ tuỳ thân của người đi đăng ký",
        "Hồ sơ được lưu trữ điện tử. Ứng dụng tra cứu: quét mã QR, nhập số điện thoại đã khai.",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN",
        "(Ký, ghi rõ họ tên)",
        "Trần Thị Thu Hương",
        "Khi đến nhận kết quả, ông/bà mang theo giấy này.",
    ];

    [Theory]
    [MemberData(nameof(VietnameseStrings))]
    public void Text_extracts_every_Vietnamese_string_exactly(string expected)
    {
        var text = _tools.Text();

        // Raw output must already be NFC: a decomposed input drawn without normalising would come back as base + mark.
        Assert.True(text.IsNormalized(NormalizationForm.FormC), "pdftotext output is not NFC");
        Assert.Contains(expected.Normalize(NormalizationForm.FormC), CollapseSpaces(text), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ấ")]
    [InlineData("ộ")]
    [InlineData("ữ")]
    [InlineData("Ứ")]
    [InlineData("Ấ")]
    [InlineData("Ộ")]
    [InlineData("à")]
    [InlineData("đ")]
    public void Stacked_accents_survive_as_precomposed_letters(string letter)
    {
        // DejaVu-style fallbacks keep one of the two marks (ấ comes out as á): the exact code point must come back.
        Assert.Contains(letter, _tools.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_bundled_Noto_faces_are_used_and_they_are_embedded()
    {
        var fonts = _tools.Fonts()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Skip(2)
            .ToList();

        Assert.NotEmpty(fonts);
        Assert.All(fonts, line =>
        {
            Assert.Contains("NotoSans", line, StringComparison.Ordinal);
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

            // pdffonts columns from the right: object id, generation, uni, sub, emb.
            Assert.Equal("yes", columns[^5]);
            Assert.Equal("yes", columns[^4]);
            Assert.Equal("yes", columns[^3]);
        });
        Assert.Contains(fonts, l => l.Contains("Bold", StringComparison.Ordinal));
    }

    [Fact]
    public void Qr_decodes_from_a_200_dpi_raster_to_the_exact_lookup_url()
    {
        Assert.Equal(SampleForms.LookupUrl, _tools.DecodeQr());
    }

    [Fact]
    public void Page_is_a_single_A5_sheet()
    {
        var info = _tools.Info();

        Assert.Equal(1, info.Pages);
        // Skia writes whole points (420 × 595), so allow the rounding but nothing more.
        Assert.Equal(148 * PointsPerMm, info.WidthPt, 0.5f);
        Assert.Equal(210 * PointsPerMm, info.HeightPt, 0.5f);
        Assert.Contains("(A5)", _tools.RawInfo(), StringComparison.Ordinal);
        Assert.DoesNotContain("1/1", _tools.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void File_stays_small()
    {
        Assert.InRange(_pdf.Length, 10_000, 150 * 1024);
    }

    [Fact]
    public void Pdf_metadata_names_the_form_and_the_creator()
    {
        var info = _tools.RawInfo();

        Assert.Equal("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", InfoField(info, "Title"));
        Assert.Equal("MotCua", InfoField(info, "Creator"));
    }

    [Fact]
    public void All_text_lies_inside_the_margins()
    {
        var words = _tools.Words();

        Assert.NotEmpty(words);
        Assert.All(words, w => AssertInsideMargins(w));
    }

    [Fact]
    public void Qr_caption_sits_centred_under_the_qr()
    {
        var words = _tools.Words();
        var first = words.Single(w => w.Text == "Quét");
        var captionWords = words
            .Where(w => w.XMin >= first.XMin - 30 && w.YMin >= first.YMin - 1 && w.YMin < first.YMin + 20)
            .OrderBy(w => Math.Round(w.YMin))
            .ThenBy(w => w.XMin)
            .ToList();
        var qr = FindQr(words, _tools.Raster(200));

        Assert.Equal("Quét mã để tra cứu tình trạng hồ sơ", string.Join(' ', captionWords.Select(w => w.Text)));
        Assert.InRange(first.YMin - qr.Bottom, 0, 6 * PointsPerMm);
        var captionCentre = (captionWords.Min(w => w.XMin) + captionWords.Max(w => w.XMax)) / 2;
        Assert.Equal((qr.Left + qr.Right) / 2, captionCentre, 3 * PointsPerMm);
    }

    [Fact]
    public void Qr_is_28_mm_square_beside_the_fields_with_a_clear_quiet_zone()
    {
        var words = _tools.Words();
        var image = _tools.Raster(200);
        var qr = FindQr(words, image);

        Assert.Equal(28 * PointsPerMm, qr.Right - qr.Left, 0.6f * PointsPerMm);
        Assert.Equal(28 * PointsPerMm, qr.Bottom - qr.Top, 0.6f * PointsPerMm);

        // Beside the fields: level with the first field row, and no word box reaches into the symbol or its quiet zone.
        var quiet = 3 * PointsPerMm;
        var firstRow = DossierField(words);
        Assert.InRange(qr.Top - firstRow.YMin, 0, 8 * PointsPerMm);
        var intruders = words.Where(w =>
            w.XMax > qr.Left - quiet && w.XMin < qr.Right + quiet && w.YMax > qr.Top - quiet && w.YMin < qr.Bottom + quiet);
        Assert.Empty(intruders.Select(w => w.Text));

        // And on the raster: the ring of quiet zone around the symbol holds no ink at all.
        var ring = image.DarkBounds(qr.Left - quiet, qr.Top - quiet, qr.Right + quiet, qr.Bottom + quiet);
        Assert.Equal(qr, ring);
    }

    /// <summary>
    /// Locates the symbol on the raster: it is the only ink in a band centred on the caption, from the first field row
    /// down to the caption. Text running into the band (fields not wrapped short of the QR) widens what is found.
    /// </summary>
    private static (float Left, float Top, float Right, float Bottom) FindQr(List<PdfWord> words, GreyImage image)
    {
        var caption = words.Single(w => w.Text == "Quét");
        var lineTwo = words.Single(w => w.Text == "trạng" && w.YMin > caption.YMin);
        var centre = (lineTwo.XMin + words.Single(w => w.Text == "sơ" && Math.Abs(w.YMin - lineTwo.YMin) < 1).XMax) / 2;
        var top = DossierField(words).YMin - 2;
        var found = image.DarkBounds(centre - (20 * PointsPerMm), top, centre + (20 * PointsPerMm), caption.YMin - 1);
        Assert.NotNull(found);
        return found.Value;
    }

    private static PdfWord DossierField(List<PdfWord> words) =>
        words.Where(w => w.Text == SampleForms.DossierNumber).OrderBy(w => w.YMin).Skip(1).First();

    internal static void AssertInsideMargins(PdfWord word)
    {
        // The brief allows 12–15 mm margins; nothing may cross 12 mm on either side or leave the sheet.
        var margin = 12 * PointsPerMm;
        Assert.True(word.XMin >= margin - 0.5f, $"'{word.Text}' starts at x={word.XMin} (page {word.Page})");
        Assert.True(word.XMax <= word.PageWidth - margin + 0.5f, $"'{word.Text}' ends at x={word.XMax} of {word.PageWidth} (page {word.Page})");
        Assert.True(word.YMin >= margin - 0.5f, $"'{word.Text}' starts at y={word.YMin} (page {word.Page})");
        Assert.True(word.YMax <= word.PageHeight - margin + 0.5f, $"'{word.Text}' ends at y={word.YMax} of {word.PageHeight} (page {word.Page})");
    }

    internal static string InfoField(string pdfinfo, string name)
    {
        var line = pdfinfo.Split('\n').Single(l => l.StartsWith(name + ":", StringComparison.Ordinal));
        return line[(name.Length + 1)..].Trim();
    }

    internal static string CollapseSpaces(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
