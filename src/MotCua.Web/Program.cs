using MotCua.Web.Data;
using MotCua.Web.Host;

var builder = WebApplication.CreateBuilder(args);
builder.AddMotCua();
var app = builder.Build();
app.UseMotCua();
if (Commands.IsCommand(args))
{
    return await Commands.RunAsync(app.Services, args, Console.Out);
}

await DatabaseSetup.PrepareAsync(app.Services, CancellationToken.None);
app.Lifetime.ApplicationStarted.Register(() =>
{
    var url = app.Urls.FirstOrDefault();
    Console.WriteLine($"MotCua is running at {string.Join(", ", app.Urls)}  (OpenAPI: {url}/openapi/v1.json)");
    if (app.Services.GetRequiredService<DatabaseSettings>().SeedDemoData)
    {
        Console.WriteLine($"Demo accounts (password {DemoData.DemoPassword}):");
        foreach (var a in DemoData.Accounts.Where(a => a.CanSignIn && a.UnitCode is null or "000.00.21.H92"))
        {
            Console.WriteLine($"  {a.UserName,-22} {a.Role,-16} {a.FullName}{(a.UnitCode is null ? string.Empty : $" — {a.UnitCode}")}");
        }

        Console.WriteLine("  (and lanhdao/motcua/chuyenvien/luudong.vithanh1, .lucyen, .yenbinh)");
    }
});
await app.RunAsync();
return 0;

/// <summary>The web host's entry point (public so that tests can host it).</summary>
public partial class Program;
