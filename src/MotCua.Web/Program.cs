using MotCua.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddMotCua();
var app = builder.Build();
app.UseMotCua();
await MotCua.Web.Data.Database.PrepareAsync(app.Services, CancellationToken.None);
app.Lifetime.ApplicationStarted.Register(() =>
    Console.WriteLine($"MotCua is running at {string.Join(", ", app.Urls)}  (OpenAPI: {app.Urls.FirstOrDefault()}/openapi/v1.json)"));
await app.RunAsync();

/// <summary>The web host's entry point (public so that tests can host it).</summary>
public partial class Program;
