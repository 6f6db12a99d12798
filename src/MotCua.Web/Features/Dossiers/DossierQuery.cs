using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Data.Calendar;
using MotCua.Web.Platform;

namespace MotCua.Web.Features.Dossiers;

/// <summary>Read models of dossiers for lists and the dossier page.</summary>
public static class DossierQuery
{
    public const int MaxPageSize = 200;

    public sealed record Filter(
        IReadOnlyList<DossierStatus>? Statuses = null,
        bool? Overdue = null,
        string? ProcedureCode = null,
        Guid? UnitId = null,
        int Page = 1,
        int PageSize = 50);

    /// <summary>Open, on the clock, past the due date, and not waiting on a supplement that began before the due date.</summary>
    public static IQueryable<Dossier> WhereOverdue(this IQueryable<Dossier> q, DateTimeOffset now) =>
        q.Where(d => d.EndedAt == null && d.ReceivedAt != null && d.DueAt != null && d.DueAt < now && (d.PausedAt == null || d.PausedAt > d.DueAt));

    public static async Task<DossierPage> ListAsync(Filter filter, MotCuaDb db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(db);
        var now = time.GetUtcNow();
        var q = db.Dossiers.AsNoTracking();
        if (filter.UnitId is { } unit)
        {
            q = q.Where(d => d.UnitId == unit);
        }

        if (filter.Statuses is { Count: > 0 } statuses)
        {
            q = q.Where(d => statuses.Contains(d.Status));
        }

        if (filter.ProcedureCode is { } code)
        {
            q = q.Where(d => d.ProcedureCode == code);
        }

        if (filter.Overdue == true)
        {
            q = q.WhereOverdue(now);
        }
        else if (filter.Overdue == false)
        {
            q = q.Where(d => d.EndedAt != null || d.ReceivedAt == null || d.DueAt == null || d.DueAt >= now || (d.PausedAt != null && d.PausedAt <= d.DueAt));
        }

        var total = await q.CountAsync(ct);
        var rows = await q
            .OrderBy(d => d.DueAt == null)
            .ThenBy(d => d.DueAt)
            .ThenBy(d => d.RegisteredAt)
            .Skip((filter.Page - 1) * filter.PageSize)
            .Take(filter.PageSize)
            .ToListAsync(ct);

        var calendars = new Dictionary<Guid, WorkingCalendar>();
        var items = new List<DossierListItem>(rows.Count);
        foreach (var d in rows)
        {
            if (!calendars.TryGetValue(d.UnitId, out var calendar))
            {
                calendars[d.UnitId] = calendar = await db.LoadCalendarAsync(d.UnitId, ct);
            }

            items.Add(new DossierListItem(
                d.Number.ToString(), d.Status, d.ProcedureCode, d.Channel, d.Applicant.MaskedName, d.Applicant.MaskedCitizenId,
                Local(d.RegisteredAt), Local(d.ReceivedAt), Local(d.DueAt), d.TimelinessAt(now, calendar), d.IsOverdue(now, calendar), d.HandlerId, d.Version));
        }

        return new DossierPage(items, filter.Page, filter.PageSize, total);
    }

    public static async Task<Dossier?> FindAsync(DossierNumber number, MotCuaDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Dossiers.AsNoTracking().Include(d => d.Events).AsSplitQuery().SingleOrDefaultAsync(d => d.Number == number, ct);
    }

    /// <summary>
    /// The API's answer for one dossier, with the applicant as <see cref="ReadDossier"/> let the caller see them. The
    /// citizen's lookup secret is in it only for the officer who just received the dossier and prints its receipt
    /// (<paramref name="withSecret"/>); nobody else who reads a dossier needs the key to the citizen's lookup and rating.
    /// </summary>
    public static async Task<DossierResponse> ToResponseAsync(Dossier d, MotCuaDb db, TimeProvider time, System.Security.Claims.ClaimsPrincipal user, NodeRole node, ApplicantView applicant,
        CancellationToken ct, bool withSecret = false)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(applicant);
        var calendar = await db.LoadCalendarAsync(d.UnitId, ct);
        var unitCode = d.Number.UnitCode;
        var now = time.GetUtcNow();
        return new DossierResponse(
            d.Number.ToString(), d.Status, (int)d.Status, unitCode, d.ProcedureCode, d.Channel,
            Local(d.RegisteredAt), Local(d.ReceivedAt), Local(d.DueAt), Local(d.OriginalDueAt), Local(d.EndedAt),
            d.TimeLimit.ToString(), d.SupplementRequestCount, d.TimelinessAt(now, calendar), d.IsOverdue(now, calendar),
            withSecret ? d.LookupSecret : null, d.HandlerId, d.Version,
            new ApplicantResponse(applicant.CitizenId, applicant.FullName, applicant.Phone, applicant.Address, applicant.HamletId),
            [.. DossierPermissions.AllowedFor(d, user, node)],
            [.. d.Events.OrderBy(e => e.Sequence).Select(e => new DossierEventResponse(
                e.Sequence, Local(e.At), e.Action, e.FromStatus, e.ToStatus, e.ActorId, e.FromOfficerId, e.ToOfficerId, e.Reason, Local(e.DueAtAfter), e.StepTimeliness, Local(e.PromisedAt)))],
            await RatingAsync(d.Id, db, ct));
    }

    /// <summary>The citizen's rating of a dossier, flagged when it was changed after it was first given.</summary>
    public static async Task<DossierRatingResponse?> RatingAsync(Guid dossierId, MotCuaDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var r = await db.DossierRatings.AsNoTracking().SingleOrDefaultAsync(r => r.DossierId == dossierId, ct);
        return r is null ? null : new DossierRatingResponse(r.Satisfied, r.Guidance, r.Attitude, r.Speed, Local(r.RatedAt), r.Changes, r.Changes > 0);
    }

    public static DateTimeOffset Local(DateTimeOffset at) => WorkingCalendar.ToLocal(at);

    public static DateTimeOffset? Local(DateTimeOffset? at) => at is { } a ? WorkingCalendar.ToLocal(a) : null;
}
