using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Quality;
using MotCua.Web.Data;
using MotCua.Web.Data.Audit;
using MotCua.Web.Data.Dossiers;

namespace MotCua.Web.Features.Quality;

/// <summary>
/// The citizen rates the service of one dossier (from the receipt's QR code, the counter kiosk or the field kit),
/// proving they hold it with the number and secret on the receipt. One rating per dossier: rating again replaces it,
/// and the audit trail keeps the old and new answers.
/// </summary>
public static class RateDossier
{
    public sealed record Input(string Number, string Secret, bool Satisfied, RatingAnswers Answers, string? Comment, RatingSource Source);

    public sealed record Outcome(string Number, DossierRating Rating, bool Replaced);

    /// <summary>The rating, or null when no dossier matches the number and secret (the caller answers 404 either way).</summary>
    public static async Task<Outcome?> ExecuteAsync(Input input, MotCuaDb db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var dossier = await CitizenKey.FindDossierAsync(db, input.Number, input.Secret, ct);
        if (dossier is null)
        {
            return null;
        }

        for (var attempt = 0; ; attempt++)
        {
            // The citizen proved they hold the dossier; that, not a staff scope, grants this write.
            var rating = await db.DossierRatings.IgnoreQueryFilters().SingleOrDefaultAsync(r => r.DossierId == dossier.Id, ct);
            var replaced = rating is not null;
            if (rating is null)
            {
                rating = DossierRating.Rate(dossier, input.Satisfied, input.Answers, input.Comment, input.Source, time.GetUtcNow());
                db.DossierRatings.Add(rating);
            }
            else
            {
                rating.Change(dossier.Status, input.Satisfied, input.Answers, input.Comment, input.Source, time.GetUtcNow());
            }

            if (replaced)
            {
                // A changed rating moves Index 766: flag each one, whoever sent it.
                db.Audit(AuditActions.RatingChanged, nameof(Dossier), dossier.Id.ToString(),
                    $"{dossier.Number}: change {rating.Changes} of at most {DossierRating.MaxChanges} ({input.Source})");
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return new Outcome(dossier.Number.ToString(), rating, replaced);
            }
            catch (DbUpdateException ex) when (attempt == 0 && (DbErrors.IsUniqueViolation(ex) || ex is DbUpdateConcurrencyException))
            {
                // The same dossier was rated at the same moment from another device: rate again over that one.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Validates the API request; every malformed field at once.</summary>
    public static Input? Validate(string number, RatingRequest? request, Platform.ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (request is null)
        {
            errors.Add("body", "The rating is required.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(request.Secret))
        {
            errors.Add("secret", "The code printed on the receipt is required.");
        }

        if (request.Satisfied is null)
        {
            errors.Add("satisfied", "Say whether you are satisfied (true) or not (false).");
        }

        if (request.Source is { } s && !Enum.IsDefined(s))
        {
            errors.Add("source", "The source is qr, kiosk or fieldKit.");
        }

        var answers = new RatingAnswers(request.Guidance, request.Attitude, request.Speed);
        errors.Try("answers", () =>
        {
            answers.Validate();
            return true;
        });
        if (request.Comment?.Length > DossierRating.MaxCommentLength)
        {
            errors.Add("comment", $"The comment is at most {DossierRating.MaxCommentLength} characters.");
        }

        return errors.Any ? null : new Input(number, request.Secret!, request.Satisfied!.Value, answers, request.Comment, request.Source ?? RatingSource.Qr);
    }
}

/// <param name="Secret">The code printed on the receipt under the QR code.</param>
/// <param name="Satisfied">"Like" (true) or "dislike" (false).</param>
/// <param name="Guidance">1–5: were the papers and steps explained clearly?</param>
/// <param name="Attitude">1–5: was the officer courteous and helpful?</param>
/// <param name="Speed">1–5: was the result given on time, without extra trips?</param>
/// <param name="Source">qr (default), kiosk or fieldKit.</param>
public sealed record RatingRequest(string? Secret, bool? Satisfied, int? Guidance = null, int? Attitude = null, int? Speed = null, string? Comment = null, RatingSource? Source = null);

public sealed record RatingResponse(string Number, bool Satisfied, int? Guidance, int? Attitude, int? Speed, string? Comment, RatingSource Source, DateTimeOffset RatedAt, bool Replaced);
