using MotCua.Domain.Dossiers;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// A dossier's applicant as one reader may see them: in full for roles that need it, otherwise masked (name initials,
/// the last digits of the citizen ID and phone, no address). The only place that decides what is shown masked.
/// </summary>
public sealed record ApplicantView(string CitizenId, string FullName, string? Phone, string? Address, Guid? HamletId, bool Full)
{
    public static ApplicantView Of(Applicant applicant, bool full)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        return full
            ? new(applicant.CitizenId?.Value ?? applicant.MaskedCitizenId, applicant.FullName, applicant.Phone?.Value, applicant.Address, applicant.HamletId, true)
            : new(applicant.MaskedCitizenId, applicant.MaskedName, applicant.MaskedPhone, null, applicant.HamletId, false);
    }
}
