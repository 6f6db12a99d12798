using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Quality;
using MotCua.Web.Data;
using MotCua.Web.Data.Dossiers;

namespace MotCua.Web.Features.Complaints;

/// <summary>The submitter says whether the answer satisfies them (Index 766 counts "not satisfied" against the unit).</summary>
public static class RateFeedbackAnswer
{
    /// <summary>The item, or null when the code and secret do not match.</summary>
    public static async Task<Feedback?> ExecuteAsync(string code, string? secret, bool satisfied, MotCuaDb db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var feedback = await FindAsync(db, code, secret, tracked: true, ct);
        if (feedback is null)
        {
            return null;
        }

        feedback.Rate(satisfied, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return feedback;
    }

    /// <summary>The item whose code and secret match (constant-time), whatever its unit; null otherwise.</summary>
    public static async Task<Feedback?> FindAsync(MotCuaDb db, string? code, string? secret, bool tracked, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrWhiteSpace(code) || code.Length > 32 || string.IsNullOrWhiteSpace(secret) || secret.Length > 32)
        {
            return null;
        }

        // Public: the code and the secret grant access, not a staff scope.
        var q = db.FeedbackItems.IgnoreQueryFilters();
        var normalized = code.Trim().ToUpperInvariant();
        var feedback = await (tracked ? q : q.AsNoTracking()).SingleOrDefaultAsync(f => f.Code == normalized, ct);
        return CitizenKey.Matches(feedback?.Secret, secret) ? feedback : null;
    }
}
