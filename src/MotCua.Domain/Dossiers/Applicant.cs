using System.Globalization;
using System.Text;

namespace MotCua.Domain.Dossiers;

/// <summary>
/// On what ground personal data is processed (Personal Data Protection Law 91/2025/QH15): performing an
/// administrative procedure the law provides for, or the person's consent (assisted services, optional contact data).
/// </summary>
public enum PersonalDataBasis
{
    LegalObligation = 1,
    Consent = 2,
}

/// <summary>The person who files a dossier. Personal data: masked in lists and on public pages.</summary>
public sealed class Applicant
{
    public const int MaxNameLength = 100;
    public const int MaxAddressLength = 300;
    public const string AnonymisedName = "Đã ẩn danh";

    private Applicant()
    {
        FullName = string.Empty;
    }

    public Applicant(CitizenId citizenId, string fullName, PhoneNumber? phone, string? address, Guid? hamletId,
        PersonalDataBasis basis = PersonalDataBasis.LegalObligation, DateTimeOffset? consentAt = null)
    {
        if (!Enum.IsDefined(basis))
        {
            throw new DomainRuleException("applicant.basis-invalid", "Unknown legal basis.", RuleKind.Invalid);
        }

        if (basis == PersonalDataBasis.Consent && consentAt is null)
        {
            throw new DomainRuleException("applicant.consent-missing", "Processing on the basis of consent needs the time consent was given.", RuleKind.Invalid);
        }

        Basis = basis;
        ConsentAt = consentAt;
        CitizenId = citizenId;
        FullName = NormalizeName(fullName);
        Phone = phone;
        Address = string.IsNullOrWhiteSpace(address) ? null : address.Trim().Normalize(NormalizationForm.FormC);
        if (Address?.Length > MaxAddressLength || Address?.Any(char.IsControl) == true)
        {
            throw new DomainRuleException("applicant.address-invalid", $"The address is at most {MaxAddressLength} characters, without control characters.", RuleKind.Invalid);
        }

        HamletId = hamletId;
    }

    /// <summary>Null once the record has been anonymised after its retention period.</summary>
    public CitizenId? CitizenId { get; private set; }

    public string FullName { get; private set; }

    public PhoneNumber? Phone { get; private set; }

    public string? Address { get; private set; }

    public Guid? HamletId { get; private set; }

    public PersonalDataBasis Basis { get; private set; }

    /// <summary>When the person consented, where consent is the basis.</summary>
    public DateTimeOffset? ConsentAt { get; private set; }

    public DateTimeOffset? AnonymisedAt { get; private set; }

    public string MaskedCitizenId => CitizenId?.Masked ?? "—";

    public string? MaskedPhone => Phone?.Masked;

    /// <summary>A copy for another dossier of the same person (each dossier owns its applicant record).</summary>
    public Applicant Copy() => AnonymisedAt is null && CitizenId is { } id
        ? new Applicant(id, FullName, Phone, Address, HamletId, Basis, ConsentAt)
        : throw new DomainRuleException("applicant.anonymised", "An anonymised applicant cannot be reused.");

    /// <summary>Removes what identifies the person; the hamlet stays for statistics.</summary>
    internal void Anonymise(DateTimeOffset at)
    {
        CitizenId = null;
        FullName = AnonymisedName;
        Phone = null;
        Address = null;
        ConsentAt = null;
        AnonymisedAt = at;
    }

    /// <summary>Each word reduced to its first letter: "Nguyễn Văn Hoà" → "N***** V** H**".</summary>
    public string MaskedName => MaskName(FullName);

    public static string MaskName(string name) => string.Join(' ',
        name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w =>
        {
            var first = StringInfo.GetNextTextElementLength(w);
            return string.Concat(w.AsSpan(0, first), new string('*', Math.Max(1, new StringInfo(w).LengthInTextElements - 1)));
        }));

    private static string NormalizeName(string? name)
    {
        var n = string.Join(' ', (name ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Normalize(NormalizationForm.FormC);
        if (n.Length is < 2 or > MaxNameLength || !n.Any(char.IsLetter) || n.Any(c => char.IsControl(c) || char.IsDigit(c)))
        {
            throw new DomainRuleException("applicant.name-invalid", $"The applicant's full name must be 2–{MaxNameLength} letters, without digits.", RuleKind.Invalid);
        }

        return n;
    }
}
