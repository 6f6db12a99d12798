using MotCua.Domain.Calendar;

namespace MotCua.Domain.Catalog;

/// <summary>In which form a paper must be handed in.</summary>
public enum PaperForm
{
    /// <summary>The original, kept in the dossier.</summary>
    Original = 1,

    /// <summary>A copy (photocopy or scan).</summary>
    Copy = 2,

    /// <summary>A certified copy, or a copy presented together with the original for comparison.</summary>
    CertifiedCopy = 3,

    /// <summary>Shown to the officer and handed back (e.g. the citizen ID card).</summary>
    Presented = 4,
}

/// <summary>One paper of a procedure's dossier (thành phần hồ sơ).</summary>
public sealed record RequiredPaper(LocalizedText Name, PaperForm Form = PaperForm.Original, int Copies = 1, bool Optional = false);
