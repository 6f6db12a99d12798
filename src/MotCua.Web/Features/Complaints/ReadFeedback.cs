using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Quality;
using MotCua.Web.Data;
using MotCua.Web.Data.Audit;

namespace MotCua.Web.Features.Complaints;

/// <summary>
/// A staff member reads one complaint or recommendation (the API and the page alike): found within their data scope,
/// the submitter's name and phone in full only for those who handle feedback (<see cref="FeedbackPolicies.Handle"/>)
/// and masked otherwise, and every full read of a submitter's personal data written to the audit trail.
/// </summary>
public static class ReadFeedback
{
    public const int MaxCodeLength = 32;

    public sealed record Result(Feedback Feedback, FeedbackResponse Response, bool MayHandle);

    public static async Task<Result?> ExecuteAsync(string code, ClaimsPrincipal reader, MotCuaDb db, TimeProvider time, IAuthorizationService authorization, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(db);
        var feedback = code.Length <= MaxCodeLength ? await db.FeedbackItems.AsNoTracking().SingleOrDefaultAsync(f => f.Code == code, ct) : null;
        return feedback is null ? null : await SeeAsync(feedback, reader, db, time, authorization, audit: true, ct);
    }

    /// <summary>The answer after a change the reader made themselves (the personal data they just worked on is not a new read).</summary>
    public static async Task<FeedbackResponse> AfterChangeAsync(Feedback feedback, ClaimsPrincipal reader, MotCuaDb db, TimeProvider time, IAuthorizationService authorization, CancellationToken ct) =>
        (await SeeAsync(feedback, reader, db, time, authorization, audit: false, ct)).Response;

    private static async Task<Result> SeeAsync(Feedback feedback, ClaimsPrincipal reader, MotCuaDb db, TimeProvider time, IAuthorizationService authorization, bool audit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        ArgumentNullException.ThrowIfNull(authorization);
        var full = (await authorization.AuthorizeAsync(reader, FeedbackPolicies.Handle)).Succeeded;
        if (full && audit && (feedback.SubmitterName is not null || feedback.SubmitterPhone is not null))
        {
            db.Audit(AuditActions.PersonalDataRead, nameof(Feedback), feedback.Id.ToString(), feedback.Code);
            await db.SaveChangesAsync(ct);
        }

        var unit = await db.Units.AsNoTracking().Where(u => u.Id == feedback.UnitId).Select(u => u.Code).SingleAsync(ct);
        return new Result(feedback, FeedbackQuery.ToResponse(feedback, unit, time.GetUtcNow(), full), full);
    }
}
