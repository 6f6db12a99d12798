using System.Diagnostics.CodeAnalysis;

namespace MotCua.Domain.Dossiers;

/// <summary>
/// A 12-digit citizen identity number (số định danh cá nhân / CCCD, Decree 137/2015, Circular 07/2016/TT-BCA):
/// digits 1–3 the province of birth registration (the 63-province list), digit 4 the century and sex
/// (0/1 = 1900s male/female, 2/3 = 2000s), digits 5–6 the year of birth, digits 7–12 random. There is no checksum,
/// so validation checks the structure only.
/// </summary>
public readonly record struct CitizenId
{
    private static readonly HashSet<int> ProvinceCodes =
    [
        1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37, 38, 40, 42, 44, 45, 46,
        48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93,
        94, 95, 96,
    ];

    private CitizenId(string value) => Value = value;

    public string Value { get; }

    public int ProvinceCode => ((Value[0] - '0') * 100) + ((Value[1] - '0') * 10) + (Value[2] - '0');

    public bool IsFemale => (Value[3] - '0') % 2 == 1;

    public int BirthYear => 1900 + ((Value[3] - '0') / 2 * 100) + ((Value[4] - '0') * 10) + (Value[5] - '0');

    /// <summary>Only the last three digits shown, for lists and public pages.</summary>
    public string Masked => new string('*', 9) + Value[9..];

    public override string ToString() => Value;

    public static bool TryParse([NotNullWhen(true)] string? text, out CitizenId id) => TryParse(text, out id, out _);

    public static bool TryParse([NotNullWhen(true)] string? text, out CitizenId id, out string? error)
    {
        id = default;
        error = null;
        var t = text?.Trim();
        if (t is null || t.Length != 12 || !t.All(char.IsAsciiDigit))
        {
            error = "A citizen ID has exactly 12 digits.";
            return false;
        }

        if (!ProvinceCodes.Contains(int.Parse(t.AsSpan(0, 3), provider: System.Globalization.CultureInfo.InvariantCulture)))
        {
            error = $"'{t[..3]}' is not a province code of birth registration.";
            return false;
        }

        if (t[3] is not ('0' or '1' or '2' or '3'))
        {
            error = "The 4th digit (century and sex) must be 0–3 for people born 1900–2099.";
            return false;
        }

        id = new CitizenId(t);
        return true;
    }

    public static CitizenId Parse(string text) => TryParse(text, out var id, out var error)
        ? id
        : throw new DomainRuleException("applicant.citizen-id-invalid", error!, RuleKind.Invalid);
}
