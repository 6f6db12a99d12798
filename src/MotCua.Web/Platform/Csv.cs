using System.Globalization;
using CsvHelper;

namespace MotCua.Web.Platform;

/// <summary>
/// RFC 4180 CSV through CsvHelper (decision 0009): comma-separated, quoted when needed, quotes doubled, CRLF. Every
/// text field a spreadsheet would run as a formula — starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a
/// carriage return, so <c>-1+…</c> too — is written after an apostrophe (OWASP's CSV injection advice). Reading
/// refuses malformed quoting with the line where it starts, and undoes that apostrophe so exports read back as they were.
/// </summary>
public static class Csv
{
    private static readonly char[] InjectionCharacters = ['=', '+', '-', '@', '\t', '\r'];

    private static readonly CsvWriterOptions Writing = CsvWriterOptions.Default with
    {
        NewLine = "\r\n",
        Injection = CsvInjection.Escape,
        InjectionCharacters = new string(InjectionCharacters),
        InjectionEscape = '\'',
        ValidateFieldCount = false,
    };

    private static readonly CsvReaderOptions Reading = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = false,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        TrackLineNumbers = true,
        IncludeValuesInExceptions = false,
        MaxRecordSize = 1024 * 1024,
    };

    /// <summary>One record without its line break.</summary>
    public static string Line(IEnumerable<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return Write([fields]).TrimEnd('\r', '\n');
    }

    /// <summary>Records, each ending in CRLF (the first one is usually the header).</summary>
    public static string Write(IEnumerable<IEnumerable<string?>> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, Writing, leaveOpen: true))
        {
            foreach (var record in records)
            {
                foreach (var f in record)
                {
                    csv.WriteField(f ?? string.Empty);
                }

                csv.EndRecord();
            }
        }

        return text.ToString();
    }

    /// <summary>Parses a whole document into rows; throws <see cref="FormatException"/> with the line of a malformed field.</summary>
    public static List<string[]> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<string[]>();
        using var csv = CsvReader.FromText(text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text, Reading);
        try
        {
            while (csv.Read())
            {
                var record = new string[csv.FieldCount];
                for (var i = 0; i < record.Length; i++)
                {
                    // Undo the apostrophe this writer put before a formula character, so an exported file reads back as it was.
                    var f = csv.GetString(i);
                    record[i] = f.Length > 1 && f[0] == '\'' && InjectionCharacters.Contains(f[1]) ? f[1..] : f;
                }

                if (record.Length > 1 || (record.Length == 1 && record[0].Length > 0))
                {
                    rows.Add(record);
                }
            }
        }
        catch (CsvFormatException ex)
        {
            throw new FormatException(ex.LineNumber > 0 ? $"Line {ex.LineNumber}: a quote is misplaced or never closed." : "A quote is misplaced or never closed.", ex);
        }

        return rows;
    }
}
