using Microsoft.Data.Sqlite;

namespace MotCua.Fault.Tests.Harness;

/// <summary>
/// One fault test's world, all on loopback and all thrown away afterwards: the centre's process on its own SQLite file,
/// the proxy in front of it, and the laptops' processes behind the proxy.
/// </summary>
public sealed class World : IAsyncDisposable
{
    private readonly Dictionary<string, string> _centreSettings;
    private readonly List<Laptop> _laptops = [];

    private World(string root, Centre centre, Dictionary<string, string> centreSettings)
    {
        Root = root;
        Centre = centre;
        _centreSettings = centreSettings;
    }

    public string Root { get; }

    public Centre Centre { get; }

    public NodeProcess Server { get; private set; } = null!;

    public LoopbackProxy Proxy { get; private set; } = null!;

    public static async Task<World> StartAsync(IReadOnlyDictionary<string, string>? centreSettings = null)
    {
        var root = Directory.CreateTempSubdirectory("motcua-fault-").FullName;
        var centre = await Centre.PrepareAsync(Path.Combine(root, "centre"));
        var port = NodeProcess.FreePort();
        var settings = new Dictionary<string, string>(centre.ProcessSettings) { ["MotCua:PublicBaseUrl"] = $"http://127.0.0.1:{port}", ["MotCua:Field:PinIterations"] = "20000" };
        foreach (var (k, v) in centreSettings ?? new Dictionary<string, string>())
        {
            settings[k] = v;
        }

        var world = new World(root, centre, settings);
        world.Server = await NodeProcess.StartAsync("centre", port, centre.DataDirectory, settings);
        world.Proxy = new LoopbackProxy(port);
        return world;
    }

    /// <summary>Starts the centre again on the same database and port (after a SIGKILL), without the given fault settings.</summary>
    public async Task RestartCentreAsync(params string[] withoutSettings)
    {
        ArgumentNullException.ThrowIfNull(withoutSettings);
        await Server.KillAsync();
        foreach (var key in withoutSettings)
        {
            _centreSettings.Remove(key);
        }

        Server = await NodeProcess.StartAsync("centre", Server.Port, Centre.DataDirectory, _centreSettings);
    }

    /// <summary>A laptop of the team, enrolled with code <paramref name="code"/>, kit downloaded, member <paramref name="member"/> signed in.</summary>
    public async Task<Laptop> LaptopAsync(string name, int code, int member, IReadOnlyDictionary<string, string>? settings = null)
    {
        var laptop = await Laptop.StartAsync(name, Path.Combine(Root, name), Proxy.BaseAddress, settings);
        _laptops.Add(laptop);
        await laptop.EnrolAsync(Centre.Codes[code]);

        // At the centre each member sets their offline PIN for the new laptop; its kit then carries them.
        await Centre.SetPinsAsync(Server.BaseAddress, await laptop.DeviceIdAsync());
        await laptop.DownloadKitAsync();
        await laptop.SignInAsync(member == 0 ? "luudong1" : "luudong2");
        return laptop;
    }

    public string Logs => string.Join(Environment.NewLine, _laptops.Select(l => l.Node.Log).Prepend(Server.Log));

    public async ValueTask DisposeAsync()
    {
        foreach (var laptop in _laptops)
        {
            await laptop.DisposeAsync();
        }

        await Proxy.DisposeAsync();
        await Server.DisposeAsync();
        await Centre.DropAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned by the system.
        }
    }
}
