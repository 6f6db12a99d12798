using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Mvc;

namespace MotCua.Web.Platform;

/// <summary>How many failures a key may have within a window before it must wait.</summary>
public sealed record ThrottleRule(string Name, int Limit, TimeSpan Window);

/// <summary>
/// Counts failures, not requests: wrong passwords per (account name, address) and per address, and wrong secrets (a
/// dossier's receipt code, a feedback code, an enrolment code, a refresh token) per address. A key that reached its
/// rule's limit within the window waits until its oldest counted failure leaves the window. Page views and successful
/// calls are never counted, so a centre whose PCs share one address, or citizens behind a carrier's shared address, are
/// not locked out by others' browsing. Kept in memory per node (decision 0009): a province with N nodes allows N× the
/// failures, which the reverse proxy can limit too.
/// </summary>
/// <remarks>
/// <c>System.Threading.RateLimiting</c> counts permits taken per request and cannot say how long a key that only
/// records failures must still wait, nor follow the injected clock; this keeps a small sliding log per key instead.
/// </remarks>
public sealed class FailureThrottle(TimeProvider time, FailureThrottle.Settings settings)
{
    /// <summary>Beyond this many keys the oldest are forgotten first, so a flood of made-up names cannot exhaust memory.</summary>
    public const int MaxKeys = 100_000;

    private readonly ConcurrentDictionary<string, Log> _logs = new(StringComparer.Ordinal);

    /// <param name="SignInPerAccountAndAddress">Wrong passwords for one account name from one address.</param>
    /// <param name="SignInPerAddress">Wrong passwords from one address, whatever the names (password spraying).</param>
    /// <param name="SecretsPerAddress">Wrong receipt codes, feedback codes, enrolment codes and refresh tokens from one address.</param>
    /// <param name="SignInPerAccount">
    /// Wrong passwords for one account name from all addresses together (a distributed guess): once reached, only
    /// addresses that have not failed on that name may still try — the owner at their usual desk is not locked out.
    /// </param>
    public sealed record Settings(ThrottleRule SignInPerAccountAndAddress, ThrottleRule SignInPerAddress, ThrottleRule SecretsPerAddress, ThrottleRule SignInPerAccount)
    {
        public static Settings From(IConfiguration configuration)
        {
            ArgumentNullException.ThrowIfNull(configuration);
            var window = configuration.GetValue("MotCua:RateLimits:FailureWindow", TimeSpan.FromMinutes(15));
            int Read(string key, int fallback) =>
                configuration.GetValue($"MotCua:RateLimits:{key}", fallback) is var n && n >= 1 ? n : throw new InvalidOperationException($"MotCua:RateLimits:{key} is 1 or more.");
            if (window <= TimeSpan.Zero)
            {
                throw new InvalidOperationException("MotCua:RateLimits:FailureWindow is a positive time span, e.g. 00:15:00.");
            }

            return new Settings(
                new ThrottleRule("sign-in per account and address", Read("FailedSignInsPerAccount", 5), window),
                new ThrottleRule("sign-in per address", Read("FailedSignInsPerAddress", 30), window),
                new ThrottleRule("secrets per address", Read("FailedSecretChecksPerAddress", 30), window),
                new ThrottleRule("sign-in per account", configuration.GetValue("MotCua:Auth:MaxFailedAttempts", 20) is var n && n >= 1 ? n : throw new InvalidOperationException("MotCua:Auth:MaxFailedAttempts is 1 or more."), window));
        }
    }

    public Settings Rules => settings;

    /// <summary>How long <paramref name="key"/> must still wait under <paramref name="rule"/>; null when it may try.</summary>
    public TimeSpan? RetryAfter(ThrottleRule rule, string key)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (!_logs.TryGetValue(Key(rule, key), out var log))
        {
            return null;
        }

        var now = time.GetUtcNow();
        lock (log)
        {
            log.Trim(now - rule.Window);
            return log.Failures.Count >= rule.Limit ? log.Failures.ElementAt(log.Failures.Count - rule.Limit) + rule.Window - now : null;
        }
    }

    /// <summary>The failures of <paramref name="key"/> still within the window.</summary>
    public int Count(ThrottleRule rule, string key)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (!_logs.TryGetValue(Key(rule, key), out var log))
        {
            return 0;
        }

        lock (log)
        {
            log.Trim(time.GetUtcNow() - rule.Window);
            return log.Failures.Count;
        }
    }

    /// <summary>Counts a failure; true when this one made the key wait (the moment worth an audit entry).</summary>
    public bool Fail(ThrottleRule rule, string key)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var now = time.GetUtcNow();
        if (_logs.Count >= MaxKeys)
        {
            Prune(now);
        }

        var log = _logs.GetOrAdd(Key(rule, key), _ => new Log());
        lock (log)
        {
            log.Trim(now - rule.Window);
            log.Failures.Enqueue(now);
            log.Last = now;

            // A key keeps at most its limit of failures: enough to know when it may try again.
            while (log.Failures.Count > rule.Limit)
            {
                log.Failures.Dequeue();
            }

            return log.Failures.Count == rule.Limit;
        }
    }

    /// <summary>How long this address must wait before checking another receipt code, feedback code or enrolment code.</summary>
    public TimeSpan? SecretWait(HttpContext http) => RetryAfter(settings.SecretsPerAddress, AddressOf(http));

    /// <summary>Counts a wrong receipt code, feedback code or enrolment code from this address.</summary>
    public void SecretFailed(HttpContext http) => Fail(settings.SecretsPerAddress, AddressOf(http));

    /// <summary>Forgets a key's failures (the right password came from that address for that account).</summary>
    public void Forget(ThrottleRule rule, string key)
    {
        ArgumentNullException.ThrowIfNull(rule);
        _logs.TryRemove(Key(rule, key), out _);
    }

    /// <summary>
    /// The address a request comes from, as failures are counted: the client's IPv4 address, or its IPv6 /64 network
    /// (one subscriber's whole allocation, which they can otherwise rotate through for free). Behind a configured reverse
    /// proxy this is the forwarded client address.
    /// </summary>
    public static string AddressOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var ip = http.Connection.RemoteIpAddress;
        if (ip is null)
        {
            return "unknown";
        }

        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }

        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = ip.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return ip.ToString();
    }

    /// <summary>The 429 answer of an API call: problem details and <c>Retry-After</c>.</summary>
    public static IResult TooMany(HttpContext http, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(http);
        Mark(http, retryAfter);
        return Problems.Result(ProblemKind.TooMany, "request.too-many-failures",
            $"Too many failed attempts from this address: try again in {Minutes(retryAfter)} minute(s).");
    }

    /// <summary>The 429 answer of a page: the error page says, in the reader's language, when to try again.</summary>
    public static IActionResult TooManyPage(HttpContext http, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(http);
        Mark(http, retryAfter);
        return new StatusCodeResult(StatusCodes.Status429TooManyRequests);
    }

    /// <summary>The <c>Retry-After</c> header and the moment the error page shows.</summary>
    public static void Mark(HttpContext http, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(http);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        http.Items[RetryAfterItem] = TimeSpan.FromSeconds(seconds);
    }

    /// <summary>Where <see cref="Mark"/> leaves the wait for the error page.</summary>
    public const string RetryAfterItem = "motcua.retry-after";

    public static int Minutes(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));

    private static string Key(ThrottleRule rule, string key) => rule.Name + "\n" + key;

    private void Prune(DateTimeOffset now)
    {
        var longest = new[] { settings.SignInPerAccountAndAddress, settings.SignInPerAddress, settings.SecretsPerAddress, settings.SignInPerAccount }.Max(r => r.Window);
        foreach (var (k, log) in _logs)
        {
            if (log.Last < now - longest)
            {
                _logs.TryRemove(k, out _);
            }
        }

        // Still full of fresh keys (a flood of made-up names): drop the oldest half rather than grow.
        if (_logs.Count >= MaxKeys)
        {
            foreach (var k in _logs.OrderBy(kv => kv.Value.Last).Take(_logs.Count / 2).Select(kv => kv.Key).ToList())
            {
                _logs.TryRemove(k, out _);
            }
        }
    }

    private sealed class Log
    {
        public Queue<DateTimeOffset> Failures { get; } = new();

        public DateTimeOffset Last { get; set; }

        public void Trim(DateTimeOffset from)
        {
            while (Failures.Count > 0 && Failures.Peek() <= from)
            {
                Failures.Dequeue();
            }
        }
    }
}
