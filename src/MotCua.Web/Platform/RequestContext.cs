using System.Globalization;
using System.Security.Claims;

namespace MotCua.Web.Platform;

public static class Localization
{
    /// <summary>The languages of the interface, by their two-letter code: Vietnamese (default), English, Indonesian.</summary>
    public static readonly string[] SupportedCultures = ["vi", "en", "id"];

    /// <summary>The cultures that format dates and numbers: English is British-style (day/month/year), as Vietnam writes dates.</summary>
    public static readonly string[] CultureNames = ["vi-VN", "en-GB", "id-ID", "vi", "en", "id"];

    public static string CultureNameOf(string language) => language switch
    {
        "en" => "en-GB",
        "id" => "id-ID",
        _ => "vi-VN",
    };

    /// <summary>The request's UI language: vi (default), en or id.</summary>
    public static string Culture(HttpContext? http = null)
    {
        var name = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return SupportedCultures.Contains(name) ? name : "vi";
    }
}

public static class Actor
{
    /// <summary>The signed-in user's id, or "anonymous".</summary>
    public static string Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
    }
}
