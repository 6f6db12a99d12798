using System.Globalization;
using System.Text.RegularExpressions;

using MotCua.Web.Platform.Printing;

namespace MotCua.Web.Tests.Printing;

/// <summary>Shares one 300-row register across the tests: rendering and extracting it is the slow part.</summary>
public sealed class RegisterFixture : IDisposable
{
    public const int Rows = 300;

    public RegisterFixture()
    {
        Pdf = PdfFormRenderer.Render(SampleForms.Register(Rows));
        Tools = new PdfTools(Pdf, "register-a4");
        Info = Tools.Info();
        Text = Tools.Text();
    }

    public byte[] Pdf { get; }

    internal PdfTools Tools { get; }

    internal PdfInfo Info { get; }

    public string Text { get; }

    public void Dispose() => Tools.Dispose();
}

public sealed class RegisterPdfTests(RegisterFixture register) : IClassFixture<RegisterFixture>
{
    private const float PointsPerMm = 72f / 25.4f;

    [Fact]
    public void Register_is_A4_landscape_and_spreads_over_several_pages()
    {
        Assert.Equal(297 * PointsPerMm, register.Info.WidthPt, 0.5f);
        Assert.Equal(210 * PointsPerMm, register.Info.HeightPt, 0.5f);

        // ~30 rows fit an A4 landscape page at 9 pt, so 300 rows cannot fit on fewer than 7 pages.
        Assert.InRange(register.Info.Pages, 7, 16);
        Assert.Equal(register.Info.Pages, register.Text.Split('\f', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Every_page_repeats_the_header_row_and_carries_its_number()
    {
        var pages = register.Info.Pages;
        for (var p = 1; p <= pages; p++)
        {
            var text = ReceiptPdfTests.CollapseSpaces(register.Tools.PageText(p));
            var hasRows = text.Contains("000.00.21.H92-", StringComparison.Ordinal);
            Assert.Equal(hasRows ? 1 : 0, Count(text, "Số hồ sơ"));
            Assert.Equal(hasRows ? 1 : 0, Count(text, "Ngày hẹn trả"));
            Assert.Equal(hasRows ? 1 : 0, Count(text, "Tình trạng"));
            var number = string.Create(CultureInfo.InvariantCulture, $"{p}/{pages}");
            Assert.True(Regex.IsMatch(text, $@"(^|\s){Regex.Escape(number)}(\s|$)"), $"page {p} lacks '{number}'");
        }
    }

    [Fact]
    public void Every_row_appears_exactly_once_and_in_order()
    {
        var text = ReceiptPdfTests.CollapseSpaces(register.Text);
        var last = -1;
        for (var row = 1; row <= RegisterFixture.Rows; row++)
        {
            var code = SampleForms.RegisterCode(row);
            Assert.Equal(1, Count(text, code));
            Assert.Equal(1, Count(text, SampleForms.RegisterApplicant(row)));

            var at = text.IndexOf(code, StringComparison.Ordinal);
            Assert.True(at > last, $"row {row} is out of order");
            last = at;
        }

        // Rows with the long procedure name wrap inside the cell; all of its words still come out, row for row.
        Assert.Equal(RegisterFixture.Rows / 7, Count(text, "cấp thẻ bảo hiểm y tế"));
    }

    [Fact]
    public void Rows_never_overflow_the_margins_or_the_page_foot()
    {
        var words = register.Tools.Words();

        Assert.Equal(register.Info.Pages, words.Max(w => w.Page));
        Assert.All(words, ReceiptPdfTests.AssertInsideMargins);
    }

    [Fact]
    public void Signature_closes_the_register_after_its_last_row()
    {
        var last = register.Tools.PageText(register.Info.Pages);
        var before = register.Tools.PageText(register.Info.Pages - 1);

        // When the signature does not fit under the last row it takes a page of its own (a known layout limit).
        Assert.Contains("NGƯỜI LẬP SỔ", last, StringComparison.Ordinal);
        Assert.Contains(SampleForms.RegisterCode(RegisterFixture.Rows), last + before, StringComparison.Ordinal);
    }

    private static int Count(string text, string value) =>
        Regex.Count(text, Regex.Escape(value));
}
