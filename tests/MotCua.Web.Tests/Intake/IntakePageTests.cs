using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Platform.Auth;
using MotCua.Web.Tests.FieldSync;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Intake;

/// <summary>The counter page receives through the same use case as the API and shows every refusal in the officer's language, by its code.</summary>
public sealed partial class IntakePageTests
{
    private static async Task<HttpClient> CounterAsync(MotCuaApp app, TestUnit unit)
    {
        var officer = await app.CreateUserAsync(Roles.CounterOfficer, unit.Code);
        var browser = FieldForms.Browser(app.BaseAddress);
        await FieldForms.PostFormAsync(browser, "/login", "/login", new() { ["UserName"] = officer.UserName, ["Password"] = MotCuaApp.Password });
        return browser;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, int papers, string phone, string language = "vi-VN")
    {
        var page = $"/intake?procedure=1.001193&culture={language}&ui-culture={language}";
        var form = await browser.GetStringAsync(page);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", TokenPattern().Match(form).Groups[1].Value),
            new("Input.ClientId", Guid.NewGuid().ToString()),
            new("procedure", "1.001193"),
            new("Input.CitizenId", "093080001234"),
            new("Input.FullName", "Nguyễn Văn Hoà"),
            new("Input.Phone", phone),
            new("Input.Channel", "Counter"),
        };
        fields.AddRange(Enumerable.Range(1, papers).Select(i => new KeyValuePair<string, string>("Input.Papers", $"Giấy {i}")));
        return await browser.PostAsync(page, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Errors_OnFieldsTheOldPageLeftInEnglish_AreShownInVietnamese()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var browser = await CounterAsync(app, unit);

        var response = await PostAsync(browser, papers: 51, phone: "0912345678");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tối đa 50 giấy tờ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("At most 50 papers", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => Task.FromResult(db.Dossiers.Count())));
    }

    [Fact]
    public async Task Errors_FollowTheOfficersLanguage()
    {
        await using var app = await MotCuaApp.StartAsync();
        var unit = await app.AddUnitAsync();
        var browser = await CounterAsync(app, unit);

        var english = WebUtility.HtmlDecode(await (await PostAsync(browser, papers: 51, phone: "12345", "en-GB")).Content.ReadAsStringAsync());
        var indonesian = WebUtility.HtmlDecode(await (await PostAsync(browser, papers: 51, phone: "12345", "id-ID")).Content.ReadAsStringAsync());

        Assert.Contains("A Vietnamese phone number has 10 or 11 digits starting with 0.", english, StringComparison.Ordinal);
        Assert.Contains("At most 50 papers, each named in at most 500 characters.", english, StringComparison.Ordinal);
        Assert.Contains("Nomor telepon Vietnam 10 atau 11 angka diawali 0.", indonesian, StringComparison.Ordinal);
        Assert.Contains("Maksimal 50 dokumen", indonesian, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FaultInjection_IsNotRegisteredUnlessItsSettingIsPresent()
    {
        await using (var plain = await MotCuaApp.StartAsync())
        {
            Assert.Empty(plain.Services.GetServices<IInterceptor>());
        }

        await using var faulty = await MotCuaApp.StartAsync(settings: new() { ["MotCua:Field:Faults:KillServerBeforeCommit"] = "1000" });
        Assert.Single(faulty.Services.GetServices<IInterceptor>());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
