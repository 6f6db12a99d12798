using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Quality;
using MotCua.Web.Data;
using MotCua.Web.Data.Calendar;
using MotCua.Web.Data.Dossiers;
using MotCua.Web.Platform;

namespace MotCua.Web.Features.Complaints;

/// <summary>
/// A citizen sends a complaint or recommendation (PAKN) from the public page, the field kit or the API, optionally about
/// one of their dossiers (proved with the receipt's number and secret). They get a code and a secret to follow it.
/// </summary>
public static class SubmitFeedback
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public sealed record Input(string? UnitCode, FeedbackKind Kind, string Subject, string Content, string? DossierNumber, string? DossierSecret, string? Name, PhoneNumber? Phone);

    /// <summary>Validates the request, reporting every malformed field at once.</summary>
    public static Input? Validate(FeedbackRequest? request, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (request is null)
        {
            errors.Add("body", "The feedback is required.");
            return null;
        }

        if (request.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", "The kind is complaint or recommendation.");
        }

        if (string.IsNullOrWhiteSpace(request.Subject) || request.Subject.Length > Feedback.MaxSubjectLength)
        {
            errors.Add("subject", $"The subject is required, at most {Feedback.MaxSubjectLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(request.Content) || request.Content.Length > Feedback.MaxContentLength)
        {
            errors.Add("content", $"The content is required, at most {Feedback.MaxContentLength} characters.");
        }

        var hasDossier = !string.IsNullOrWhiteSpace(request.DossierNumber);
        if (hasDossier && (!DossierNumber.TryParse(request.DossierNumber!.Trim(), out _) || string.IsNullOrWhiteSpace(request.DossierSecret) || request.DossierSecret.Length > 32))
        {
            errors.Add("dossierNumber", "A dossier is named by the number and the code printed on its receipt.");
        }

        if (!hasDossier && (string.IsNullOrWhiteSpace(request.Unit) || !Domain.Units.UnitCodeFormat.IsValid(request.Unit.Trim())))
        {
            errors.Add("unit", "Choose the commune the feedback is for (or name your dossier).");
        }

        PhoneNumber? phone = null;
        if (!string.IsNullOrWhiteSpace(request.Phone))
        {
            if (PhoneNumber.TryParse(request.Phone, out var p))
            {
                phone = p;
            }
            else
            {
                errors.Add("phone", "The phone number must be a Vietnamese number: 0 followed by 9 or 10 digits, or +84.");
            }
        }

        if (request.Name?.Length > Feedback.MaxNameLength)
        {
            errors.Add("name", $"The name is at most {Feedback.MaxNameLength} characters.");
        }

        if ((!string.IsNullOrWhiteSpace(request.Name) || phone is not null) && request.Consent != true)
        {
            errors.Add("consent", "To give a name or phone number, agree that the centre uses them to answer you.");
        }

        return errors.Any
            ? null
            : new Input(hasDossier ? null : request.Unit!.Trim(), request.Kind!.Value, request.Subject!, request.Content!,
                hasDossier ? request.DossierNumber!.Trim() : null, request.DossierSecret, request.Name, phone);
    }

    /// <summary>The feedback received, or null when the dossier named does not match its secret or the unit does not exist.</summary>
    public static async Task<Feedback?> ExecuteAsync(Input input, MotCuaDb db, TimeProvider time, FeedbackTimeLimits limits, AnonymousFeedbackCap cap, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cap);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(limits);
        Guid unitId;
        Dossier? dossier = null;
        if (input.DossierNumber is not null)
        {
            dossier = await CitizenKey.FindDossierAsync(db, input.DossierNumber, input.DossierSecret, ct);
            if (dossier is null)
            {
                return null;
            }

            unitId = dossier.UnitId;
        }
        else
        {
            var unit = await db.Units.AsNoTracking().Where(u => u.Code == input.UnitCode).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct);
            if (unit is null)
            {
                return null;
            }

            unitId = unit.Value;
        }

        var now = time.GetUtcNow();
        if (dossier is null)
        {
            // Anonymous items (no dossier named) of the commune today, whoever sent them: the public writes here without a scope.
            var start = WorkingCalendar.At(WorkingCalendar.LocalDate(now), TimeOnly.MinValue);
            var today = await db.FeedbackItems.IgnoreQueryFilters().CountAsync(f => f.UnitId == unitId && f.DossierId == null && f.ReceivedAt >= start, ct);
            if (today >= cap.PerDay)
            {
                throw new DomainRuleException("feedback.daily-limit",
                    "The commune has taken all the feedback it takes today from people who name no dossier. Name your dossier (its number and the code on the receipt), call the centre, or send it tomorrow.");
            }
        }

        var calendar = await db.LoadCalendarAsync(unitId, ct);
        for (var attempt = 0; ; attempt++)
        {
            var code = NewCode(now);
            var feedback = Feedback.Submit(
                new FeedbackSubmission(unitId, code, RandomNumberGenerator.GetString(Alphabet, 8), input.Kind, input.Subject, input.Content,
                    dossier?.Id, dossier?.Number.ToString(), input.Name, input.Phone),
                now, calendar, limits);
            db.FeedbackItems.Add(feedback);
            try
            {
                await db.SaveChangesAsync(ct);
                return feedback;
            }
            catch (DbUpdateException ex) when (attempt < 3 && DbErrors.IsUniqueViolation(ex))
            {
                // Two items drew the same code on the same day: draw again.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>"PA-260302-7KQM": the day received and four characters without look-alikes.</summary>
    public static string NewCode(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"PA-{WorkingCalendar.LocalDate(now):yyMMdd}-{RandomNumberGenerator.GetString(Alphabet, 4)}");
}
