using System.Globalization;

namespace MotCua.Planning;

/// <summary>The language a planning text is written in: Vietnamese by default, English or Indonesian on request.</summary>
internal sealed record PlanningLanguage(string Code, CultureInfo Culture)
{
    private static readonly PlanningLanguage Vietnamese = new("vi", CultureInfo.GetCultureInfo("vi-VN"));
    private static readonly PlanningLanguage English = new("en", CultureInfo.GetCultureInfo("en-US"));
    private static readonly PlanningLanguage Indonesian = new("id", CultureInfo.GetCultureInfo("id-ID"));

    /// <param name="culture">"vi", "en" or "id" (a region such as "vi-VN" is accepted); anything else falls back to Vietnamese.</param>
    public static PlanningLanguage For(string? culture)
    {
        var prefix = (culture ?? string.Empty).Split('-', '_')[0].ToUpperInvariant();
        return prefix switch
        {
            "EN" => English,
            "ID" => Indonesian,
            _ => Vietnamese,
        };
    }

    /// <summary>The invariant number stored under <paramref name="key"/>, written the language's way; the raw text when it is not a number.</summary>
    public string Number(IReadOnlyDictionary<string, string> values, string key, string format) =>
        values.TryGetValue(key, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number.ToString(format, Culture)
            : values.GetValueOrDefault(key, "?");

    /// <summary>The ISO date stored under <paramref name="key"/>: as it was in English (yyyy-MM-dd), dd/MM/yyyy otherwise.</summary>
    public string Date(IReadOnlyDictionary<string, string> values, string key) =>
        Code != "en" && values.TryGetValue(key, out var text) && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
            : values.GetValueOrDefault(key, "?");
}
