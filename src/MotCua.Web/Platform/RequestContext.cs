using System.Globalization;
using System.Security.Claims;

namespace MotCua.Web.Platform;

public static class Localization
{
    public static readonly string[] SupportedCultures = ["vi", "en", "id"];

    /// <summary>The request's UI culture: vi (default), en or id.</summary>
    public static string Culture(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var name = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return SupportedCultures.Contains(name) ? name : "vi";
    }
}

public static class Actor
{
    public const string System = "system";

    /// <summary>The citizen acting for themselves (an online submission, a withdrawal request).</summary>
    public const string Citizen = "citizen";

    /// <summary>The signed-in user's id, or <see cref="System"/> for work the application does itself.</summary>
    public static string Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
    }
}
