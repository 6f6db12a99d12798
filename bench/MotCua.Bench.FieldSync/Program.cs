using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using MotCua.Fault.Tests.Harness;
using MotCua.Web.Tests.FieldSync;

// Field sync over loopback: 1,000 dossiers with three 300 KB scans each, received on a field kit (a separate process
// with its own SQLite file) and synced to the centre (another process); then the same 3,000 files uploaded as plain
// files to a minimal endpoint that stores them the same way (SQLite, WAL, synchronous=FULL, SHA-256 checked), with the
// same number of parallel uploads, just before and just after the sync. All in the same run, so the ratio does not drift
// with the machine. Both sides are warmed up first (a centre runs for days; the first sync of fresh processes is
// reported on its own).
// Usage: dotnet run -c Release --project bench/MotCua.Bench.FieldSync [-- --dossiers N]
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args is ["--sink", var sinkArg, var sinkFile])
{
    await PlainSink.RunAsync(int.Parse(sinkArg, CultureInfo.InvariantCulture), sinkFile);
    return 0;
}

var dossiers = args is ["--dossiers", var n] ? int.Parse(n, CultureInfo.InvariantCulture) : 1000;
const int WarmUp = 40;
const int ScansPerDossier = 3;
const int ScanBytes = 300 * 1024;
const int Parallel = 4;
var root = Directory.CreateTempSubdirectory("motcua-bench-field-").FullName;
Console.WriteLine($"Field sync benchmark: {dossiers} dossiers × {ScansPerDossier} scans of {ScanBytes / 1024} KB, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
try
{
    var centre = await Centre.PrepareAsync(Path.Combine(root, "centre"));
    await using var server = await NodeProcess.StartAsync("centre", NodeProcess.FreePort(), centre.DataDirectory, new Dictionary<string, string>());

    // The laptop runs as the published field kit does (scripts/publish-field.sh): without dynamic PGO, which spends a
    // short-lived process's CPU on re-compiling instead of work.
    await using var laptop = await NodeProcess.StartAsync("laptop", NodeProcess.FreePort(), Path.Combine(root, "laptop"), new Dictionary<string, string>
    {
        ["MotCua:Field:Server"] = server.BaseAddress.ToString(),
        ["MotCua:Field:UploadConcurrency"] = Parallel.ToString(CultureInfo.InvariantCulture),
    }, new Dictionary<string, string> { ["DOTNET_TieredPGO"] = "0" });
    using var browser = FieldForms.Browser(laptop.BaseAddress);
    await FieldForms.PostFormAsync(browser, "/field", "/field?handler=Enrol", new() { ["code"] = centre.Codes[0], ["name"] = "Máy đo" });
    await FieldForms.PostFormAsync(browser, "/field", "/field?handler=Kit", new()
    {
        ["extraDay"] = Centre.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["size"] = Math.Min(2000, dossiers + WarmUp).ToString(CultureInfo.InvariantCulture),
    });
    await FieldForms.PostFormAsync(browser, "/login", "/login", new() { ["UserName"] = "luudong1", ["Password"] = Centre.Password });

    async Task<TimeSpan> ReceiveAsync(int first, int count)
    {
        var watch = Stopwatch.StartNew();
        for (var i = first; i < first + count; i++)
        {
            var scans = Enumerable.Range(0, ScansPerDossier).Select(s => Scan((i * ScansPerDossier) + s, ScanBytes)).ToList();
            await FieldForms.ReceiveAsync(browser, scans, centre.SessionId, $"0930800{i % 100000:00000}", hamlet: centre.HamletId);
        }

        return watch.Elapsed;
    }

    async Task<(TimeSpan Time, double CentreCpu, double LaptopCpu)> SyncAsync()
    {
        var cpu = (Centre: Cpu(server.ProcessId), Laptop: Cpu(laptop.ProcessId));
        var watch = Stopwatch.StartNew();
        await FieldForms.PostFormAsync(browser, "/field", "/field?handler=Sync", []);
        JsonElement progress;
        do
        {
            await Task.Delay(200);
            progress = JsonDocument.Parse(await browser.GetStringAsync("/field?handler=Progress")).RootElement;
        }
        while (progress.GetProperty("running").GetBoolean());
        var elapsed = watch.Elapsed;
        if (progress.GetProperty("pending").GetInt32() != 0 || progress.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
        {
            throw new InvalidOperationException($"The sync did not finish: {progress}{Environment.NewLine}{server.Log}{Environment.NewLine}{laptop.Log}");
        }

        return (elapsed, Cpu(server.ProcessId) - cpu.Centre, Cpu(laptop.ProcessId) - cpu.Laptop);
    }

    await ReceiveAsync(0, WarmUp);
    var cold = await SyncAsync();
    Console.WriteLine($"  warm-up: {WarmUp} dossiers synced by fresh processes in {cold.Time.TotalSeconds:0.00} s (CPU: centre {cold.CentreCpu:0.0} s, laptop {cold.LaptopCpu:0.0} s)");

    var intake = await ReceiveAsync(WarmUp, dossiers);
    Console.WriteLine($"  intake on the field kit (not compared): {intake.TotalSeconds:0.0} s, {dossiers / intake.TotalSeconds:0.0} dossiers/s");

    // The same bytes as plain files: PUT each to a minimal endpoint in its own process, the same number at a time;
    // measured just before and just after the field sync, so that a machine busier in one phase weighs on both.
    var sinkPort = NodeProcess.FreePort();
    using var sink = PlainSink.Start(sinkPort, Path.Combine(root, "plain.db"));
    using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{sinkPort}/") };
    await PlainSink.WaitReadyAsync(http);
    async Task<(TimeSpan Time, double SinkCpu, double ClientCpu)> UploadAsync(IEnumerable<int> files, string prefix)
    {
        var cpu = (Sink: Cpu(sink.Id), Client: Cpu(Environment.ProcessId));
        var watch = Stopwatch.StartNew();
        await System.Threading.Tasks.Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (i, ct) =>
        {
            var content = new ByteArrayContent(Scan(i, ScanBytes));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var response = await http.PutAsync($"files/{prefix}{i}", content, ct);
            response.EnsureSuccessStatusCode();
        });
        return (watch.Elapsed, Cpu(sink.Id) - cpu.Sink, Cpu(Environment.ProcessId) - cpu.Client);
    }

    var measured = Enumerable.Range(WarmUp * ScansPerDossier, dossiers * ScansPerDossier).ToList();
    await UploadAsync(Enumerable.Range(0, WarmUp * ScansPerDossier), "warm-");
    var before = await UploadAsync(measured, "before-");

    var sync = await SyncAsync();
    var snapshot = await centre.SnapshotAsync();
    var wrong = snapshot.Attachments.Count(a => a.Sha256 != a.ContentSha256);
    if (snapshot.Dossiers.Count != dossiers + WarmUp + 1 || snapshot.Attachments.Count != (dossiers + WarmUp) * ScansPerDossier || wrong > 0)
    {
        Console.WriteLine($"  the centre holds {snapshot.Dossiers.Count - 1} dossiers and {snapshot.Attachments.Count} scans ({wrong} damaged): expected {dossiers + WarmUp} and {(dossiers + WarmUp) * ScansPerDossier}");
        return 2;
    }

    var after = await UploadAsync(measured, "after-");
    var bytes = (long)dossiers * ScansPerDossier * ScanBytes;
    Console.WriteLine($"  field sync: {sync.Time.TotalSeconds:0.00} s for {dossiers} dossiers and {dossiers * ScansPerDossier} scans ({bytes / 1024.0 / 1024:0} MB), "
        + $"{bytes / 1024.0 / 1024 / sync.Time.TotalSeconds:0.0} MB/s; every dossier and scan verified at the centre");
    Console.WriteLine($"    CPU: centre {sync.CentreCpu:0.0} s, laptop {sync.LaptopCpu:0.0} s");
    var plain = (before.Time + after.Time) / 2;
    Console.WriteLine($"  plain upload: {plain.TotalSeconds:0.00} s for {dossiers * ScansPerDossier} files (before the sync {before.Time.TotalSeconds:0.00} s, after {after.Time.TotalSeconds:0.00} s), "
        + $"{bytes / 1024.0 / 1024 / plain.TotalSeconds:0.0} MB/s");
    Console.WriteLine($"    CPU: endpoint {(before.SinkCpu + after.SinkCpu) / 2:0.0} s, uploader {(before.ClientCpu + after.ClientCpu) / 2:0.0} s");
    var ratio = sync.Time / plain;
    var met = ratio <= 2.0;
    Console.WriteLine($"  ratio field sync / plain upload: {ratio:0.00} (target ≤ 2.00: {(met ? "met" : "NOT met")})");
    sink.Kill();
    return met ? 0 : 1;
}
finally
{
    SqliteConnection.ClearAllPools();
    try
    {
        Directory.Delete(root, recursive: true);
    }
    catch (IOException)
    {
    }
}

// CPU seconds (user + system) a process has used so far, from /proc (Linux).
static double Cpu(int pid)
{
    var stat = File.ReadAllText($"/proc/{pid}/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
}

// A scan-like file: PDF header, then bytes that do not compress; the same index always gives the same bytes.
static byte[] Scan(int index, int size)
{
    var bytes = new byte[size];
    new Random(index + 1).NextBytes(bytes);
    "%PDF-1.4\n"u8.CopyTo(bytes);
    return bytes;
}
