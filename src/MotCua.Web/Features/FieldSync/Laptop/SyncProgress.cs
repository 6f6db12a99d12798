
namespace MotCua.Web.Features.FieldSync.Laptop;

/// <summary>Where a sync run is, for the progress bar.</summary>
/// <param name="Error">What went wrong, in the words of the exception (for the record); <paramref name="ErrorKind"/> says it for people.</param>
/// <param name="ErrorKind">unreachable (no connection to the centre), revoked (the centre refuses this laptop) or failed.</param>
public sealed record SyncProgress(bool Running, int Total, int Done, long Bytes, long BytesSent, string? Error, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? ErrorKind = null)
{
    public static readonly SyncProgress Idle = new(false, 0, 0, 0, 0, null, null, null);

    /// <summary>Share of the run's items answered; an empty bar until a first run, a full one after a run with nothing to send.</summary>
    public int Percent => Total == 0 ? (Running || FinishedAt is null ? 0 : 100) : (int)Math.Round(100.0 * Done / Total);
}
