using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Calendar;
using MotCua.Web.Data;
using MotCua.Web.Data.Audit;
using MotCua.Web.Data.Calendar;
using MotCua.Web.Platform;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Platform.Printing;
using MotCua.Web.Resources;

namespace MotCua.Web.Features.Register;

/// <summary>Form 07, the dossier register (sổ theo dõi hồ sơ) of the officer's unit for a date range, on A4.</summary>
[Authorize(Policy = Policies.FullPersonalData)]
public sealed class IndexModel(MotCuaDb db, TimeProvider time, IStringLocalizer<Strings> t) : PageModel
{
    public const int MaxDays = 93;

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public int Count { get; private set; }

    public string? Error { get; private set; }

    public PrintedForm Form { get; private set; } = null!;

    /// <summary>
    /// The register shows applicants masked (initials, no address or phone) unless the reader asks for it in full and
    /// keeps the register (<see cref="MayUnmask"/>); then every dossier on it is a personal-data read of its own in the trail.
    /// </summary>
    [BindProperty(SupportsGet = true)]
    public bool Full { get; set; }

    /// <summary>Centre leaders and counter officers keep the register; specialists and field agents see it masked.</summary>
    public bool MayUnmask => User.IsInRole(Roles.CentreLeader) || User.IsInRole(Roles.CounterOfficer);

    public async Task<IActionResult> OnGetAsync(string? from, string? to, CancellationToken ct)
    {
        if (Full && !MayUnmask)
        {
            return Forbid();
        }

        var today = WorkingCalendar.LocalDate(time.GetUtcNow());
        From = QueryValues.TryParseDate(from, out var f) ? f : new DateOnly(today.Year, today.Month, 1);
        To = QueryValues.TryParseDate(to, out var tt) ? tt : today;
        if (To < From || To.DayNumber - From.DayNumber > MaxDays)
        {
            Error = string.Format(CultureInfo.CurrentCulture, t["Register.Range"], MaxDays);
            To = From.AddDays(Math.Min(MaxDays, Math.Max(0, To.DayNumber - From.DayNumber)));
        }

        var (form, shown) = await BuildAsync(ct);
        Form = form;
        var pdf = Request.Path.Value?.EndsWith(".pdf", StringComparison.Ordinal) == true;
        db.Audit(pdf ? AuditActions.Export : AuditActions.PersonalDataRead, "Register", null, $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}, {Count} dossiers, {(Full ? "in full" : "masked")}");
        foreach (var d in Full ? shown : [])
        {
            db.Audit(pdf ? AuditActions.PersonalDataExport : AuditActions.PersonalDataRead, "Dossier", d.Id.ToString(), $"{d.Number} in the register {From:yyyy-MM-dd}..{To:yyyy-MM-dd}");
        }

        await db.SaveChangesAsync(ct);
        return Request.Path.Value?.EndsWith(".pdf", StringComparison.Ordinal) == true
            ? File(PdfFormRenderer.Render(Form), "application/pdf", $"so-theo-doi-{From:yyyyMMdd}-{To:yyyyMMdd}.pdf")
            : Page();
    }

    private async Task<(PrintedForm Form, IReadOnlyList<MotCua.Domain.Dossiers.Dossier> Shown)> BuildAsync(CancellationToken ct)
    {
        var unitId = User.UnitId();
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == unitId, ct);
        var start = WorkingCalendar.At(From, TimeOnly.MinValue);
        var end = WorkingCalendar.At(To.AddDays(1), TimeOnly.MinValue);
        var dossiers = await db.Dossiers.AsNoTracking().Where(d => d.RegisteredAt >= start && d.RegisteredAt < end)
            .OrderBy(d => d.RegisteredAt).ToListAsync(ct);
        var names = await db.Procedures.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name.Vi, ct);
        var calendar = await db.LoadCalendarAsync(unitId, ct);
        var now = time.GetUtcNow();
        Count = dossiers.Count;
        var rows = dossiers.Select((d, i) => (IReadOnlyList<string>)
        [
            (i + 1).ToString(CultureInfo.InvariantCulture),
            d.Number.ToString(),
            names.GetValueOrDefault(d.ProcedureId, d.ProcedureCode),
            Full ? d.Applicant.FullName : d.Applicant.MaskedName,
            Full ? string.Join(", ", new[] { d.Applicant.Address, d.Applicant.Phone?.Value }.Where(x => !string.IsNullOrWhiteSpace(x))) : d.Applicant.MaskedPhone ?? string.Empty,
            Display.When(d.ReceivedAt ?? d.RegisteredAt),
            Display.When(d.OriginalDueAt),
            Display.When(d.EndedAt),
            RegisterNote.Of(d, d.TimelinessAt(now, calendar)),
        ]).ToList();
        return (new PrintedForm(
            "Mẫu số 07", PaperSize.A4, Letterhead.Issuer(unit), Letterhead.Motto, null,
            "SỔ THEO DÕI HỒ SƠ", $"Từ ngày {From:dd/MM/yyyy} đến ngày {To:dd/MM/yyyy}",
            [new FormTable(["STT", "Mã hồ sơ", "Tên thủ tục", "Tên cá nhân, tổ chức", "Địa chỉ, số điện thoại", "Ngày nhận", "Ngày hẹn trả", "Ngày có kết quả", "Ghi chú"], rows,
                [0.5f, 2.1f, 2.2f, 1.5f, 2f, 1.3f, 1.3f, 1.3f, 1.1f])],
            null,
            []), dossiers);
    }
}
