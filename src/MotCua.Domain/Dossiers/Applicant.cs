using System.Globalization;
using System.Text;

namespace MotCua.Domain.Dossiers;

/// <summary>The person who files a dossier. Personal data: masked in lists and on public pages.</summary>
public sealed class Applicant
{
    public const int MaxNameLength = 100;
    public const int MaxAddressLength = 300;

    private Applicant()
    {
        FullName = string.Empty;
    }

    public Applicant(CitizenId citizenId, string fullName, PhoneNumber? phone, string? address, Guid? hamletId)
    {
        CitizenId = citizenId;
        FullName = NormalizeName(fullName);
        Phone = phone;
        Address = string.IsNullOrWhiteSpace(address) ? null : address.Trim().Normalize(NormalizationForm.FormC);
        if (Address?.Length > MaxAddressLength)
        {
            throw new DomainRuleException("applicant.address-invalid", $"The address is at most {MaxAddressLength} characters.") { IsInvalidInput = true };
        }

        HamletId = hamletId;
    }

    public CitizenId CitizenId { get; private set; }

    public string FullName { get; private set; }

    public PhoneNumber? Phone { get; private set; }

    public string? Address { get; private set; }

    public Guid? HamletId { get; private set; }

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
            throw new DomainRuleException("applicant.name-invalid", $"The applicant's full name must be 2–{MaxNameLength} letters, without digits.") { IsInvalidInput = true };
        }

        return n;
    }
}
