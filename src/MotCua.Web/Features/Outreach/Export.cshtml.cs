using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Web.Data;
using MotCua.Web.Data.Audit;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Resources;

namespace MotCua.Web.Features.Outreach;

/// <summary>The plan as CSV or Excel, one row per session, for the commune's own spreadsheets and the hamlet heads.</summary>
[Authorize(Policy = Policies.ReadOutreach)]
public sealed class ExportModel(MotCuaDb db, IStringLocalizer<Strings> t) : PageModel
{
    private const int ExpectedColumn = 4;

    public async Task<IActionResult> OnGetAsync(Guid id, string? format, CancellationToken ct)
    {
        var campaign = await CampaignQuery.LoadAsync(id, db, Localization.Culture(), ct);
        if (campaign is null)
        {
            return NotFound();
        }

        var rows = campaign.Sessions.Select(s => new[]
        {
            s.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), t[$"Slot.{s.Slot}"].Value, s.Team, s.Hamlet,
            s.ExpectedCases.ToString(CultureInfo.InvariantCulture), t[$"SessionStatus.{s.Status}"].Value, string.Join("; ", s.Members), s.Reason,
        }).ToList();
        db.Audit(AuditActions.Export, "Campaign", id.ToString(), $"format={format ?? "csv"}, {rows.Count} sessions");
        await db.SaveChangesAsync(ct);
        string[] header = [t["Outreach.Day"], t["Outreach.HalfDay"], t["Outreach.Team"], t["Outreach.Hamlets"], t["Outreach.Expected"], t["Outreach.PlanStatus"], t["Outreach.Members"], t["Outreach.Why"]];
        var name = $"ke-hoach-luu-dong-{campaign.From:yyyyMMdd}";
        switch (format?.ToLowerInvariant())
        {
            case "xlsx":
                using (var book = new XLWorkbook())
                {
                    var sheet = book.Worksheets.Add("Kế hoạch");
                    for (var c = 0; c < header.Length; c++)
                    {
                        sheet.Cell(1, c + 1).Value = header[c];
                    }

                    for (var r = 0; r < rows.Count; r++)
                    {
                        for (var c = 0; c < header.Length; c++)
                        {
                            var cell = sheet.Cell(r + 2, c + 1);
                            if (c == ExpectedColumn)
                            {
                                cell.Value = campaign.Sessions[r].ExpectedCases;
                            }
                            else
                            {
                                cell.Value = rows[r][c];
                            }
                        }
                    }

                    sheet.Row(1).Style.Font.Bold = true;
                    // ClosedXML 0.95 measures text with System.Drawing (Windows only): widths come from character counts instead.
                    for (var c = 0; c < header.Length; c++)
                    {
                        sheet.Column(c + 1).Width = Math.Clamp(rows.Select(r => r[c].Length).Append(header[c].Length).Max() + 2, 8, 60);
                    }
                    using var stream = new MemoryStream();
                    book.SaveAs(stream);
                    return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
                }

            case null or "csv":
                var csv = Csv.Write(rows.Prepend(header));
                return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", name + ".csv");
            default:
                return BadRequest();
        }
    }
}
