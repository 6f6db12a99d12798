namespace MotCua.Web.Features.FieldSync;

/// <summary>
/// <c>MotCua:Field:*</c>: how field kits and the centre exchange work (blocks of numbers, kit days, chunk and batch
/// sizes). Whether this host is a centre or a field kit is <see cref="Platform.NodeRole"/>.
/// </summary>
public sealed record FieldSettings
{
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

    /// <summary>PBKDF2 iterations of a member's offline PIN verifier (slow on purpose: a PIN is short).</summary>
    public int PinIterations { get; init; } = Platform.Auth.FieldPins.DefaultIterations;

    public static FieldSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("MotCua:Field");
        return new FieldSettings
        {
            BlockSize = Math.Clamp(section.GetValue("BlockSize", 100), 1, MaxBlock),
            KitDays = Math.Clamp(section.GetValue("KitDays", 7), 0, 60),
            CodeLifetime = section.GetValue("CodeLifetime", TimeSpan.FromHours(24)),
            SkewTolerance = section.GetValue("SkewTolerance", TimeSpan.FromMinutes(2)),
            ChunkBytes = Math.Clamp(section.GetValue("ChunkBytes", 1024 * 1024), 4096, MaxChunkBytes),
            BatchSize = Math.Clamp(section.GetValue("BatchSize", 25), 1, MaxBatch),
            UploadConcurrency = Math.Clamp(section.GetValue("UploadConcurrency", 4), 1, 16),
            Attempts = Math.Clamp(section.GetValue("Attempts", 4), 1, 20),
            PinIterations = Math.Clamp(section.GetValue("PinIterations", Platform.Auth.FieldPins.DefaultIterations), 1000, 10_000_000),
        };
    }

    public const int MaxBlock = 2000;

    public const int MaxBatch = 100;

    public const int MaxChunkBytes = 4 * 1024 * 1024;
}
