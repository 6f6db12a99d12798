using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Quality;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Quality;

/// <summary>
/// The dossiers or feedback behind one number of the dashboard, from their stored facts (the same ones the summaries
/// add up), for one unit and period. Staff scope filters apply; names are masked.
/// </summary>
public static class QualityDrillQuery
{
    public const int MaxRows = 500;

    /// <summary>What can be drilled into, and whether it lists dossiers or feedback.</summary>
    public static readonly IReadOnlyDictionary<string, FactSubject> Kinds = new Dictionary<string, FactSubject>(StringComparer.Ordinal)
    {
        ["late"] = FactSubject.Dossier,
        ["openOverdue"] = FactSubject.Dossier,
        ["open"] = FactSubject.Dossier,
        ["earlyOrOnTime"] = FactSubject.Dossier,
        ["complaintOrDislike"] = FactSubject.Dossier,
        ["disliked"] = FactSubject.Dossier,
        ["online"] = FactSubject.Dossier,
        ["notDigitised"] = FactSubject.Dossier,
        ["feedback"] = FactSubject.Feedback,
        ["feedbackLate"] = FactSubject.Feedback,
        ["feedbackDissatisfiedOrLate"] = FactSubject.Feedback,
    };

    public sealed record DossierRow(string Number, string Procedure, string Applicant, DossierStatus Status, DateTimeOffset? ReceivedAt, DateTimeOffset? DueAt, DateTimeOffset? EndedAt, bool? Satisfied, string? Comment);

    public sealed record FeedbackRow(string Code, FeedbackKind Kind, string Subject, FeedbackStatus Status, string? DossierNumber, DateTimeOffset ReceivedAt, DateTimeOffset DueAt, Timeliness? Timeliness, bool? Satisfied);

    public sealed record Result(int Total, IReadOnlyList<DossierRow> Dossiers, IReadOnlyList<FeedbackRow> Feedback);

    public static async Task<Result> LoadAsync(MotCuaDb db, Guid unitId, QualityPeriod period, string what, DateTimeOffset now, string culture, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var subject = Kinds[what];
        var facts = db.QualityFacts.AsNoTracking().Where(f => f.UnitId == unitId && f.Subject == subject && f.CohortDay >= period.From && f.CohortDay <= period.To);
        facts = what switch
        {
            "late" or "feedbackLate" => facts.Where(f => (f.Traits & FactTraits.EndedLate) != 0 || (f.OverdueFrom != null && f.OverdueFrom < now)),
            "openOverdue" => facts.Where(f => f.OverdueFrom != null && f.OverdueFrom < now),
            "open" => facts.Where(f => (f.Traits & FactTraits.Open) != 0),
            "earlyOrOnTime" => facts.Where(f => (f.Traits & (FactTraits.Early | FactTraits.OnTime)) != 0),
            "complaintOrDislike" => facts.Where(f => (f.Traits & FactTraits.ComplaintOrDislike) != 0),
            "disliked" => facts.Where(f => (f.Traits & FactTraits.Disliked) != 0),
            "online" => facts.Where(f => (f.Traits & FactTraits.ChannelOnline) != 0),
            "notDigitised" => facts.Where(f => f.DigitisedComponents < f.Components),
            "feedbackDissatisfiedOrLate" => facts.Where(f => (f.Traits & (FactTraits.EndedLate | FactTraits.Dissatisfied)) != 0 || (f.OverdueFrom != null && f.OverdueFrom < now)),
            _ => facts,
        };
        var total = await facts.CountAsync(ct);
        if (subject == FactSubject.Feedback)
        {
            var feedback = await (from f in facts
                                  join x in db.FeedbackItems.AsNoTracking() on f.SubjectId equals x.Id
                                  orderby x.ReceivedAt
                                  select new FeedbackRow(x.Code, x.Kind, x.Subject, x.Status, x.DossierNumber, x.ReceivedAt, x.DueAt, x.Timeliness, x.SubmitterSatisfied))
                .Take(MaxRows).ToListAsync(ct);
            return new Result(total, [], feedback);
        }

        var rows = await (from f in facts
                          join d in db.Dossiers.AsNoTracking() on f.SubjectId equals d.Id
                          join r in db.DossierRatings.AsNoTracking() on d.Id equals r.DossierId into rs
                          from r in rs.DefaultIfEmpty()
                          orderby d.ReceivedAt
                          select new { d.Number, d.ProcedureCode, d.Applicant.FullName, d.Status, d.ReceivedAt, d.DueAt, d.EndedAt, Satisfied = r == null ? (bool?)null : r.Satisfied, Comment = r == null ? null : r.Comment })
            .Take(MaxRows).ToListAsync(ct);
        var names = await db.Procedures.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Name.For(culture), ct);
        return new Result(total, [.. rows.Select(x => new DossierRow(x.Number.ToString(), names.GetValueOrDefault(x.ProcedureCode, x.ProcedureCode), Applicant.MaskName(x.FullName), x.Status, x.ReceivedAt, x.DueAt, x.EndedAt, x.Satisfied, x.Comment))], []);
    }
}
