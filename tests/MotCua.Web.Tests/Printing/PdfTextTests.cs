using System.Globalization;
using SkiaSharp;

using MotCua.Web.Platform.Printing;

namespace MotCua.Web.Tests.Printing;

public sealed class PdfTextTests : IDisposable
{
    private readonly SKFont _font = new(PdfFonts.Get(bold: false), 10) { LinearMetrics = true, Hinting = SKFontHinting.None };

    public void Dispose() => _font.Dispose();

    [Fact]
    public void Clean_normalises_to_NFC_and_folds_controls()
    {
        var input = "Nguye\u0302\u0303n\tVăn\r\nHoa\u0300\u0007";

        Assert.Equal("Nguyễn Văn\nHoà", PdfText.Clean(input));
        Assert.Equal(string.Empty, PdfText.Clean(null));
    }

    [Fact]
    public void Wrapped_lines_fit_the_width_and_keep_every_word()
    {
        var text = string.Join(' ', Enumerable.Range(1, 60).Select(i => "Giấy tờ số " + i.ToString(CultureInfo.InvariantCulture)));

        var lines = PdfText.Wrap(text, _font, 150);

        Assert.True(lines.Count > 10);
        Assert.All(lines, l => Assert.InRange(_font.MeasureText(l), 1, 150));
        Assert.Equal(text, string.Join(' ', lines));
    }

    [Theory]
    [InlineData("\U0001F44D\U0001F3FD")] // thumbs up + skin tone: two code points, four UTF-16 units, one grapheme
    [InlineData("\U0001F1FB\U0001F1F3")] // the flag of Viet Nam: a regional-indicator pair
    [InlineData("x\u0302\u0301")] // base with two stacked combining marks that have no precomposed form
    [InlineData("ệ")]
    public void Overlong_word_is_cut_only_between_graphemes(string cluster)
    {
        var word = string.Concat(Enumerable.Repeat(cluster, 80));
        var width = _font.MeasureText(cluster) * 7.5f;

        var lines = PdfText.Wrap(word, _font, width);

        Assert.True(lines.Count >= 10, $"expected the word to wrap, got {lines.Count} line(s)");
        Assert.All(lines, l =>
        {
            Assert.Equal(0, l.Length % cluster.Length);
            Assert.Equal(l, string.Concat(Enumerable.Repeat(cluster, l.Length / cluster.Length)));
        });
        Assert.Equal(word, string.Concat(lines));
    }

    [Fact]
    public void Overlong_identifier_prefers_to_break_after_a_hyphen_or_slash()
    {
        var url = "http://127.0.0.1:5080/tra-cuu/000.00.21.H92-260302-0001/giay-tiep-nhan";

        var lines = PdfText.Wrap(url, _font, 120);

        Assert.True(lines.Count >= 2);
        Assert.All(lines.SkipLast(1), l => Assert.True(l.EndsWith('/') || l.EndsWith('-'), $"cut inside a segment: {l}"));
        Assert.Equal(url, string.Concat(lines));
    }

    [Fact]
    public void Blank_lines_are_kept_and_empty_text_gives_one_empty_line()
    {
        Assert.Equal(["a", string.Empty, "b"], PdfText.Wrap("a\n\nb", _font, 100));
        Assert.Equal([string.Empty], PdfText.Wrap(string.Empty, _font, 100));
    }
}
