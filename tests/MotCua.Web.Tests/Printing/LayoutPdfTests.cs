using System.Globalization;
using System.Text;

using MotCua.Web.Platform.Printing;

namespace MotCua.Web.Tests.Printing;

public sealed class LayoutPdfTests
{
    private static PrintedForm Minimal(PaperSize size, IReadOnlyList<FormBlock> blocks, string title = "THÔNG BÁO") => new(
        FormCode: "Mẫu số 05",
        Size: size,
        Issuer: SampleForms.Issuer,
        Motto: SampleForms.Motto,
        PlaceAndDate: null,
        Title: title,
        Subtitle: null,
        Blocks: blocks,
        Qr: null,
        Signatures: []);

    [Fact]
    public void Long_paragraph_wraps_inside_the_margins_and_keeps_every_word()
    {
        var words = Enumerable.Range(1, 400)
            .Select(i => (i % 5) switch
            {
                0 => "nghiêng" + i.ToString(CultureInfo.InvariantCulture),
                1 => "Người",
                2 => "được",
                3 => "hướng",
                _ => "dẫn",
            })
            .ToList();
        var paragraph = string.Join(' ', words);
        using var tools = new PdfTools(PdfFormRenderer.Render(Minimal(PaperSize.A5, [new FormParagraph(paragraph)])), "long-paragraph-a5");

        var boxes = tools.Words();
        var body = boxes.SkipWhile(w => w.Text != "Người").Where(w => w.Text is not ("1/2" or "2/2")).ToList();

        Assert.All(boxes, ReceiptPdfTests.AssertInsideMargins);
        Assert.Equal(words, body.Select(w => w.Text));

        // 400 words cannot fit on a handful of lines, and they overflow onto a second A5 page.
        Assert.True(body.Select(w => (w.Page, MathF.Round(w.YMin))).Distinct().Count() > 30);
        Assert.True(tools.Info().Pages >= 2);
    }

    [Fact]
    public void Unbreakable_text_is_cut_between_graphemes_never_inside_one()
    {
        // x + combining circumflex has no precomposed form, so NFC keeps it as two code points that must stay together.
        var cluster = "x\u0302";
        var token = string.Concat(Enumerable.Repeat(cluster + "ệ", 120));
        using var tools = new PdfTools(
            PdfFormRenderer.Render(Minimal(PaperSize.A5, [new FormParagraph(token), new FormParagraph("KẾT THÚC")])),
            "unbreakable-a5");

        var lines = tools.Text()
            .Split('\n')
            .Where(l => l.Contains('ệ', StringComparison.Ordinal) || l.Contains('\u0302', StringComparison.Ordinal))
            .ToList();

        Assert.True(lines.Count >= 3, $"expected the token to wrap, got {lines.Count} line(s)");
        Assert.All(lines, l => Assert.False(l.StartsWith('\u0302'), "a line starts with an orphaned combining mark"));
        Assert.All(lines, l => Assert.True(l.EndsWith('ệ') || l.EndsWith('\u0302'), $"line cut inside a cluster: {l}"));
        Assert.Equal(token, string.Concat(lines));
        Assert.All(tools.Words(), ReceiptPdfTests.AssertInsideMargins);
    }

    [Fact]
    public void Empty_lists_tables_and_fields_render_without_error()
    {
        var form = Minimal(
            PaperSize.A5,
            [
                new FormList("Giấy tờ cần bổ sung:", []),
                new FormList(null, [], Numbered: false),
                new FormTable(["STT", "Tên giấy tờ", "Số bản"], []),
                new FormTable([], []),
                new FormFields([]),
                new FormParagraph(string.Empty),
                new FormParagraph("Hết."),
            ]) with
        {
            Issuer = [],
            Motto = [],
            FormCode = string.Empty,
            Footer = "   ",
        };

        using var tools = new PdfTools(PdfFormRenderer.Render(form), "empty-blocks-a5");
        var text = tools.Text();

        Assert.Equal(1, tools.Info().Pages);
        Assert.Contains("Giấy tờ cần bổ sung:", text, StringComparison.Ordinal);
        Assert.Contains("Tên giấy tờ", text, StringComparison.Ordinal);
        Assert.Contains("Hết.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A5_form_with_many_papers_takes_two_numbered_pages()
    {
        var papers = Enumerable.Range(1, 40)
            .Select(i => "Bản sao giấy tờ chứng minh nơi cư trú số " + i.ToString(CultureInfo.InvariantCulture))
            .ToList();
        using var tools = new PdfTools(PdfFormRenderer.Render(SampleForms.Receipt(papers)), "receipt-many-papers-a5");

        var info = tools.Info();
        var first = ReceiptPdfTests.CollapseSpaces(tools.PageText(1));
        var second = ReceiptPdfTests.CollapseSpaces(tools.PageText(2));

        Assert.Equal(2, info.Pages);
        Assert.Contains(" 1/2 ", " " + first + " ", StringComparison.Ordinal);
        Assert.Contains(" 2/2 ", " " + second + " ", StringComparison.Ordinal);
        Assert.Contains("40. Bản sao giấy tờ chứng minh nơi cư trú số 40", second, StringComparison.Ordinal);
        Assert.Contains("NGƯỜI TIẾP NHẬN", second, StringComparison.Ordinal);
        Assert.Contains("mang theo giấy này", first, StringComparison.Ordinal);
        Assert.Contains("mang theo giấy này", second, StringComparison.Ordinal);
        for (var i = 1; i <= 40; i++)
        {
            var item = "cư trú số " + i.ToString(CultureInfo.InvariantCulture) + " ";
            Assert.Equal(1, CountOrdinal(first + " " + second + " ", item));
        }

        Assert.All(tools.Words(), ReceiptPdfTests.AssertInsideMargins);
        Assert.Equal(SampleForms.LookupUrl, tools.DecodeQr());
    }

    [Fact]
    public void Header_lines_stay_on_one_line_each_on_A5()
    {
        using var tools = new PdfTools(PdfFormRenderer.Render(SampleForms.Receipt()), "header-a5");
        var words = tools.Words();

        foreach (var line in SampleForms.Issuer.Concat(SampleForms.Motto))
        {
            var parts = line.Split(' ');
            var start = words.FindIndex(w => w.Text == parts[0] && words.Skip(words.IndexOf(w)).Take(parts.Length).Select(x => x.Text).SequenceEqual(parts));
            Assert.True(start >= 0, $"'{line}' not found in reading order");
            var run = words.GetRange(start, parts.Length);
            Assert.Single(run.Select(w => MathF.Round(w.YMin)).Distinct());
        }
    }

    [Fact]
    public void Several_forms_make_one_document_with_numbering_per_form()
    {
        var forms = new[] { SampleForms.Receipt(), Minimal(PaperSize.A4, [new FormParagraph("Trang riêng")], "PHIẾU KIỂM SOÁT") };
        using var tools = new PdfTools(PdfFormRenderer.Render(forms), "two-forms");

        Assert.Equal(2, tools.Info().Pages);
        Assert.Contains("GIẤY TIẾP NHẬN HỒ SƠ", tools.PageText(1), StringComparison.Ordinal);
        Assert.Contains("PHIẾU KIỂM SOÁT", tools.PageText(2), StringComparison.Ordinal);
        Assert.DoesNotContain("1/2", tools.Text(), StringComparison.Ordinal);
        Assert.Equal(
            "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ; PHIẾU KIỂM SOÁT",
            ReceiptPdfTests.InfoField(tools.RawInfo(), "Title"));
    }

    [Fact]
    public void Text_is_normalised_to_NFC_before_drawing()
    {
        var decomposed = "Trường hợp ủy quyền: xuất trình văn bản".Normalize(NormalizationForm.FormD);
        using var tools = new PdfTools(PdfFormRenderer.Render(Minimal(PaperSize.A5, [new FormParagraph(decomposed)])), "nfd-input-a5");
        var text = tools.Text();

        Assert.True(text.IsNormalized(NormalizationForm.FormC));
        Assert.Contains("Trường hợp ủy quyền: xuất trình văn bản", text, StringComparison.Ordinal);
    }

    [Fact]
    public void No_forms_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => PdfFormRenderer.Render(Array.Empty<PrintedForm>()));
    }

    [Fact]
    public void Table_rows_wider_than_the_header_are_rejected()
    {
        var form = Minimal(PaperSize.A4, [new FormTable(["A", "B"], [["1", "2", "3"]])]);

        var error = Assert.Throws<ArgumentException>(() => PdfFormRenderer.Render(form));
        Assert.Contains("3 cells", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_widths_must_match_the_columns()
    {
        var form = Minimal(PaperSize.A4, [new FormTable(["A", "B"], [["1", "2"]], [1f])]);

        Assert.Throws<ArgumentException>(() => PdfFormRenderer.Render(form));
    }

    [Fact]
    public void Row_taller_than_a_page_is_split_across_pages_without_losing_lines()
    {
        var tall = string.Join('\n', Enumerable.Range(1, 90).Select(i => "Dòng ghi chú số " + i.ToString("D2", CultureInfo.InvariantCulture)));
        var form = Minimal(PaperSize.A5, [new FormTable(["Mục", "Ghi chú"], [["1", tall]], [1f, 4f])]);
        using var tools = new PdfTools(PdfFormRenderer.Render(form), "tall-row-a5");

        var text = ReceiptPdfTests.CollapseSpaces(tools.Text());
        var pages = tools.Info().Pages;

        Assert.True(pages >= 2);
        for (var i = 1; i <= 90; i++)
        {
            Assert.Equal(1, CountOrdinal(text, "Dòng ghi chú số " + i.ToString("D2", CultureInfo.InvariantCulture)));
        }

        for (var p = 1; p <= pages; p++)
        {
            Assert.Contains("Ghi chú", tools.PageText(p), StringComparison.Ordinal);
        }

        Assert.All(tools.Words(), ReceiptPdfTests.AssertInsideMargins);
    }

    [Fact]
    public void Qr_without_fields_goes_under_the_blocks_and_still_decodes()
    {
        var form = Minimal(PaperSize.A4, [new FormParagraph("Kết quả điện tử được ký số và lưu trữ.")]) with
        {
            Qr = new FormQr(SampleForms.LookupUrl, "Tra cứu"),
            Signatures = [new FormSignature("GIÁM ĐỐC", "(Ký, đóng dấu)", "Lê Văn Sự")],
        };
        using var tools = new PdfTools(PdfFormRenderer.Render(form), "qr-under-blocks-a4");
        var words = tools.Words();

        Assert.Equal(SampleForms.LookupUrl, tools.DecodeQr());
        var paragraph = words.Single(w => w.Text == "Kết");
        var caption = words.Single(w => w.Text == "Tra");
        var role = words.Single(w => w.Text == "GIÁM");
        Assert.True(paragraph.YMax < caption.YMin && caption.YMax < role.YMin + 1, "expected paragraph, QR, then signature");
    }

    [Fact]
    public void Concurrent_renders_share_the_fonts_safely_and_give_identical_bytes()
    {
        // Skia writes no timestamp or document ID here, so equal input gives equal bytes: archives and ETags can rely on it.
        var expected = PdfFormRenderer.Render(SampleForms.Receipt());
        var results = new byte[8][];

        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = PdfFormRenderer.Render(SampleForms.Receipt()));

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    private static int CountOrdinal(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
