namespace MotCua.Web.Features.FieldSync;

/// <summary>
/// <c>MotCua:Field:*</c>. With <see cref="Server"/> set, the host runs as a field kit (a team laptop) that syncs with that
/// central server; without it, the host is a centre that enrols devices and takes their batches.
/// </summary>
public sealed record FieldSettings
{
    /// <summary>The central server's base address, e.g. http://127.0.0.1:5080 (field mode only).</summary>
    public Uri? Server { get; init; }

    public bool IsFieldNode => Server is not null;

    /// <summary>A fault-test setting for a field kit: its clock runs this far from the real one (e.g. 03:00:00 or -05:00:00).</summary>
    public TimeSpan ClockOffset { get; init; }

    /// <summary>Numbers reserved for a device per session day when the kit asks for none in particular.</summary>
    public int BlockSize { get; init; } = 100;

    /// <summary>How many days ahead a kit covers (sessions, number blocks, personal data).</summary>
    public int KitDays { get; init; } = 7;

    /// <summary>How long an enrolment code stays valid.</summary>
    public TimeSpan CodeLifetime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>A clock difference below this is taken for transmission delay, not skew, and field times are kept as sent.</summary>
    public TimeSpan SkewTolerance { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Field kit: bytes per attachment chunk.</summary>
    public int ChunkBytes { get; init; } = 1024 * 1024;

    /// <summary>Field kit: items per sync batch.</summary>
    public int BatchSize { get; init; } = 25;

    /// <summary>Field kit: attachments uploaded at the same time.</summary>
    public int UploadConcurrency { get; init; } = 4;

    /// <summary>Field kit: attempts of a sync run against an unreachable server before it gives up until the next run.</summary>
    public int Attempts { get; init; } = 4;

    /// <summary>Fault injection (tests only): the centre kills itself with SIGKILL while committing its N-th synced item (1-based).</summary>
    public int KillServerBeforeCommit { get; init; }

    /// <summary>Fault injection (tests only): the field kit kills itself on its N-th sync answer, before recording it (1-based).</summary>
    public int KillBeforeRecordingAck { get; init; }

    public static FieldSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("MotCua:Field");
        var server = section["Server"];
        return new FieldSettings
        {
            Server = string.IsNullOrWhiteSpace(server) ? null : new Uri(server.TrimEnd('/') + "/", UriKind.Absolute),
            ClockOffset = section.GetValue("ClockOffset", TimeSpan.Zero),
            BlockSize = Math.Clamp(section.GetValue("BlockSize", 100), 1, MaxBlock),
            KitDays = Math.Clamp(section.GetValue("KitDays", 7), 0, 60),
            CodeLifetime = section.GetValue("CodeLifetime", TimeSpan.FromHours(24)),
            SkewTolerance = section.GetValue("SkewTolerance", TimeSpan.FromMinutes(2)),
            ChunkBytes = Math.Clamp(section.GetValue("ChunkBytes", 1024 * 1024), 4096, MaxChunkBytes),
            BatchSize = Math.Clamp(section.GetValue("BatchSize", 25), 1, MaxBatch),
            UploadConcurrency = Math.Clamp(section.GetValue("UploadConcurrency", 4), 1, 16),
            Attempts = Math.Clamp(section.GetValue("Attempts", 4), 1, 20),
            KillServerBeforeCommit = section.GetValue("Faults:KillServerBeforeCommit", 0),
            KillBeforeRecordingAck = section.GetValue("Faults:KillBeforeRecordingAck", 0),
        };
    }

    public const int MaxBlock = 2000;

    public const int MaxBatch = 100;

    public const int MaxChunkBytes = 4 * 1024 * 1024;
}

/// <summary>The field kit's clock: the real one, moved by <see cref="FieldSettings.ClockOffset"/> in fault tests.</summary>
public sealed class OffsetTimeProvider(TimeProvider inner, TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + offset;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;
}
