using System.Globalization;
using System.Text;
using MotCua.Domain.Catalog;
using MotCua.Web.Platform;

namespace MotCua.Web.Features.Catalog;

/// <summary>
/// The catalogue as CSV for spreadsheets: one row per procedure version; lists (channels, papers) are separated by
/// <c>|</c>, and the paper columns are aligned lists (the n-th entry of each describes the n-th paper).
/// </summary>
public static class CatalogCsv
{
    private static readonly string[] RequiredColumns = ["code", "name_vi", "field", "effective_from", "time_limit"];

    private static readonly string[] Header =
    [
        "code", "field", "name_vi", "name_en", "name_id", "effective_from", "time_limit", "extended_time_limit",
        "fee_kind", "fee_amount", "fee_online_amount", "fee_first_pages", "fee_next_page_amount", "fee_cap", "channels",
        "papers_vi", "papers_en", "papers_id", "papers_form", "papers_copies", "papers_optional", "legal_basis",
    ];

    public static string Write(IEnumerable<ProcedureDocument> procedures)
    {
        ArgumentNullException.ThrowIfNull(procedures);
        var text = new StringBuilder();
        text.Append(Csv.Line(Header)).Append("\r\n");
        {
            foreach (var p in procedures)
            {
                foreach (var v in p.Versions ?? [])
                {
                    var fee = v.Fee ?? FeeDocument.From(Fee.None);
                    var papers = v.Papers ?? [];
                    string[] fields =
                    [
                        p.Code ?? string.Empty, p.Field ?? string.Empty, p.Name?.Vi ?? string.Empty, p.Name?.En ?? string.Empty, p.Name?.Id ?? string.Empty,
                        v.EffectiveFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty, v.TimeLimit ?? string.Empty, v.ExtendedTimeLimit ?? string.Empty,
                        EnumText.Of(fee.Kind), Num(fee.Amount), fee.OnlineAmount is { } o ? Num(o) : string.Empty, Num(fee.FirstPages), Num(fee.NextPageAmount), fee.Cap is { } c ? Num(c) : string.Empty,
                        string.Join('|', (v.Channels ?? []).Select(EnumText.Of)),
                        Join(papers, x => x.Name?.Vi), Join(papers, x => x.Name?.En), Join(papers, x => x.Name?.Id),
                        Join(papers, x => EnumText.Of(x.Form)), Join(papers, x => Num(x.Copies)), Join(papers, x => x.Optional ? "1" : "0"),
                        v.LegalBasis ?? string.Empty,
                    ];
                    text.Append(Csv.Line(fields)).Append("\r\n");
                }
            }
        }

        return text.ToString();
    }

    /// <summary>Reads rows into a document; malformed cells are reported by row and column.</summary>
    public static CatalogDocument? Read(string text, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        List<string[]> lines;
        try
        {
            lines = Csv.Parse(text);
        }
        catch (FormatException ex)
        {
            errors.Add("csv", ex.Message);
            return null;
        }

        if (lines.Count == 0)
        {
            errors.Add("csv", "The file is empty.");
            return null;
        }

        var header = lines[0].Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var missing = RequiredColumns.Where(h => !header.Contains(h)).ToList();
        if (missing.Count > 0)
        {
            errors.Add("csv", $"Missing columns: {string.Join(", ", missing)}.");
            return null;
        }

        if (lines.Count > 20_001)
        {
            errors.Add("csv", "At most 20,000 rows per import.");
            return null;
        }

        var rows = new List<(ProcedureDocument Procedure, VersionDocument Version)>();
        for (var r = 1; r < lines.Count; r++)
        {
            var cells = lines[r];
            string? Cell(string name)
            {
                var i = Array.IndexOf(header, name);
                return i >= 0 && i < cells.Length ? Blank(cells[i]) : null;
            }

            var at = string.Create(CultureInfo.InvariantCulture, $"row {r + 1}");
            DateOnly? from = null;
            if (Cell("effective_from") is { } f)
            {
                if (DateOnly.TryParseExact(f, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    from = d;
                }
                else
                {
                    errors.Add($"{at}.effective_from", $"'{f}' is not a date (yyyy-MM-dd).");
                }
            }

            var fee = new FeeDocument(
                EnumCell<FeeKind>(Cell("fee_kind"), $"{at}.fee_kind", errors) ?? FeeKind.Free,
                LongCell(Cell("fee_amount"), $"{at}.fee_amount", errors) ?? 0,
                LongCell(Cell("fee_online_amount"), $"{at}.fee_online_amount", errors),
                (int)Math.Min(int.MaxValue, LongCell(Cell("fee_first_pages"), $"{at}.fee_first_pages", errors) ?? 0),
                LongCell(Cell("fee_next_page_amount"), $"{at}.fee_next_page_amount", errors) ?? 0,
                LongCell(Cell("fee_cap"), $"{at}.fee_cap", errors));
            var channels = Split(Cell("channels")).Select(c => EnumCell<Channel>(c, $"{at}.channels", errors)).OfType<Channel>().ToList();

            var vi = Split(Cell("papers_vi"));
            var en = Split(Cell("papers_en"));
            var id = Split(Cell("papers_id"));
            var forms = Split(Cell("papers_form"));
            var copies = Split(Cell("papers_copies"));
            var optional = Split(Cell("papers_optional"));
            var papers = new List<PaperDocument>();
            for (var i = 0; i < vi.Count; i++)
            {
                papers.Add(new PaperDocument(
                    new LocalizedTextDocument(vi[i], At(en, i), At(id, i)),
                    EnumCell<PaperForm>(At(forms, i), $"{at}.papers_form", errors) ?? PaperForm.Original,
                    (int)Math.Min(100, LongCell(At(copies, i), $"{at}.papers_copies", errors) ?? 1),
                    At(optional, i) is "1" or "true"));
            }

            var version = new VersionDocument(from, Cell("time_limit"), Cell("extended_time_limit"), fee, channels, papers, Cell("legal_basis"));
            var procedure = new ProcedureDocument(Cell("code"), Cell("field"), new LocalizedTextDocument(Cell("name_vi"), Cell("name_en"), Cell("name_id")), []);
            rows.Add((procedure, version));
        }

        if (errors.Any)
        {
            return null;
        }

        var procedures = rows
            .GroupBy(r => (r.Procedure.Code ?? string.Empty).Trim().ToUpperInvariant())
            .Select(g =>
            {
                var latest = g.OrderBy(r => r.Version.EffectiveFrom).Last().Procedure;
                return latest with { Versions = [.. g.Select(r => r.Version)] };
            })
            .ToList();
        return new CatalogDocument(procedures);
    }

    private static string Num(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Join(IReadOnlyList<PaperDocument> papers, Func<PaperDocument, string?> pick) =>
        string.Join('|', papers.Select(p => (pick(p) ?? string.Empty).Replace('|', '/')));

    private static List<string> Split(string? cell) =>
        cell is null ? [] : [.. cell.Split('|').Select(s => s.Trim())];

    private static string? At(List<string> list, int i) => i < list.Count && list[i].Length > 0 ? list[i] : null;

    private static long? LongCell(string? cell, string path, ValidationErrors errors)
    {
        if (cell is null)
        {
            return null;
        }

        if (long.TryParse(cell, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 && n <= 1_000_000_000_000)
        {
            return n;
        }

        errors.Add(path, $"'{cell}' is not a whole number of đồng (0 or more).");
        return null;
    }

    private static T? EnumCell<T>(string? cell, string path, ValidationErrors errors)
        where T : struct, Enum
    {
        if (cell is null)
        {
            return null;
        }

        if (EnumText.TryParse<T>(cell, out var value))
        {
            return value;
        }

        errors.Add(path, $"'{cell}' is not one of: {string.Join(", ", Enum.GetValues<T>().Select(EnumText.Of))}.");
        return null;
    }
}
