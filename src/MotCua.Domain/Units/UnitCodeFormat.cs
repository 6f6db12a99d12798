using System.Text.RegularExpressions;

namespace MotCua.Domain.Units;

/// <summary>Codes of administrative units as in QCVN 102:2016, e.g. <c>000.00.14.H56</c>: dot-separated upper-case groups.</summary>
public static partial class UnitCodeFormat
{
    public static bool IsValid(string? code) => code is { Length: >= 2 and <= 32 } && Pattern().IsMatch(code);

    [GeneratedRegex(@"^[0-9A-Z]{1,6}(\.[0-9A-Z]{1,6}){0,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
