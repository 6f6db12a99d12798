using Microsoft.EntityFrameworkCore;
using MotCua.Domain;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Units;
using MotCua.Web.Data;
using MotCua.Web.Data.Calendar;
using MotCua.Web.Data.Dossiers;

namespace MotCua.Web.Features.Dossiers;

/// <summary>Everything the dossier page and the printed forms show about one dossier, read once.</summary>
public sealed record DossierSheet(
    Dossier Dossier,
    Unit Unit,
    string ProvinceName,
    LocalizedText ProcedureNames,
    string Culture,
    ProcedureVersion Version,
    string? HamletName,
    IReadOnlyDictionary<string, string> OfficerNames,
    IReadOnlyList<Attachment> Attachments,
    WorkingCalendar Calendar,
    DateTimeOffset Now)
{
    /// <summary>The procedure's name in the reader's language.</summary>
    public string ProcedureName => ProcedureNames.For(Culture);

    public string Officer(string? id) => id is null ? "—" : OfficerNames.GetValueOrDefault(id, id switch
    {
        Actors.Citizen => "Công dân",
        Actors.System => "Hệ thống",
        _ => id,
    });

    public DateTimeOffset? EffectiveDueAt => Dossier.EffectiveDueAt(Now, Calendar);

    public UrgencyBadge Badge => WorkQueueQuery.BadgeOf(Dossier, Now, Calendar);

    /// <summary>Non-working days between receipt and the original due date: why the date is what it is.</summary>
    public IReadOnlyList<CalendarDay> SkippedDays => Dossier.ReceivedAt is { } r && Dossier.OriginalDueAt is { } due
        ? [.. Calendar.NonWorkingDays(WorkingCalendar.LocalDate(r), WorkingCalendar.LocalDate(due))]
        : [];

    /// <summary>Each supplement pause: from the request to the papers arriving (or now), in office minutes.</summary>
    public IReadOnlyList<(DateTimeOffset From, DateTimeOffset? To, long WorkingMinutes)> Pauses
    {
        get
        {
            var list = new List<(DateTimeOffset, DateTimeOffset?, long)>();
            DateTimeOffset? start = null;
            foreach (var e in Dossier.Events.OrderBy(e => e.Sequence))
            {
                if (e.Action == DossierAction.RequestSupplement)
                {
                    start = e.At;
                }
                else if (start is { } s && e.FromStatus == DossierStatus.SupplementRequested)
                {
                    list.Add((s, e.At, Calendar.WorkingMinutesBetween(s, e.At)));
                    start = null;
                }
            }

            if (start is { } open)
            {
                list.Add((open, null, Calendar.WorkingMinutesBetween(open, Now)));
            }

            return list;
        }
    }
}

public static class DossierSheetQuery
{
    public static async Task<DossierSheet?> LoadAsync(DossierNumber number, MotCuaDb db, TimeProvider time, string culture, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var dossier = await db.Dossiers.AsNoTracking().Include(d => d.Events).AsSplitQuery().SingleOrDefaultAsync(d => d.Number == number, ct);
        if (dossier is null)
        {
            return null;
        }

        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == dossier.UnitId, ct);
        var province = await db.Provinces.AsNoTracking().Where(p => p.Code == unit.ProvinceCode).Select(p => p.Name).SingleOrDefaultAsync(ct) ?? unit.ProvinceCode;
        var procedure = await db.Procedures.AsNoTracking().Include(p => p.Versions).SingleAsync(p => p.Id == dossier.ProcedureId, ct);
        var version = procedure.Versions.Single(v => v.Id == dossier.ProcedureVersionId);
        var hamlet = dossier.Applicant.HamletId is { } h ? await db.Hamlets.AsNoTracking().Where(x => x.Id == h).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        var ids = dossier.Events.SelectMany(e => new[] { e.ActorId, e.FromOfficerId, e.ToOfficerId }).Append(dossier.HandlerId).Append(dossier.ReceivedBy).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.DossierId == dossier.Id).OrderBy(a => a.UploadedAt).ToListAsync(ct);
        var calendar = await db.LoadCalendarAsync(dossier.UnitId, ct);
        return new DossierSheet(dossier, unit, province, procedure.Name, culture, version, hamlet, names, attachments, calendar, time.GetUtcNow());
    }
}
