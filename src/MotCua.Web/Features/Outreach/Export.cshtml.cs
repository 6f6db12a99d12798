using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Data;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;

namespace MotCua.Web.Features.Outreach;

/// <summary>The plan as CSV or Excel, one row per session, for the commune's own spreadsheets and the hamlet heads.</summary>
[Authorize(Policy = Policies.ReadOutreach)]
public sealed class ExportModel(MotCuaDb db) : PageModel
{
    private static readonly string[] Header = ["Ngày", "Buổi", "Tổ", "Ấp/thôn", "Dự kiến (hồ sơ)", "Trạng thái", "Thành viên", "Lý do"];

    public async Task<IActionResult> OnGetAsync(Guid id, string? format, CancellationToken ct)
    {
        var campaign = await CampaignQuery.LoadAsync(id, db, "vi", ct);
        if (campaign is null)
        {
            return NotFound();
        }

        var rows = campaign.Sessions.Select(s => new[]
        {
            s.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.Slot == Domain.Outreach.SessionSlot.Morning ? "Sáng" : "Chiều", s.Team, s.Hamlet,
            s.ExpectedCases.ToString(CultureInfo.InvariantCulture), s.Status.ToString(), string.Join("; ", s.Members), s.Reason,
        }).ToList();
        db.Audit("export", "Campaign", id.ToString(), $"format={format ?? "csv"}, {rows.Count} sessions");
        await db.SaveChangesAsync(ct);
        var name = $"ke-hoach-luu-dong-{campaign.From:yyyyMMdd}";
        switch (format?.ToLowerInvariant())
        {
            case "xlsx":
                using (var book = new XLWorkbook())
                {
                    var sheet = book.Worksheets.Add("Kế hoạch");
                    for (var c = 0; c < Header.Length; c++)
                    {
                        sheet.Cell(1, c + 1).Value = Header[c];
                    }

                    for (var r = 0; r < rows.Count; r++)
                    {
                        for (var c = 0; c < Header.Length; c++)
                        {
                            sheet.Cell(r + 2, c + 1).Value = rows[r][c];
                        }
                    }

                    sheet.Row(1).Style.Font.Bold = true;
                    sheet.Columns().AdjustToContents(1, Math.Min(rows.Count + 1, 200));
                    using var stream = new MemoryStream();
                    book.SaveAs(stream);
                    return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
                }

            case null or "csv":
                var csv = new StringBuilder().Append(Csv.Line(Header)).Append("\r\n");
                foreach (var r in rows)
                {
                    csv.Append(Csv.Line(r)).Append("\r\n");
                }

                return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", name + ".csv");
            default:
                return BadRequest();
        }
    }
}
