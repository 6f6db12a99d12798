using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Data.Audit;
using MotCua.Web.Data.Calendar;

namespace MotCua.Web.Features.Dossiers;

/// <summary>How urgent a dossier looks in a work queue.</summary>
public enum UrgencyBadge
{
    None = 0,
    Late = 1,
    DueToday = 2,
    WithinTime = 3,
    EndedEarly = 4,
    EndedOnTime = 5,
    EndedLate = 6,
}

/// <summary>Which counter at the top of the queue the list is narrowed to.</summary>
public enum QueueFocus
{
    All = 0,
    DueToday = 1,
    Overdue = 2,
    WaitingForCitizen = 3,
    ToAccept = 4,
}

/// <summary>The work queues: an officer's own dossiers and the unit's, most urgent first, with counts at the top.</summary>
public static class WorkQueueQuery
{
    public const int PageSize = 50;

    public sealed record Filter(
        string UserId,
        bool Mine,
        bool OpenOnly = true,
        string? Procedure = null,
        Channel? Channel = null,
        DossierStatus? Status = null,
        Guid? HamletId = null,
        string? Search = null,
        QueueFocus Focus = QueueFocus.All,
        int Page = 1,
        bool SearchNames = false);

    public sealed record Row(
        string Number,
        string ProcedureCode,
        string ProcedureName,
        Channel Channel,
        DossierStatus Status,
        string ApplicantName,
        string? Hamlet,
        DateTimeOffset RegisteredAt,
        DateTimeOffset? DueAt,
        UrgencyBadge Badge,
        string? Handler);

    public sealed record Counts(int Open, int DueToday, int Overdue, int WaitingForCitizen, int ToAccept);

    /// <param name="SearchRefused">The search was for part of a name by a reader who sees names masked: nothing is matched.</param>
    public sealed record Result(IReadOnlyList<Row> Rows, Counts Counts, int Total, int Page, int Pages, bool SearchRefused = false);

    public static async Task<Result> LoadAsync(Filter f, MotCuaDb db, TimeProvider time, string culture, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(db);
        var now = time.GetUtcNow();
        var today = WorkingCalendar.LocalDate(now);
        var startOfToday = WorkingCalendar.At(today, TimeOnly.MinValue);
        var startOfTomorrow = WorkingCalendar.At(today.AddDays(1), TimeOnly.MinValue);

        var scope = db.Dossiers.AsNoTracking();
        if (f.Mine)
        {
            scope = scope.Where(d => d.HandlerId == f.UserId);
        }

        var open = scope.Where(d => d.EndedAt == null || d.Status == DossierStatus.Processed);
        var dueToday = open.Where(d => d.EndedAt == null && d.PausedAt == null && d.DueAt >= startOfToday && d.DueAt < startOfTomorrow && d.DueAt >= now);
        var overdue = scope.WhereOverdue(now);
        var waiting = scope.Where(d => d.Status == DossierStatus.SupplementRequested || d.Status == DossierStatus.AwaitingPayment);
        var toAccept = scope.Where(d => d.Status == DossierStatus.NewlyRegistered);
        var counts = new Counts(await open.CountAsync(ct), await dueToday.CountAsync(ct), await overdue.CountAsync(ct), await waiting.CountAsync(ct), await toAccept.CountAsync(ct));

        var q = f.Focus switch
        {
            QueueFocus.DueToday => dueToday,
            QueueFocus.Overdue => overdue,
            QueueFocus.WaitingForCitizen => waiting,
            QueueFocus.ToAccept => toAccept,
            _ => f.OpenOnly ? open : scope,
        };
        if (f.Procedure is { Length: > 0 } code)
        {
            q = q.Where(d => d.ProcedureCode == code);
        }

        if (f.Channel is { } channel)
        {
            q = q.Where(d => d.Channel == channel);
        }

        if (f.Status is { } status)
        {
            q = q.Where(d => d.Status == status);
        }

        if (f.HamletId is { } hamlet)
        {
            q = q.Where(d => d.Applicant.HamletId == hamlet);
        }

        // A reader who sees names masked (a province viewer) finds a dossier only by its whole number or the whole citizen
        // ID: part of a name, tried letter by letter, would unmask it. Every search is in the trail, its term masked.
        string? searched = null;
        var refused = false;
        if (f.Search?.Trim() is { Length: > 0 } search)
        {
            if (DossierNumber.TryParse(search, out var number))
            {
                q = q.Where(d => d.Number == number);
                searched = $"number {number}";
            }
            else if (CitizenId.TryParse(search, out var id))
            {
                CitizenId? cid = id;
                q = q.Where(d => d.Applicant.CitizenId == cid);
                searched = $"citizen ID {id.Masked}";
            }
            else if (f.SearchNames)
            {
                q = q.Where(d => d.Applicant.FullName.Contains(search));
                searched = $"name {Applicant.MaskName(search)}";
            }
            else
            {
                q = q.Where(d => false);
                refused = true;
                searched = "part of a name (refused: names are masked for this reader)";
            }
        }

        var total = await q.CountAsync(ct);
        if (searched is not null)
        {
            db.Audit(AuditActions.DossierSearch, nameof(Dossier), null, $"{searched}: {total} found");
            await db.SaveChangesAsync(ct);
        }

        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(f.Page, 1, pages);

        // Most urgent first: overdue, then by due date; dossiers without a clock (awaiting acceptance, no legal limit) last.
        var dossiers = await q
            .OrderBy(d => d.EndedAt != null)
            .ThenBy(d => d.DueAt == null)
            .ThenBy(d => d.DueAt)
            .ThenBy(d => d.RegisteredAt)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .ToListAsync(ct);

        var procedureNames = await db.Procedures.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Name.For(culture), ct);
        var hamletIds = dossiers.Select(d => d.Applicant.HamletId).OfType<Guid>().Distinct().ToList();
        var hamlets = await db.Hamlets.AsNoTracking().Where(h => hamletIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Name, ct);
        var handlerIds = dossiers.Select(d => d.HandlerId).OfType<string>().Distinct().ToList();
        var handlers = await db.Users.AsNoTracking().Where(u => handlerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var calendars = new Dictionary<Guid, WorkingCalendar>();
        var rows = new List<Row>(dossiers.Count);
        foreach (var d in dossiers)
        {
            if (!calendars.TryGetValue(d.UnitId, out var calendar))
            {
                calendars[d.UnitId] = calendar = await db.LoadCalendarAsync(d.UnitId, ct);
            }

            rows.Add(new Row(d.Number.ToString(), d.ProcedureCode, procedureNames.GetValueOrDefault(d.ProcedureCode, d.ProcedureCode), d.Channel, d.Status,
                d.Applicant.MaskedName, d.Applicant.HamletId is { } h ? hamlets.GetValueOrDefault(h) : null,
                WorkingCalendar.ToLocal(d.RegisteredAt), d.EffectiveDueAt(now, calendar) is { } due ? WorkingCalendar.ToLocal(due) : null,
                BadgeOf(d, now, calendar), d.HandlerId is { } hid ? handlers.GetValueOrDefault(hid, hid) : null));
        }

        return new Result(rows, counts, total, page, pages, refused);
    }

    public static UrgencyBadge BadgeOf(Dossier d, DateTimeOffset now, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(d);
        var timeliness = d.TimelinessAt(now, calendar);
        if (timeliness is null)
        {
            return UrgencyBadge.None;
        }

        if (d.EndedAt is not null)
        {
            return timeliness switch
            {
                Timeliness.Early => UrgencyBadge.EndedEarly,
                Timeliness.OnTime => UrgencyBadge.EndedOnTime,
                _ => UrgencyBadge.EndedLate,
            };
        }

        if (d.IsOverdue(now, calendar) || timeliness == Timeliness.Late)
        {
            return UrgencyBadge.Late;
        }

        return timeliness == Timeliness.OnTime ? UrgencyBadge.DueToday : UrgencyBadge.WithinTime;
    }
}
