using System.Text;

namespace MotCua.Web.Platform;

/// <summary>
/// RFC 4180 CSV: comma-separated, fields quoted when they hold a comma, quote or line break, quotes doubled.
/// Small enough to own; reading reports where a file is malformed instead of guessing.
/// </summary>
public static class Csv
{
    public static string Line(IEnumerable<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return string.Join(',', fields.Select(Quote));
    }

    public static string Quote(string? field)
    {
        var f = field ?? string.Empty;
        // A leading = + - @ would run as a formula when the file is opened in a spreadsheet.
        if (f.Length > 0 && f[0] is '=' or '+' or '@' || (f.Length > 1 && f[0] == '-' && !char.IsDigit(f[1])))
        {
            f = "'" + f;
        }

        return f.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : f;
    }

    /// <summary>Parses a whole document into rows; throws <see cref="FormatException"/> with the line of an unterminated quote.</summary>
    public static List<string[]> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var line = 1;
        var quoteLine = 0;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    inQuotes = true;
                    quoteLine = line;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add([.. row]);
                    row.Clear();
                    line++;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (inQuotes)
        {
            throw new FormatException($"A quoted field opened on line {quoteLine} is never closed.");
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add([.. row]);
        }

        return rows.Where(r => r.Length > 1 || r[0].Length > 0).ToList();
    }
}
