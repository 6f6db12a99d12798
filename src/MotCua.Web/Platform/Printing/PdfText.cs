using System.Globalization;
using System.Text;
using SkiaSharp;

namespace MotCua.Web.Platform.Printing;

/// <summary>Text clean-up and line breaking measured with the font that will draw the text.</summary>
internal static class PdfText
{
    /// <summary>
    /// NFC, because the bundled faces map precomposed Vietnamese letters to single designed glyphs while a decomposed
    /// sequence would be drawn as base plus a floating mark (SkiaSharp draws without shaping). Also folds line endings
    /// and control characters, which the font has no glyphs for.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var normalised = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalised.Length);
        for (var i = 0; i < normalised.Length; i++)
        {
            var c = normalised[i];
            if (c == '\r')
            {
                if (i + 1 < normalised.Length && normalised[i + 1] == '\n')
                {
                    continue;
                }

                builder.Append('\n');
            }
            else if (c == '\n')
            {
                builder.Append('\n');
            }
            else if (c == '\u00A0')
            {
                // A no-break space is a deliberate "keep together" from the author: keep it.
                builder.Append(c);
            }
            else if (char.IsWhiteSpace(c))
            {
                builder.Append(' ');
            }
            else if (!char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Greedy line breaking at spaces and explicit newlines. A word wider than the line is cut between graphemes, so a
    /// combining mark never lands on a different line from its base; where possible the cut goes after a '-' or '/'
    /// (dossier numbers, dates, URLs). Always returns at least one line.
    /// </summary>
    public static List<string> Wrap(string text, SKFont font, float maxWidth)
    {
        var lines = new List<string>();
        foreach (var hardLine in text.Split('\n'))
        {
            var words = hardLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                lines.Add(string.Empty);
                continue;
            }

            var current = string.Empty;
            foreach (var word in words)
            {
                if (current.Length > 0)
                {
                    var candidate = current + " " + word;
                    if (font.MeasureText(candidate) <= maxWidth)
                    {
                        current = candidate;
                        continue;
                    }

                    lines.Add(current);
                }

                var rest = word;
                while (rest.Length > 0 && font.MeasureText(rest) > maxWidth)
                {
                    var cut = FittingPrefixLength(rest, font, maxWidth);
                    if (cut >= rest.Length)
                    {
                        break;
                    }

                    lines.Add(rest[..cut]);
                    rest = rest[cut..];
                }

                current = rest;
            }

            lines.Add(current);
        }

        return lines;
    }

    /// <summary>Length of the longest grapheme-aligned prefix that fits; at least one grapheme so wrapping progresses.</summary>
    private static int FittingPrefixLength(string word, SKFont font, float maxWidth)
    {
        var starts = StringInfo.ParseCombiningCharacters(word);
        var boundaries = new int[starts.Length];
        for (var i = 1; i < starts.Length; i++)
        {
            boundaries[i - 1] = starts[i];
        }

        boundaries[^1] = word.Length;

        // Widths grow with each grapheme added, so the last fitting boundary can be found by bisection.
        int low = 0, high = boundaries.Length - 1, best = 0;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (font.MeasureText(word.AsSpan(0, boundaries[mid])) <= maxWidth)
            {
                best = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        var fit = boundaries[best];
        var soft = word.AsSpan(0, fit).LastIndexOfAny('-', '/') + 1;
        return soft > fit / 3 && Array.IndexOf(boundaries, soft) >= 0 ? soft : fit;
    }
}
