using System.Globalization;

namespace MotCua.Web.Platform;

/// <summary>Strict parsing of query-string values, so a wrong value is a 400 that names the parameter, never a guess.</summary>
public static class QueryValues
{
    private static readonly string[] InstantFormats =
    [
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    /// <summary>An ISO 8601 instant that states its offset (e.g. <c>2026-03-02T09:30:00+07:00</c> or <c>…Z</c>).</summary>
    public static bool TryParseInstant(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return false;
        }

        if (!DateTimeOffset.TryParseExact(text.Trim(), InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
        {
            return false;
        }

        return value.Year is >= 2000 and <= 2099;
    }

    public static bool TryParseDate(string? text, out DateOnly value)
    {
        value = default;
        return !string.IsNullOrWhiteSpace(text)
            && DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
            && value.Year is >= 2000 and <= 2099;
    }
}
