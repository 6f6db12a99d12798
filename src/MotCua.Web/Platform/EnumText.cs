using System.Text.Json;

namespace MotCua.Web.Platform;

/// <summary>Enum names as the API writes them: camelCase (<c>homeVisit</c>, <c>freeIfOnTime</c>).</summary>
public static class EnumText
{
    public static string Of<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || char.IsDigit(text[0]) || text[0] == '-')
        {
            return false;
        }

        var t = text.Trim().Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        return Enum.TryParse(t, ignoreCase: true, out value) && Enum.IsDefined(value);
    }
}
