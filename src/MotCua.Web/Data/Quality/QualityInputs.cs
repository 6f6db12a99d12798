using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Quality;

namespace MotCua.Web.Data.Quality;

/// <summary>Reads the state that <see cref="MeasureFacts"/> are computed from, for given dossiers or feedback items.</summary>
internal static class QualityInputs
{
    public static async Task<List<DossierMeasureInput>> DossiersAsync(MotCuaDb db, Guid[] ids, CancellationToken ct)
    {
        // The ledger and the recompute see every unit: filters are for staff reads, not for keeping counts.
        var rows = await db.Dossiers.IgnoreQueryFilters().AsNoTracking()
            .Where(d => ids.Contains(d.Id))
            .Select(d => new DossierRow(
                d.Id, d.UnitId, d.Status, d.Channel, d.ReceivedAt, d.DueAt, d.PausedAt, d.EndedAt, d.SupplementRequestCount, d.PapersReceived, d.ProcedureVersionId,
                db.DossierRatings.Where(r => r.DossierId == d.Id).Select(r => (bool?)r.Satisfied).FirstOrDefault(),
                db.DossierRatings.Where(r => r.DossierId == d.Id).Select(r => r.Guidance).FirstOrDefault(),
                db.DossierRatings.Where(r => r.DossierId == d.Id).Select(r => r.Attitude).FirstOrDefault(),
                db.DossierRatings.Where(r => r.DossierId == d.Id).Select(r => r.Speed).FirstOrDefault(),
                db.FeedbackItems.Any(f => f.DossierId == d.Id),
                db.Attachments.Count(a => a.DossierId == d.Id)))
            .ToListAsync(ct);
        var fees = await FeesAsync(db, rows.Select(r => r.ProcedureVersionId).Distinct().ToList(), ct);
        return [.. rows.Select(r => r.ToInput(fees))];
    }

    public static async Task<List<FeedbackMeasureInput>> FeedbackAsync(MotCuaDb db, Guid[] ids, CancellationToken ct) =>
        await db.FeedbackItems.IgnoreQueryFilters().AsNoTracking()
            .Where(f => ids.Contains(f.Id))
            .Select(f => new FeedbackMeasureInput(f.Id, f.UnitId, f.ReceivedAt, f.DueAt, f.EndedAt, f.Timeliness, f.SubmitterSatisfied))
            .ToListAsync(ct);

    /// <summary>Whether each procedure version charges a fee.</summary>
    public static async Task<Dictionary<Guid, bool>> FeesAsync(MotCuaDb db, List<Guid>? versionIds, CancellationToken ct)
    {
        var q = db.ProcedureVersions.AsNoTracking();
        if (versionIds is not null)
        {
            q = q.Where(v => versionIds.Contains(v.Id));
        }

        return (await q.Select(v => new { v.Id, v.Fee }).ToListAsync(ct)).ToDictionary(v => v.Id, v => v.Fee.IsCharged);
    }

    internal sealed record DossierRow(
        Guid Id,
        Guid UnitId,
        DossierStatus Status,
        Channel Channel,
        DateTimeOffset? ReceivedAt,
        DateTimeOffset? DueAt,
        DateTimeOffset? PausedAt,
        DateTimeOffset? EndedAt,
        int SupplementRequestCount,
        IReadOnlyList<string> Papers,
        Guid ProcedureVersionId,
        bool? Satisfied,
        int? Guidance,
        int? Attitude,
        int? Speed,
        bool HasFeedback,
        int Attachments)
    {
        public DossierMeasureInput ToInput(IReadOnlyDictionary<Guid, bool> fees) => new(
            Id, UnitId, Status, Channel, ReceivedAt, DueAt, PausedAt, EndedAt, SupplementRequestCount, Papers.Count, Attachments,
            fees.GetValueOrDefault(ProcedureVersionId), Satisfied, Satisfied is null ? null : new RatingAnswers(Guidance, Attitude, Speed), HasFeedback);
    }
}
