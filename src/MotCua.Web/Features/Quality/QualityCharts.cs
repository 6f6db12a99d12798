using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace MotCua.Web.Features.Quality;

/// <summary>
/// Charts drawn on the server as inline SVG: nothing to download, nothing a content security policy blocks, readable
/// without scripts. Each chart has a title and description for screen readers, and the page shows the same figures in
/// a table (the text alternative).
/// </summary>
public static class QualityCharts
{
    private const string Primary = "#0b4f9c";
    private const string Muted = "#4a5058";
    private const string Line = "#c9ced6";

    public sealed record Bar(string Label, decimal Value, string ValueText, bool Highlight = false);

    /// <summary>Vertical bars on a 0–<paramref name="max"/> scale (e.g. each month's percentage of the measured points).</summary>
    public static IHtmlContent Columns(string id, string title, string description, IReadOnlyList<Bar> bars, decimal max)
    {
        ArgumentNullException.ThrowIfNull(bars);
        const int height = 240, top = 24, bottom = 36, left = 40, right = 8;
        var width = Math.Max(360, left + right + (bars.Count * 56));
        var plot = height - top - bottom;
        var step = (width - left - right) / (double)Math.Max(1, bars.Count);
        var svg = Open(id, title, description, width, height);
        foreach (var tick in new[] { 0m, max / 2, max })
        {
            var y = top + plot - (double)(tick / max) * plot;
            svg.Append(Inv($"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"{Line}\" stroke-width=\"1\"/>"));
            svg.Append(Inv($"<text x=\"{left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"12\" fill=\"{Muted}\">{tick:0.#}</text>"));
        }

        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var h = (double)(Math.Clamp(b.Value, 0, max) / max) * plot;
            var x = left + (i * step) + (step * 0.15);
            var w = step * 0.7;
            svg.Append(Inv($"<rect x=\"{x:0.#}\" y=\"{top + plot - h:0.#}\" width=\"{w:0.#}\" height=\"{Math.Max(h, 1):0.#}\" fill=\"{(b.Highlight ? Primary : "#5b8bc4")}\"><title>{E(b.Label)}: {E(b.ValueText)}</title></rect>"));
            svg.Append(Inv($"<text x=\"{x + (w / 2):0.#}\" y=\"{top + plot - h - 5:0.#}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1a1d21\">{E(b.ValueText)}</text>"));
            svg.Append(Inv($"<text x=\"{x + (w / 2):0.#}\" y=\"{height - 14}\" text-anchor=\"middle\" font-size=\"12\" fill=\"{Muted}\">{E(b.Label)}</text>"));
        }

        return Close(svg);
    }

    /// <summary>Horizontal bars, one per row (e.g. every commune's total), on a 0–<paramref name="max"/> scale.</summary>
    public static IHtmlContent Rows(string id, string title, string description, IReadOnlyList<Bar> bars, decimal max)
    {
        ArgumentNullException.ThrowIfNull(bars);
        const int width = 720, label = 230, valueWidth = 60, row = 22, top = 8;
        var height = top + (bars.Count * row) + 8;
        var plot = width - label - valueWidth;
        var svg = Open(id, title, description, width, height);
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var y = top + (i * row);
            var w = (double)(Math.Clamp(b.Value, 0, max) / max) * plot;
            svg.Append(Inv($"<text x=\"{label - 6}\" y=\"{y + 15}\" text-anchor=\"end\" font-size=\"12\" fill=\"#1a1d21\"{(b.Highlight ? " font-weight=\"700\"" : string.Empty)}>{E(Shorten(b.Label, 34))}</text>"));
            svg.Append(Inv($"<rect x=\"{label}\" y=\"{y + 3}\" width=\"{Math.Max(w, 1):0.#}\" height=\"{row - 6}\" fill=\"{(b.Highlight ? Primary : "#5b8bc4")}\"><title>{E(b.Label)}: {E(b.ValueText)}</title></rect>"));
            svg.Append(Inv($"<text x=\"{label + w + 6:0.#}\" y=\"{y + 15}\" font-size=\"12\" fill=\"#1a1d21\">{E(b.ValueText)}</text>"));
        }

        return Close(svg);
    }

    private static StringBuilder Open(string id, string title, string description, int width, int height)
    {
        var svg = new StringBuilder();
        svg.Append(Inv($"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">"));
        svg.Append(Inv($"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">{E(description)}</desc>"));
        return svg;
    }

    private static HtmlString Close(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static string E(string s) => HtmlEncoder.Default.Encode(s);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
