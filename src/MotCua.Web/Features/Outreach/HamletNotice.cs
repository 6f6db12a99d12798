using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Outreach;
using MotCua.Web.Data;
using MotCua.Web.Platform.Printing;

namespace MotCua.Web.Features.Outreach;

/// <summary>
/// The notice the hamlet head posts and reads out (A4): when the team comes, where, and the papers to bring for
/// each procedure offered. In Vietnamese, like every official notice.
/// </summary>
public static class HamletNotice
{
    public static async Task<PrintedForm?> BuildAsync(Guid campaignId, Guid hamletId, MotCuaDb db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, ct);
        var hamlet = await db.Hamlets.AsNoTracking().SingleOrDefaultAsync(h => h.Id == hamletId, ct);
        if (campaign is null || hamlet is null || hamlet.UnitId != campaign.UnitId)
        {
            return null;
        }

        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == campaign.UnitId, ct);
        var today = Domain.Calendar.WorkingCalendar.LocalDate(time.GetUtcNow());
        var sessions = await db.OutreachSessions.AsNoTracking()
            .Where(s => s.CampaignId == campaignId && s.HamletId == hamletId && s.Status == SessionStatus.Planned && s.Date >= today)
            .OrderBy(s => s.Date).ThenBy(s => s.Slot).ToListAsync(ct);
        var codes = campaign.Settings.Procedures;
        var procedures = await db.Procedures.AsNoTracking().Include(p => p.Versions).Where(p => codes.Contains(p.Code)).ToListAsync(ct);
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        string When(OutreachSession s)
        {
            var period = s.Slot == SessionSlot.Morning ? unit.Hours.Periods[0] : unit.Hours.Periods[^1];
            return string.Create(vi, $"{s.Date.ToString("dddd", vi)}, ngày {s.Date:dd/MM/yyyy}, từ {period.Start:HH\\:mm} đến {period.End:HH\\:mm}");
        }

        var blocks = new List<FormBlock>
        {
            new FormParagraph($"Thực hiện đợt phục vụ lưu động \"{campaign.Settings.Name}\", Trung tâm Phục vụ hành chính công {unit.Name} tổ chức tiếp nhận và giải quyết thủ tục hành chính ngay tại {hamlet.Name}, để bà con, nhất là người cao tuổi, người khuyết tật, đối tượng bảo trợ xã hội không phải đi xa."),
            new FormFields(
            [
                new("Thời gian", sessions.Count == 0 ? "Sẽ thông báo sau" : string.Join("; ", sessions.Select(When))),
                new("Địa điểm", hamlet.MeetingPlace ?? $"Nhà văn hoá {hamlet.Name}"),
            ]),
            new FormParagraph("Các thủ tục được tiếp nhận và giấy tờ cần mang theo:", Bold: true),
        };
        foreach (var p in procedures.OrderBy(p => codes.ToList().IndexOf(p.Code)))
        {
            var papers = p.VersionOn(sessions.FirstOrDefault()?.Date ?? today)?.Papers ?? [];
            blocks.Add(new FormList(p.Name.Vi, [.. papers.Select(x => $"{x.Name.Vi} ({FormWords.PaperForm(x.Form)}{(x.Optional ? ", nếu có" : string.Empty)})")], Numbered: false));
        }

        blocks.Add(new FormParagraph("Bà con mang theo căn cước. Tổ lưu động có máy in, máy quét và hướng dẫn bà con nộp hồ sơ trực tuyến, mở tài khoản nhận trợ cấp. Người không tự đến được, xin báo trưởng ấp để cán bộ đến tận nhà."));
        return new PrintedForm(
            "Thông báo", PaperSize.A4Portrait, Letterhead.Issuer(unit), Letterhead.Motto,
            Letterhead.PlaceAndDate(unit, time.GetUtcNow()),
            "THÔNG BÁO", $"Lịch tổ hành chính lưu động phục vụ tại {hamlet.Name}",
            blocks,
            null,
            [new FormSignature("TRƯỞNG ẤP/THÔN", "(Niêm yết và thông báo trên loa)", null), new FormSignature("GIÁM ĐỐC TRUNG TÂM", "(Ký, ghi rõ họ tên)", null)]);
    }
}
