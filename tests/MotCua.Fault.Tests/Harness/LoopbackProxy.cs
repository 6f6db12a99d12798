using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MotCua.Fault.Tests.Harness;

/// <summary>
/// A TCP proxy on loopback between a field kit and the centre that can cut a connection at a chosen point: in the
/// middle of a request the n-th time it passes (the centre never saw all of it), or in the middle of the answer (the
/// centre did the work and the laptop never heard back). Each rule fires once.
/// </summary>
public sealed class LoopbackProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Rule> _rules = [];
    private readonly Lock _gate = new();
    private readonly Task _accepting;

    public LoopbackProxy(int targetPort)
    {
        TargetPort = targetPort;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int TargetPort { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>How many connections were cut so far.</summary>
    public int Cuts { get; private set; }

    /// <summary>Cut the <paramref name="occurrence"/>-th request starting with <paramref name="requestLine"/> after <paramref name="bytesAfter"/> more bytes of it.</summary>
    public void CutRequest(string requestLine, int occurrence, int bytesAfter) => Add(new Rule(requestLine, occurrence, bytesAfter, InResponse: false));

    /// <summary>Let the <paramref name="occurrence"/>-th such request through and cut its answer after <paramref name="bytesAfter"/> bytes.</summary>
    public void CutResponse(string requestLine, int occurrence, int bytesAfter) => Add(new Rule(requestLine, occurrence, bytesAfter, InResponse: true));

    public bool AllFired
    {
        get
        {
            lock (_gate)
            {
                return _rules.All(r => r.Fired);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private void Add(Rule rule)
    {
        lock (_gate)
        {
            _rules.Add(rule);
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => RelayAsync(client));
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var _ = client;
        using var upstream = new TcpClient();
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, TargetPort, _stop.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return;
        }

        var connection = new Connection();
        using var cut = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        var a = client.GetStream();
        var b = upstream.GetStream();
        var up = PumpAsync(a, b, connection, toServer: true, cut);
        var down = PumpAsync(b, a, connection, toServer: false, cut);
        await Task.WhenAny(up, down);
        await cut.CancelAsync();
        client.LingerState = new LingerOption(true, 0);
        upstream.LingerState = new LingerOption(true, 0);
        client.Client.Close();
        upstream.Client.Close();
        await Task.WhenAll(up, down).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, Connection connection, bool toServer, CancellationTokenSource cut)
    {
        var buffer = new byte[64 * 1024];
        var tail = string.Empty;
        try
        {
            while (true)
            {
                var n = await from.ReadAsync(buffer, cut.Token);
                if (n == 0)
                {
                    return;
                }

                var forward = n;
                var close = false;
                if (toServer)
                {
                    var text = tail + Encoding.ASCII.GetString(buffer, 0, n);
                    lock (_gate)
                    {
                        foreach (var rule in _rules.Where(r => !r.Fired))
                        {
                            var at = text.IndexOf(rule.RequestLine, StringComparison.Ordinal);
                            if (at < 0)
                            {
                                continue;
                            }

                            rule.Seen++;
                            if (rule.Seen != rule.Occurrence)
                            {
                                continue;
                            }

                            rule.Fired = true;
                            if (rule.InResponse)
                            {
                                connection.CutResponseAfter = rule.BytesAfter;
                            }
                            else
                            {
                                var start = at - tail.Length;
                                forward = Math.Clamp(start + rule.BytesAfter, 0, n);
                                close = true;
                            }
                        }
                    }

                    tail = text.Length > 200 ? text[^200..] : text;
                }
                else if (connection.CutResponseAfter is { } limit)
                {
                    forward = Math.Min(n, limit);
                    close = true;
                }

                if (forward > 0)
                {
                    await to.WriteAsync(buffer.AsMemory(0, forward), cut.Token);
                    await to.FlushAsync(cut.Token);
                }

                if (close)
                {
                    lock (_gate)
                    {
                        Cuts++;
                    }

                    // Let the bytes out, then drop both sides (RST), as a lost signal would.
                    await Task.Delay(50, cut.Token);
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The other side went away.
        }
    }

    private sealed class Connection
    {
        public int? CutResponseAfter { get; set; }
    }

    private sealed record Rule(string RequestLine, int Occurrence, int BytesAfter, bool InResponse)
    {
        public int Seen { get; set; }

        public bool Fired { get; set; }
    }
}
