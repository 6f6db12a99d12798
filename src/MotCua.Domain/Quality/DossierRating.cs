using System.Text;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Units;

namespace MotCua.Domain.Quality;

/// <summary>Where a citizen rated the service.</summary>
public enum RatingSource
{
    /// <summary>From the QR code on the receipt, on the citizen's own phone.</summary>
    Qr = 1,

    /// <summary>On the counter's kiosk (a tablet with large buttons, no sign-in).</summary>
    Kiosk = 2,

    /// <summary>Through the field kit, in an outreach session or a home visit.</summary>
    FieldKit = 3,
}

/// <summary>
/// The answers 1–5 to the plain questions asked after a result is returned (1 = very poor, 5 = very good). Each one
/// is optional: a citizen may only press "like" or "dislike".
/// </summary>
/// <param name="Guidance">Were the papers and steps explained clearly?</param>
/// <param name="Attitude">Was the officer courteous and helpful?</param>
/// <param name="Speed">Was the result given on time, without extra trips?</param>
public sealed record RatingAnswers(int? Guidance = null, int? Attitude = null, int? Speed = null)
{
    public static RatingAnswers None { get; } = new();

    public void Validate()
    {
        foreach (var (name, value) in new[] { ("guidance", Guidance), ("attitude", Attitude), ("speed", Speed) })
        {
            if (value is < 1 or > 5)
            {
                throw new DomainRuleException("rating.score-invalid", $"The answer '{name}' is from 1 to 5.", RuleKind.Invalid);
            }
        }
    }
}

/// <summary>
/// The citizen's rating of one dossier's service (mức độ hài lòng): "like" or "dislike", answers 1–5 and an optional
/// comment. One per dossier; rating again replaces the answers (the change is audited). A "dislike" counts the dossier
/// in the Index 766 satisfaction rate "with a complaint or dislike".
/// </summary>
public sealed class DossierRating : IUnitOwned
{
    public const int MaxCommentLength = 1000;

    /// <summary>
    /// How often a rating may be replaced after it was first given. Whoever holds the receipt's code may rate (the
    /// citizen, but also the officers who printed it), so changes are few, and each is flagged on the dossier and audited.
    /// </summary>
    public const int MaxChanges = 2;

    private DossierRating()
    {
    }

    public Guid Id { get; private set; }

    public Guid DossierId { get; private set; }

    public Guid UnitId { get; private set; }

    /// <summary>"Like" (true) or "dislike" (false).</summary>
    public bool Satisfied { get; private set; }

    public int? Guidance { get; private set; }

    public int? Attitude { get; private set; }

    public int? Speed { get; private set; }

    public string? Comment { get; private set; }

    public RatingSource Source { get; private set; }

    public DateTimeOffset RatedAt { get; private set; }

    /// <summary>How many times the citizen changed the rating after giving it.</summary>
    public int Changes { get; private set; }

    public int Version { get; private set; }

    public RatingAnswers Answers => new(Guidance, Attitude, Speed);

    /// <summary>A dossier may be rated once its result is ready or handed over.</summary>
    public static bool CanRate(DossierStatus status) => status is DossierStatus.Processed or DossierStatus.ResultReturned;

    public static DossierRating Rate(Dossier dossier, bool satisfied, RatingAnswers answers, string? comment, RatingSource source, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var rating = new DossierRating { Id = Guid.NewGuid(), DossierId = dossier.Id, UnitId = dossier.UnitId, Version = 0 };
        rating.Change(dossier.Status, satisfied, answers, comment, source, now);
        rating.Changes = 0;
        return rating;
    }

    /// <summary>Replaces the answers with new ones (the citizen changed their mind).</summary>
    public void Change(DossierStatus dossierStatus, bool satisfied, RatingAnswers answers, string? comment, RatingSource source, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (!CanRate(dossierStatus))
        {
            throw new DomainRuleException("rating.not-yet", "A dossier can be rated once its result is ready or handed over.");
        }

        if (!Enum.IsDefined(source))
        {
            throw new DomainRuleException("rating.source-invalid", "Unknown rating source.", RuleKind.Invalid);
        }

        answers.Validate();
        if (Version > 0 && Changes >= MaxChanges)
        {
            throw new DomainRuleException("rating.change-limit", $"This rating was already changed {MaxChanges} times; it cannot be changed again.");
        }

        Satisfied = satisfied;
        Guidance = answers.Guidance;
        Attitude = answers.Attitude;
        Speed = answers.Speed;
        Comment = CleanText(comment, MaxCommentLength, "rating.comment-invalid", "The comment");
        Source = source;
        RatedAt = now;
        Changes++;
        Version++;
    }

    /// <summary>Trims, normalises to NFC and refuses control characters (line breaks allowed) and over-long text; empty becomes null.</summary>
    internal static string? CleanText(string? text, int max, string code, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim().Normalize(NormalizationForm.FormC);
        if (t.Length > max || t.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            throw new DomainRuleException(code, $"{what} is at most {max} characters, without control characters.", RuleKind.Invalid);
        }

        return t;
    }
}
