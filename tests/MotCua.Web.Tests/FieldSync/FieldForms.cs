using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace MotCua.Web.Tests.FieldSync;

/// <summary>
/// A browser's part on a field kit's pages, over HTTP: cookies, antiforgery tokens, form posts and the multipart intake
/// form with scans. Shared by the in-process tests and the fault tests that run the kit as a separate process.
/// </summary>
public static partial class FieldForms
{
    /// <summary>What a browser does: cookies, and redirects seen rather than followed.</summary>
    public static HttpClient Browser(Uri baseAddress) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = baseAddress };

    public static async Task<string> IntakeAsync(HttpClient browser, byte[] scan, Guid session) =>
        (await ReceiveAsync(browser, [scan], session)).Number;

    /// <summary>Fills and confirms the intake form (every paper ticked, an outreach dossier of the session, the scans attached); returns the number and the client id.</summary>
    public static async Task<(string Number, Guid ClientId)> ReceiveAsync(HttpClient browser, IReadOnlyList<byte[]> scans, Guid? session, string citizenId = "093080001234",
        string name = "Nguyễn Văn Hoà", Guid? hamlet = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(scans);
        var form = await browser.GetStringAsync("/intake?procedure=1.001193");
        var token = Token(form);
        var clientId = ClientIdPattern().Match(form).Groups[1].Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(clientId), "Input.ClientId" },
            { new StringContent("1.001193"), "procedure" },
            { new StringContent(citizenId), "Input.CitizenId" },
            { new StringContent(name), "Input.FullName" },
            { new StringContent("0912345678"), "Input.Phone" },
            { new StringContent("Ấp 1"), "Input.Address" },
            { new StringContent(session is null ? "HomeVisit" : "Outreach"), "Input.Channel" },
            { new StringContent("Elderly"), "Input.PriorityGroups" },
        };
        if (session is { } s)
        {
            content.Add(new StringContent(s.ToString()), "Input.OutreachSessionId");
        }

        if (hamlet is { } h)
        {
            content.Add(new StringContent(h.ToString()), "Input.HamletId");
        }

        foreach (var paper in PaperPattern().Matches(form).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)))
        {
            content.Add(new StringContent(paper), "Input.Papers");
        }

        for (var i = 0; i < scans.Count; i++)
        {
            var file = new ByteArrayContent(scans[i]);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(file, "Scans", $"trang-{i + 1}.pdf");
        }

        var response = await browser.PostAsync("/intake", content);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Intake answered {(int)response.StatusCode}: {Errors(await response.Content.ReadAsStringAsync())}");
        return (response.Headers.Location!.OriginalString.Split('/')[2], Guid.Parse(clientId));
    }

    public static async Task PostFormAsync(HttpClient browser, string formPage, string action, Dictionary<string, string> fields)
    {
        var token = Token(await browser.GetStringAsync(formPage));
        fields["__RequestVerificationToken"] = token;
        var response = await browser.PostAsync(action, new FormUrlEncodedContent(fields));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{action} answered {(int)response.StatusCode}: {Errors(await response.Content.ReadAsStringAsync())}");
    }

    private static string Token(string html) => TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No antiforgery token on the page.");

    private static string Errors(string html) => string.Join(" | ", ErrorPattern().Matches(html).Select(m => m.Value)) is { Length: > 0 } e ? e : html[..Math.Min(html.Length, 3000)];

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"Input.ClientId\" value=\"([^\"]+)\"")]
    private static partial Regex ClientIdPattern();

    [GeneratedRegex("name=\"Input.Papers\" value=\"([^\"]+)\"")]
    private static partial Regex PaperPattern();

    [GeneratedRegex("(class=\"notice error\"[^>]*>[^<]*|class=\"field-error\"[^>]*>[^<]*|<li>[^<]*</li>)")]
    private static partial Regex ErrorPattern();
}
