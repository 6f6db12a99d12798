using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

/// <summary>
/// The baseline: a minimal endpoint that stores each uploaded file as one row of a SQLite table, with the same
/// durability as the centre (WAL, synchronous=FULL) and the same check of the whole file's SHA-256. Runs as its own
/// process (this program with --sink), as the centre does.
/// </summary>
internal static class PlainSink
{
    public static async Task RunAsync(int port, string file)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString();
        await using (var c = new SqliteConnection(connectionString))
        {
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS Files (Id TEXT PRIMARY KEY, Sha256 TEXT NOT NULL, Bytes BLOB NOT NULL);";
            await cmd.ExecuteNonQueryAsync();
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 6 * 1024 * 1024);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/", () => "ok");
        app.MapPut("/files/{id}", async (string id, HttpRequest request, CancellationToken ct) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            var bytes = buffer.ToArray();
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            await using var c = new SqliteConnection(connectionString);
            await c.OpenAsync(ct);
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA synchronous=FULL; INSERT INTO Files (Id, Sha256, Bytes) VALUES ($id, $sha, $bytes);";
            cmd.Parameters.AddWithValue("$id", id);
            cmd.Parameters.AddWithValue("$sha", sha);
            cmd.Parameters.AddWithValue("$bytes", bytes);
            await cmd.ExecuteNonQueryAsync(ct);
            return Results.Ok(new { id, sha256 = sha, size = bytes.Length });
        });
        await app.RunAsync();
    }

    public static Process Start(int port, string file)
    {
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet") { UseShellExecute = false };
        psi.ArgumentList.Add(typeof(PlainSink).Assembly.Location);
        psi.ArgumentList.Add("--sink");
        psi.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        psi.ArgumentList.Add(file);
        return Process.Start(psi)!;
    }

    public static async Task WaitReadyAsync(HttpClient http)
    {
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await http.GetAsync("/")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The plain upload endpoint did not start.");
    }
}
