using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using MotCua.Domain.Units;

namespace MotCua.Domain.Dossiers;

/// <summary>
/// A dossier number <c>&lt;unit code&gt;-YYMMDD-NNNN</c> (Circular 01/2018/TT-VPCP art. 19), e.g.
/// <c>000.00.14.H56-200203-0118</c>: the receiving unit's code (QCVN 102:2016), the receipt date and a 4-digit
/// sequence within that unit and day.
/// </summary>
public readonly partial record struct DossierNumber
{
    public const int MaxSequence = 9999;

    public DossierNumber(string unitCode, DateOnly date, int sequence)
    {
        if (!UnitCodeFormat.IsValid(unitCode))
        {
            throw new DomainRuleException("dossier.number-invalid", $"'{unitCode}' is not a unit code.", RuleKind.Invalid);
        }

        if (sequence is < 1 or > MaxSequence)
        {
            throw new DomainRuleException("dossier.number-exhausted", $"The day's sequence must be 1–{MaxSequence}.");
        }

        if (date.Year is < 2000 or > 2099)
        {
            throw new DomainRuleException("dossier.number-invalid", "The receipt date must be in 2000–2099.", RuleKind.Invalid);
        }

        UnitCode = unitCode;
        Date = date;
        Sequence = sequence;
    }

    public string UnitCode { get; }

    public DateOnly Date { get; }

    public int Sequence { get; }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{UnitCode}-{Date:yyMMdd}-{Sequence:0000}");

    public static bool TryParse([NotNullWhen(true)] string? text, out DossierNumber number)
    {
        number = default;
        if (text is null || text.Length > 64)
        {
            return false;
        }

        var m = Pattern().Match(text.Trim());
        if (!m.Success
            || !DateOnly.TryParseExact(m.Groups["date"].Value, "yyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || !UnitCodeFormat.IsValid(m.Groups["unit"].Value))
        {
            return false;
        }

        var sequence = int.Parse(m.Groups["seq"].Value, CultureInfo.InvariantCulture);
        if (sequence < 1)
        {
            return false;
        }

        number = new DossierNumber(m.Groups["unit"].Value, date, sequence);
        return true;
    }

    public static DossierNumber Parse(string text) => TryParse(text, out var n)
        ? n
        : throw new DomainRuleException("dossier.number-invalid", $"'{text}' is not a dossier number (<unit code>-YYMMDD-NNNN).", RuleKind.Invalid);

    [GeneratedRegex(@"^(?<unit>[0-9A-Z.]+)-(?<date>\d{6})-(?<seq>\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
