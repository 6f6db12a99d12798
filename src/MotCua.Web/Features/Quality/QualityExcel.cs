using ClosedXML.Excel;
using MotCua.Domain.Quality;

namespace MotCua.Web.Features.Quality;

/// <summary>Index 766 and the province ranking as Excel workbooks (ClosedXML, MIT), with the formulas as text.</summary>
public static class QualityExcel
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Index(QualityIndexQuery.UnitIndex index, UnitRank? rank, IReadOnlyList<QualityIndexQuery.TrendPoint> trend, string culture)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(trend);
        var vi = culture == "vi";
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add(vi ? "Chỉ số 766" : "Index 766");
        var r = index.Result;
        sheet.Cell(1, 1).Value = Safe($"{index.Unit.Name} ({index.Unit.Code})");
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(2, 1).Value = vi ? "Kỳ" : "Period";
        sheet.Cell(2, 2).Value = index.Period.Label;
        sheet.Cell(3, 1).Value = vi ? "Tính đến" : "As of";
        sheet.Cell(3, 2).Value = Domain.Calendar.WorkingCalendar.ToLocal(index.AsOf).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        sheet.Cell(4, 1).Value = vi ? "Tổng điểm" : "Total";
        sheet.Cell(4, 2).Value = r.Total;
        sheet.Cell(4, 3).Value = vi ? $"/ {r.MeasuredMax} điểm đo được (tối đa {r.Max})" : $"/ {r.MeasuredMax} measured (of {r.Max})";
        sheet.Cell(5, 1).Value = vi ? "Xếp loại" : "Band";
        sheet.Cell(5, 2).Value = r.Band?.Name.For(culture) ?? "—";
        if (rank is not null)
        {
            sheet.Cell(6, 1).Value = vi ? "Xếp hạng" : "Rank";
            sheet.Cell(6, 2).Value = rank.Label.For(culture);
        }

        string[] header = vi
            ? ["Nhóm", "Chỉ tiêu", "Điểm tối đa", "Điểm", "Tử số", "Mẫu số", "Trạng thái", "Cách tính"]
            : ["Group", "Indicator", "Max", "Score", "Numerator", "Denominator", "Status", "Formula"];
        var row = 8;
        Header(sheet, row, header);
        foreach (var g in r.Groups)
        {
            foreach (var i in g.Indicators)
            {
                row++;
                sheet.Cell(row, 1).Value = g.Name.For(culture);
                sheet.Cell(row, 2).Value = i.Name.For(culture);
                sheet.Cell(row, 3).Value = i.Max;
                SetNullable(sheet.Cell(row, 4), i.Score);
                SetNullable(sheet.Cell(row, 5), i.Numerator);
                SetNullable(sheet.Cell(row, 6), i.Denominator);
                sheet.Cell(row, 7).Value = i.Status.ToString();
                sheet.Cell(row, 8).Value = i.Formula.For(culture);
            }
        }

        sheet.Column(1).Width = 28;
        sheet.Column(2).Width = 48;
        sheet.Column(8).Width = 80;

        var counts = book.Worksheets.Add(vi ? "Số liệu" : "Counts");
        Header(counts, 1, vi ? ["Số liệu", "Giá trị"] : ["Measure", "Value"]);
        var c = 1;
        foreach (var (key, value) in index.Counts.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            c++;
            counts.Cell(c, 1).Value = key;
            counts.Cell(c, 2).Value = value;
        }

        counts.Column(1).Width = 36;

        var months = book.Worksheets.Add(vi ? "Theo tháng" : "By month");
        var groupKeys = r.Groups.Select(g => g.Key).ToList();
        Header(months, 1, [vi ? "Tháng" : "Month", vi ? "Tổng" : "Total", vi ? "Đo được" : "Measured", "%", .. r.Groups.Select(g => g.Name.For(culture))]);
        for (var i = 0; i < trend.Count; i++)
        {
            var p = trend[i];
            months.Cell(i + 2, 1).Value = p.Month.Label;
            if (!p.HasData)
            {
                continue;
            }

            months.Cell(i + 2, 2).Value = p.Total;
            months.Cell(i + 2, 3).Value = p.MeasuredMax;
            SetNullable(months.Cell(i + 2, 4), p.Percent);
            for (var k = 0; k < groupKeys.Count; k++)
            {
                months.Cell(i + 2, 5 + k).Value = p.Groups.GetValueOrDefault(groupKeys[k]);
            }
        }

        return Save(book);
    }

    public static byte[] Ranking(string province, QualityPeriod period, IReadOnlyList<QualityIndexQuery.RankingRow> rows, string culture)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var vi = culture == "vi";
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add(vi ? "Xếp hạng" : "Ranking");
        sheet.Cell(1, 1).Value = $"{(vi ? "Xếp hạng Chỉ số 766" : "Index 766 ranking")} — {province} — {period.Label}";
        sheet.Cell(1, 1).Style.Font.Bold = true;
        var groups = rows.Count > 0 ? rows[0].Index.Result.Groups : [];
        Header(sheet, 3, [vi ? "Hạng" : "Rank", vi ? "Mã" : "Code", vi ? "Xã, phường" : "Commune", vi ? "Tổng" : "Total", vi ? "Đo được" : "Measured", .. groups.Select(g => g.Name.For(culture)), vi ? "Xếp loại" : "Band"]);
        var row = 3;
        foreach (var x in rows)
        {
            row++;
            sheet.Cell(row, 1).Value = x.Rank.Rank;
            sheet.Cell(row, 2).Value = x.Unit.Code;
            sheet.Cell(row, 3).Value = Safe(x.Unit.Name);
            sheet.Cell(row, 4).Value = x.Rank.Total;
            sheet.Cell(row, 5).Value = x.Rank.MeasuredMax;
            for (var k = 0; k < groups.Count; k++)
            {
                // A group with nothing measured in this commune stays empty rather than reading as zero points.
                var group = x.Index.Result.Groups.FirstOrDefault(g => g.Key == groups[k].Key);
                SetNullable(sheet.Cell(row, 6 + k), group is { MeasuredMax: > 0 } ? group.Score : null);
            }

            sheet.Cell(row, 6 + groups.Count).Value = x.Rank.Band?.Name.For(culture) ?? "—";
        }

        sheet.Column(3).Width = 30;
        return Save(book);
    }

    /// <summary>Text a spreadsheet would take for a formula (=, +, -, @ first) is written as text.</summary>
    private static string Safe(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' ? "'" + text : text;

    private static void Header(IXLWorksheet sheet, int row, string[] titles)
    {
        for (var i = 0; i < titles.Length; i++)
        {
            sheet.Cell(row, i + 1).Value = titles[i];
            sheet.Cell(row, i + 1).Style.Font.Bold = true;
        }
    }

    private static void SetNullable(IXLCell cell, decimal? value)
    {
        if (value is { } v)
        {
            cell.Value = v;
        }
    }

    private static void SetNullable(IXLCell cell, long? value)
    {
        if (value is { } v)
        {
            cell.Value = v;
        }
    }

    private static byte[] Save(XLWorkbook book)
    {
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }
}
