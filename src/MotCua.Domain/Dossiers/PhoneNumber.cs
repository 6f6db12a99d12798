using System.Diagnostics.CodeAnalysis;

namespace MotCua.Domain.Dossiers;

/// <summary>A Vietnamese phone number in national form (0 followed by 9 or 10 digits); +84 is accepted and normalised.</summary>
public readonly record struct PhoneNumber
{
    private PhoneNumber(string value) => Value = value;

    public string Value { get; }

    public string Masked => Value[..2] + new string('*', Value.Length - 4) + Value[^2..];

    public override string ToString() => Value;

    public static bool TryParse([NotNullWhen(true)] string? text, out PhoneNumber phone)
    {
        phone = default;
        if (text is null || text.Length > 20)
        {
            return false;
        }

        var digits = new string(text.Where(c => c is not (' ' or '.' or '-' or '(' or ')')).ToArray());
        if (digits.StartsWith("+84", StringComparison.Ordinal))
        {
            digits = "0" + digits[3..];
        }
        else if (digits.StartsWith("84", StringComparison.Ordinal) && digits.Length == 11)
        {
            digits = "0" + digits[2..];
        }

        if (digits.Length is < 10 or > 11 || digits[0] != '0' || digits[1] == '0' || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        phone = new PhoneNumber(digits);
        return true;
    }

    public static PhoneNumber Parse(string text) => TryParse(text, out var p)
        ? p
        : throw new DomainRuleException("applicant.phone-invalid", $"'{text}' is not a Vietnamese phone number.", RuleKind.Invalid);
}
