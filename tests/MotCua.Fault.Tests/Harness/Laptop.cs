using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using MotCua.Web.Tests.FieldSync;

namespace MotCua.Fault.Tests.Harness;

/// <summary>What the laptop printed: the receipt's number, its client id and the scans.</summary>
public sealed record Issued(string Number, Guid ClientId, IReadOnlyList<string> ScanSha256);

/// <summary>The progress bar's data, as the field page polls it.</summary>
public sealed record SyncState(bool Running, int Done, int Total, string? Error, int Pending, int Synced, int Conflicts, int Rejected);

/// <summary>
/// A field kit as a separate process (its own SQLite file, the centre reached through the proxy) and a browser on it:
/// enrolment, the kit, sign-in, intake with scans, and sync pressed until the outbox is empty.
/// </summary>
public sealed class Laptop : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, string> _settings;
    private readonly string _dataDirectory;
    private int _seed;

    private Laptop(string name, string dataDirectory, Dictionary<string, string> settings)
    {
        Name = name;
        _dataDirectory = dataDirectory;
        _settings = settings;
    }

    public string Name { get; }

    public NodeProcess Node { get; private set; } = null!;

    public HttpClient Browser { get; private set; } = null!;

    public List<Issued> Issued { get; } = [];

    public static async Task<Laptop> StartAsync(string name, string dataDirectory, Uri server, IReadOnlyDictionary<string, string>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        var settings = new Dictionary<string, string>
        {
            ["MotCua:Field:Server"] = server.ToString(),
            ["MotCua:Field:Attempts"] = "2",
            ["MotCua:Field:BatchSize"] = "4",
            ["MotCua:Field:ChunkBytes"] = "65536",
            ["MotCua:Field:UploadConcurrency"] = "2",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string>())
        {
            settings[k] = v;
        }

        var laptop = new Laptop(name, dataDirectory, settings);
        await laptop.StartProcessAsync(NodeProcess.FreePort());
        return laptop;
    }

    /// <summary>Starts the laptop's process again on the same data (after it was killed), without the given fault settings.</summary>
    public async Task RestartAsync(params string[] withoutSettings)
    {
        ArgumentNullException.ThrowIfNull(withoutSettings);
        await Node.KillAsync();
        foreach (var key in withoutSettings)
        {
            _settings.Remove(key);
        }

        Browser.Dispose();
        await StartProcessAsync(Node.Port);
    }

    public Task EnrolAsync(string code) =>
        FieldForms.PostFormAsync(Browser, "/field", "/field?handler=Enrol", new() { ["code"] = code, ["name"] = $"Máy {Name}" });

    public Task DownloadKitAsync() =>
        FieldForms.PostFormAsync(Browser, "/field", "/field?handler=Kit", new() { ["extraDay"] = TodayOnLaptop().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });

    /// <summary>A member signs in on the laptop with the offline PIN they set for it at the centre (never their password).</summary>
    public Task SignInAsync(string userName) =>
        FieldForms.PostFormAsync(Browser, "/login", "/login", new() { ["UserName"] = userName, ["Password"] = Centre.Pin });

    /// <summary>The device id the centre gave this laptop at enrolment, read from its SQLite file.</summary>
    public async Task<Guid> DeviceIdAsync()
    {
        await using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_dataDirectory, "motcua.db"), Mode = SqliteOpenMode.ReadOnly }.ToString());
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT \"DeviceId\" FROM \"FieldNodeStates\"";
        return Guid.Parse((string)(await cmd.ExecuteScalarAsync())!);
    }

    /// <summary>Receives <paramref name="count"/> dossiers with <paramref name="scans"/> scans of about 100–150 KB each.</summary>
    public async Task ReceiveAsync(int count, int scans, Guid session, Guid hamlet)
    {
        for (var i = 0; i < count; i++)
        {
            var files = Enumerable.Range(0, scans).Select(_ => Scan(100_000 + (Interlocked.Increment(ref _seed) * 997 % 50_000), _seed)).ToList();
            var (number, clientId) = await FieldForms.ReceiveAsync(Browser, files, session, $"0930800{(Issued.Count + 1) % 100000:00000}", hamlet: hamlet);
            Issued.Add(new Issued(number, clientId, [.. files.Select(f => Convert.ToHexStringLower(SHA256.HashData(f)))]));
        }
    }

    public Task StepAsync(string number, string action) =>
        FieldForms.PostFormAsync(Browser, "/field", "/field?handler=Step", new() { ["number"] = number, ["action"] = action, ["note"] = $"{Name}" });

    public async Task<SyncState> ProgressAsync()
    {
        var json = await Browser.GetStringAsync("/field?handler=Progress");
        return JsonSerializer.Deserialize<SyncState>(json, Web)!;
    }

    /// <summary>Presses "sync now" and waits for the run to end.</summary>
    public async Task<SyncState> SyncOnceAsync()
    {
        await FieldForms.PostFormAsync(Browser, "/field", "/field?handler=Sync", []);
        SyncState state;
        do
        {
            await Task.Delay(150);
            state = await ProgressAsync();
        }
        while (state.Running);
        return state;
    }

    /// <summary>Presses "sync now" again after each failed run, as a team member would, until nothing is left (at most <paramref name="runs"/> times).</summary>
    public async Task<SyncState> SyncUntilDoneAsync(int runs = 8)
    {
        SyncState state = null!;
        for (var i = 0; i < runs; i++)
        {
            state = await SyncOnceAsync();
            if (state.Pending == 0 && state.Error is null)
            {
                return state;
            }

            await Task.Delay(300);
        }

        return state;
    }

    /// <summary>The laptop's own date (its clock may be moved in a fault test).</summary>
    public DateOnly TodayOnLaptop()
    {
        var offset = _settings.TryGetValue("MotCua:Field:ClockOffset", out var o) ? TimeSpan.Parse(o, CultureInfo.InvariantCulture) : TimeSpan.Zero;
        return MotCua.Domain.Calendar.WorkingCalendar.LocalDate(TimeProvider.System.GetUtcNow() + offset);
    }

    /// <summary>Rows of the laptop's outbox, read from its SQLite file.</summary>
    public async Task<IReadOnlyList<(string Number, int State)>> OutboxAsync()
    {
        await using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_dataDirectory, "motcua.db"), Mode = SqliteOpenMode.ReadOnly }.ToString());
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT \"Number\", \"State\" FROM \"FieldOutbox\"";
        var rows = new List<(string, int)>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetInt32(1)));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        Browser?.Dispose();
        if (Node is not null)
        {
            await Node.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
    }

    private async Task StartProcessAsync(int port)
    {
        Node = await NodeProcess.StartAsync(Name, port, _dataDirectory, _settings);
        Browser = FieldForms.Browser(Node.BaseAddress);
    }

    private static byte[] Scan(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        "%PDF-1.4\n"u8.CopyTo(bytes);
        return bytes;
    }
}
