using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Quality;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Complaints;

/// <summary>Read models of feedback for staff (scoped to their unit or province) and for the submitter.</summary>
public static class FeedbackQuery
{
    public const int MaxPageSize = 200;

    public sealed record Filter(FeedbackStatus? Status = null, bool? Open = null, bool? Overdue = null, Guid? UnitId = null, string? DossierNumber = null, int Page = 1, int PageSize = 50);

    public static async Task<FeedbackPage> ListAsync(Filter filter, MotCuaDb db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        var q = db.FeedbackItems.AsNoTracking();
        if (filter.Status is { } status)
        {
            q = q.Where(f => f.Status == status);
        }

        if (filter.UnitId is { } unit)
        {
            q = q.Where(f => f.UnitId == unit);
        }

        if (filter.DossierNumber is { } number)
        {
            q = q.Where(f => f.DossierNumber == number);
        }

        if (filter.Open is { } open)
        {
            q = open ? q.Where(f => f.EndedAt == null) : q.Where(f => f.EndedAt != null);
        }

        if (filter.Overdue is { } overdue)
        {
            q = overdue ? q.Where(f => f.EndedAt == null && f.DueAt < now) : q.Where(f => f.EndedAt != null || f.DueAt >= now);
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(f => f.EndedAt != null).ThenBy(f => f.DueAt).ThenBy(f => f.ReceivedAt)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToListAsync(ct);
        return new FeedbackPage([.. rows.Select(f => Item(f, now))], filter.Page, filter.PageSize, total);
    }

    public static FeedbackListItem Item(Feedback f, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new FeedbackListItem(f.Code, f.Kind, f.Category, f.Subject, f.Status, f.DossierNumber, f.SubmitterName is { } n ? Applicant.MaskName(n) : null,
            Local(f.ReceivedAt), Local(f.DueAt), IsOverdue(f, now), f.Timeliness, f.AssigneeId, f.SubmitterSatisfied, f.Version);
    }

    public static bool IsOverdue(Feedback f, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(f);
        return f.EndedAt is null && now > f.DueAt;
    }

    /// <summary>The staff view; the submitter's name and phone in full only when <paramref name="fullPersonalData"/> (the caller audits that read).</summary>
    public static FeedbackResponse ToResponse(Feedback f, string unitCode, DateTimeOffset now, bool fullPersonalData)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new FeedbackResponse(
            f.Code, unitCode, f.Kind, f.Category, f.Subject, f.Content, f.Status, f.DossierNumber,
            fullPersonalData ? f.SubmitterName : f.SubmitterName is { } n ? Applicant.MaskName(n) : null,
            fullPersonalData ? f.SubmitterPhone?.Value : f.SubmitterPhone?.Masked,
            Local(f.ReceivedAt), Local(f.DueAt), f.EndedAt is { } e ? Local(e) : null, f.Outcome, f.Timeliness, IsOverdue(f, now), f.AssigneeId, f.Response,
            f.SubmitterSatisfied, f.Version, HandleFeedback.Allowed(f),
            [.. f.Steps.Select(s => new FeedbackStepResponse(Local(s.At), s.Action, s.ActorId, s.Text, s.Status))]);
    }

    /// <summary>What the submitter sees with the code and secret: the steps and the centre's texts, never who wrote them.</summary>
    public static async Task<PublicFeedbackResponse> ToPublicAsync(Feedback f, MotCuaDb db, Func<FeedbackStatus, string> statusText, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(statusText);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == f.UnitId).Select(u => new { u.Code, u.Name }).SingleAsync(ct);
        return new PublicFeedbackResponse(
            f.Code, f.Kind, f.Subject, f.Status, statusText(f.Status), unit.Code, unit.Name, f.DossierNumber, Local(f.ReceivedAt), Local(f.DueAt), f.Response,
            f.CanBeRated, f.SubmitterSatisfied,
            [.. f.Steps.Where(s => s.Action is not (FeedbackAction.Classify or FeedbackAction.Assign)).Select(s => new PublicFeedbackStep(Local(s.At), s.Action, s.Action == FeedbackAction.Submit ? null : s.Text))]);
    }

    private static DateTimeOffset Local(DateTimeOffset at) => Domain.Calendar.WorkingCalendar.ToLocal(at);
}
