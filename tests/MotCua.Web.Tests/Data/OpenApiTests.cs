using System.Text.Json;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Data;

public sealed class OpenApiTests
{
    [Fact]
    public async Task Document_DescribesEveryApiRoute()
    {
        await using var app = await MotCuaApp.StartAsync();

        var doc = JsonDocument.Parse(await app.Client.GetStringAsync("/openapi/v1.json")).RootElement;

        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var path in new[] { "/api/procedures", "/api/procedures/{code}", "/api/calendar/due-date", "/api/calendar/days", "/api/calendar/years/{year}", "/api/dossiers", "/api/dossiers/{number}", "/api/dossiers/{number}/transitions", "/api/public/dossiers/{number}" })
        {
            Assert.Contains(path, paths);
        }
    }
}
