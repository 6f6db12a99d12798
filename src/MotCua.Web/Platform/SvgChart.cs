using System.Globalization;
using System.Net;
using System.Text;

namespace MotCua.Web.Platform;

/// <summary>
/// Small server-rendered charts as inline SVG: no script, no CDN, sharp in print. Each has a title and description
/// for screen readers, and pages show the same numbers in a table beside it.
/// </summary>
public static class SvgChart
{
    public sealed record Bar(string Label, double Value, double? Planned = null);

    /// <summary>Bars (actual, with the planned value as an outline behind) and an optional horizontal target line.</summary>
    public static string Bars(string title, string description, IReadOnlyList<Bar> bars, double? target = null, string? targetLabel = null, int width = 720, int height = 260)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var max = Math.Max(1, bars.Select(b => Math.Max(b.Value, b.Planned ?? 0)).DefaultIfEmpty(0).Max());
        if (target is { } t)
        {
            max = Math.Max(max, t);
        }

        const int left = 44, bottom = 40, top = 16, right = 8;
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        var slot = bars.Count == 0 ? plotW : (double)plotW / bars.Count;
        var barW = Math.Max(2, slot * 0.6);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"c-t c-d\" class=\"chart\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"c-t\">{Enc(title)}</title><desc id=\"c-d\">{Enc(description)}</desc>");
        for (var i = 0; i <= 4; i++)
        {
            var y = top + plotH - (plotH * i / 4.0);
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#d5d9e0\" stroke-width=\"1\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"11\" fill=\"#4a5058\">{max * i / 4:0}</text>");
        }

        var step = Math.Max(1, (int)Math.Ceiling(bars.Count / 12.0));
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var x = left + (slot * i) + ((slot - barW) / 2);
            if (b.Planned is { } planned)
            {
                var ph = plotH * planned / max;
                sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{top + plotH - ph:0.#}\" width=\"{barW:0.#}\" height=\"{ph:0.#}\" fill=\"none\" stroke=\"#7a8694\" stroke-dasharray=\"3 2\"/>");
            }

            var h = plotH * b.Value / max;
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x + (barW * 0.15):0.#}\" y=\"{top + plotH - h:0.#}\" width=\"{barW * 0.7:0.#}\" height=\"{h:0.#}\" fill=\"#0b4f9c\"><title>{Enc(b.Label)}: {b.Value:0}</title></rect>");
            if (i % step == 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (barW / 2):0.#}\" y=\"{height - bottom + 16}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#1a1d21\">{Enc(b.Label)}</text>");
            }
        }

        if (target is { } tv)
        {
            var y = top + plotH - (plotH * tv / max);
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#a3001b\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{width - right}\" y=\"{y - 5:0.#}\" text-anchor=\"end\" font-size=\"12\" fill=\"#a3001b\">{Enc(targetLabel ?? string.Empty)} {tv:0}</text>");
        }

        sb.Append("</svg>");
        return sb.ToString();
    }

    private static string Enc(string s) => WebUtility.HtmlEncode(s);
}
