using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Units;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.FieldSync;

/// <summary>
/// A team laptop enrolled with the centre. It authenticates with its id and a secret the centre stores only as a
/// SHA-256 hash; an administrator or leader may revoke it, after which every call it makes is refused.
/// </summary>
public sealed class FieldDevice : IUnitOwned
{
    public const int MaxNameLength = 100;

    private FieldDevice()
    {
        Name = string.Empty;
        SecretHash = string.Empty;
        IssuedBy = string.Empty;
    }

    public FieldDevice(Guid unitId, Guid? teamId, string name, string secretHash, string issuedBy, DateTimeOffset enrolledAt)
    {
        Id = Guid.NewGuid();
        UnitId = unitId;
        TeamId = teamId;
        Name = CleanName(name);
        SecretHash = secretHash;
        IssuedBy = issuedBy;
        EnrolledAt = enrolledAt;
    }

    public Guid Id { get; private set; }

    public Guid UnitId { get; private set; }

    /// <summary>The mobile team the laptop goes out with: only that team's sessions bring personal data into its kit.</summary>
    public Guid? TeamId { get; private set; }

    public string Name { get; private set; }

    /// <summary>Hex SHA-256 of the device secret (the secret has 256 random bits, so a fast hash is enough).</summary>
    public string SecretHash { get; private set; }

    /// <summary>Who issued the enrolment code the device used.</summary>
    public string IssuedBy { get; private set; }

    public DateTimeOffset EnrolledAt { get; private set; }

    public DateTimeOffset? LastSeenAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedBy { get; private set; }

    public int Version { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public void Revoke(string by, DateTimeOffset at)
    {
        if (RevokedAt is not null)
        {
            return;
        }

        RevokedAt = at;
        RevokedBy = by;
        Version++;
    }

    public void Seen(DateTimeOffset at) => LastSeenAt = at;

    public static string CleanName(string? name)
    {
        var n = new string((name ?? string.Empty).Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (n.Length is 0 or > MaxNameLength)
        {
            throw new DomainRuleException("field.device-name-invalid", $"A device needs a name of 1–{MaxNameLength} characters (e.g. the team's laptop).") { IsInvalidInput = true };
        }

        return n;
    }
}

/// <summary>A one-time enrolment code, stored as a hash, valid for a day (<see cref="FieldSettings.CodeLifetime"/>).</summary>
public sealed class FieldEnrolmentCode : IUnitOwned
{
    private FieldEnrolmentCode()
    {
        CodeHash = string.Empty;
        IssuedBy = string.Empty;
    }

    public FieldEnrolmentCode(Guid unitId, Guid? teamId, string codeHash, string issuedBy, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        Id = Guid.NewGuid();
        UnitId = unitId;
        TeamId = teamId;
        CodeHash = codeHash;
        IssuedBy = issuedBy;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }

    public Guid UnitId { get; private set; }

    public Guid? TeamId { get; private set; }

    public string CodeHash { get; private set; }

    public string IssuedBy { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public Guid? DeviceId { get; private set; }

    public int Version { get; private set; }

    public void Use(Guid deviceId, DateTimeOffset at)
    {
        if (UsedAt is not null || at >= ExpiresAt)
        {
            throw new DomainRuleException("field.code-invalid", "The enrolment code is unknown, already used or expired.") { IsInvalidInput = true };
        }

        UsedAt = at;
        DeviceId = deviceId;
        Version++;
    }

    /// <summary>12 characters from the lookup-secret alphabet in groups of four (about 60 bits), typed from the leader's screen.</summary>
    public static string NewCode()
    {
        var raw = RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 12);
        return $"{raw[..4]}-{raw[4..8]}-{raw[8..]}";
    }

    /// <summary>Hash of the code as typed: case, spaces and dashes do not matter.</summary>
    public static string Hash(string code)
    {
        var normal = new string((code ?? string.Empty).Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(normal)));
    }
}

/// <summary>
/// Dossier numbers the centre reserved for one device on one day: taken atomically from the same (unit, day) counter
/// the counter uses, so numbers printed offline are never issued twice.
/// </summary>
public sealed class FieldNumberBlock : IUnitOwned
{
    private FieldNumberBlock()
    {
    }

    public FieldNumberBlock(Guid deviceId, Guid unitId, DateOnly day, int first, int count, DateTimeOffset reservedAt)
    {
        Id = Guid.NewGuid();
        DeviceId = deviceId;
        UnitId = unitId;
        Day = day;
        First = first;
        Count = count;
        ReservedAt = reservedAt;
    }

    public Guid Id { get; private set; }

    public Guid DeviceId { get; private set; }

    public Guid UnitId { get; private set; }

    public DateOnly Day { get; private set; }

    public int First { get; private set; }

    public int Count { get; private set; }

    public DateTimeOffset ReservedAt { get; private set; }

    public bool Contains(int sequence) => sequence >= First && sequence < First + Count;
}

/// <summary>An attachment a device is uploading in chunks; once complete, its bytes are in <see cref="AttachmentContent"/> under the same id.</summary>
public sealed class FieldUpload : IUnitOwned
{
    private FieldUpload()
    {
        Sha256 = string.Empty;
    }

    public FieldUpload(Guid id, Guid deviceId, Guid unitId, string sha256, long size, DateTimeOffset startedAt)
    {
        Id = id;
        DeviceId = deviceId;
        UnitId = unitId;
        Sha256 = sha256;
        Size = size;
        StartedAt = startedAt;
    }

    public Guid Id { get; private set; }

    public Guid DeviceId { get; private set; }

    public Guid UnitId { get; private set; }

    /// <summary>Hex SHA-256 of the whole file, as the device announced it.</summary>
    public string Sha256 { get; private set; }

    public long Size { get; private set; }

    /// <summary>Contiguous bytes received from the start.</summary>
    public long Received { get; private set; }

    public string? ContentType { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public bool IsComplete => CompletedAt is not null;

    public void Append(long bytes) => Received += bytes;

    public void Complete(string contentType, DateTimeOffset at)
    {
        ContentType = contentType;
        Received = Size;
        CompletedAt = at;
    }
}

public sealed class FieldUploadChunk
{
    public Guid UploadId { get; set; }

    public long Offset { get; set; }

    public byte[] Bytes { get; set; } = [];
}

public enum FieldItemKind
{
    /// <summary>A dossier received in the field.</summary>
    Dossier = 1,

    /// <summary>A step taken in the field on a dossier the kit brought (supplement received, result returned).</summary>
    Transition = 2,
}

public enum FieldItemOutcome
{
    /// <summary>The centre now holds the item (a new dossier, or the step recorded).</summary>
    Created = 1,

    /// <summary>The centre already held it from an earlier delivery: nothing was done twice.</summary>
    [JsonStringEnumMemberName("already-synced")]
    AlreadySynced = 2,

    /// <summary>The dossier changed at the centre since the kit: a leader decides (the item is delivered).</summary>
    Conflict = 3,

    /// <summary>Not taken; the problem says why and whether sending it again can help.</summary>
    Rejected = 4,
}

/// <summary>What the centre did with one field item, by its client id: makes every delivery after the first a no-op.</summary>
public sealed class FieldSyncRecord : IUnitOwned
{
    private FieldSyncRecord()
    {
        Number = string.Empty;
    }

    public FieldSyncRecord(Guid clientId, Guid deviceId, Guid unitId, FieldItemKind kind, FieldItemOutcome outcome, Guid? dossierId, string number,
        DateTimeOffset syncedAt, DateTimeOffset? fieldAt, DateTimeOffset? correctedAt, Guid? conflictId)
    {
        ClientId = clientId;
        DeviceId = deviceId;
        UnitId = unitId;
        Kind = kind;
        Outcome = outcome;
        DossierId = dossierId;
        Number = number;
        SyncedAt = syncedAt;
        FieldAt = fieldAt;
        CorrectedAt = correctedAt;
        ConflictId = conflictId;
    }

    public Guid ClientId { get; private set; }

    public Guid DeviceId { get; private set; }

    public Guid UnitId { get; private set; }

    public FieldItemKind Kind { get; private set; }

    public FieldItemOutcome Outcome { get; private set; }

    public Guid? DossierId { get; private set; }

    public string Number { get; private set; }

    public DateTimeOffset SyncedAt { get; private set; }

    /// <summary>The time on the laptop's clock.</summary>
    public DateTimeOffset? FieldAt { get; private set; }

    /// <summary>The same instant after skew correction and sanity bounds: the time the centre recorded.</summary>
    public DateTimeOffset? CorrectedAt { get; private set; }

    public Guid? ConflictId { get; private set; }
}

public enum ConflictResolution
{
    /// <summary>The field's step was applied to the dossier as it is now.</summary>
    Applied = 1,

    /// <summary>The centre's version was kept; the field's step was not applied.</summary>
    Kept = 2,
}

/// <summary>
/// A dossier changed both at the centre and in the field since the kit was downloaded. Nothing is overwritten: a
/// leader reads both sides and decides.
/// </summary>
public sealed class SyncConflict : IUnitOwned
{
    private SyncConflict()
    {
        ReceivedBy = string.Empty;
    }

    public SyncConflict(Guid unitId, Guid deviceId, Guid clientId, Guid dossierId, DossierNumber number, DossierAction action, string? reason, DateTimeOffset fieldAt,
        string receivedBy, int baseVersion, int centreVersion, DossierStatus centreStatus, DateTimeOffset createdAt)
    {
        Id = Guid.NewGuid();
        UnitId = unitId;
        DeviceId = deviceId;
        ClientId = clientId;
        DossierId = dossierId;
        Number = number;
        Action = action;
        Reason = reason;
        FieldAt = fieldAt;
        ReceivedBy = receivedBy;
        BaseVersion = baseVersion;
        CentreVersion = centreVersion;
        CentreStatus = centreStatus;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid UnitId { get; private set; }

    public Guid DeviceId { get; private set; }

    public Guid ClientId { get; private set; }

    public Guid DossierId { get; private set; }

    public DossierNumber Number { get; private set; }

    /// <summary>The step the team took in the field.</summary>
    public DossierAction Action { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>When the team took it (corrected for the laptop's clock).</summary>
    public DateTimeOffset FieldAt { get; private set; }

    /// <summary>The officer who took it on the laptop.</summary>
    public string ReceivedBy { get; private set; }

    /// <summary>The dossier version the kit carried.</summary>
    public int BaseVersion { get; private set; }

    /// <summary>The dossier version and status at the centre when the item arrived.</summary>
    public int CentreVersion { get; private set; }

    public DossierStatus CentreStatus { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public string? ResolvedBy { get; private set; }

    public ConflictResolution? Resolution { get; private set; }

    public string? Note { get; private set; }

    public int Version { get; private set; }

    public bool IsOpen => ResolvedAt is null;

    public void Resolve(ConflictResolution resolution, string by, string? note, DateTimeOffset at)
    {
        if (ResolvedAt is not null)
        {
            throw new DomainRuleException("field.conflict-resolved", "This conflict was already resolved.") { IsConflict = true };
        }

        if (!Enum.IsDefined(resolution))
        {
            throw new DomainRuleException("field.resolution-invalid", "Choose to apply the field's step or keep the centre's version.") { IsInvalidInput = true };
        }

        var n = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (n?.Length > 1000 || n?.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) == true)
        {
            throw new DomainRuleException("field.note-invalid", "The note is at most 1000 characters, without control characters.") { IsInvalidInput = true };
        }

        Resolution = resolution;
        ResolvedBy = by;
        Note = n;
        ResolvedAt = at;
        Version++;
    }
}

internal sealed class FieldDeviceConfiguration : IEntityTypeConfiguration<FieldDevice>
{
    public void Configure(EntityTypeBuilder<FieldDevice> b)
    {
        b.HasKey(d => d.Id);
        b.HasIndex(d => d.UnitId);
        b.HasOne<Unit>().WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.Property(d => d.Name).HasMaxLength(FieldDevice.MaxNameLength);
        b.Property(d => d.SecretHash).HasMaxLength(64);
        b.Property(d => d.IssuedBy).HasMaxLength(64);
        b.Property(d => d.RevokedBy).HasMaxLength(64);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.Ignore(d => d.IsRevoked);
    }
}

internal sealed class FieldEnrolmentCodeConfiguration : IEntityTypeConfiguration<FieldEnrolmentCode>
{
    public void Configure(EntityTypeBuilder<FieldEnrolmentCode> b)
    {
        b.HasKey(c => c.Id);
        b.HasIndex(c => c.CodeHash).IsUnique();
        b.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.CodeHash).HasMaxLength(64);
        b.Property(c => c.IssuedBy).HasMaxLength(64);
        b.Property(c => c.Version).IsConcurrencyToken();
    }
}

internal sealed class FieldNumberBlockConfiguration : IEntityTypeConfiguration<FieldNumberBlock>
{
    public void Configure(EntityTypeBuilder<FieldNumberBlock> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.DeviceId, x.Day });
        b.HasIndex(x => new { x.UnitId, x.Day, x.First }).IsUnique();
        b.HasOne<FieldDevice>().WithMany().HasForeignKey(x => x.DeviceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FieldUploadConfiguration : IEntityTypeConfiguration<FieldUpload>
{
    public void Configure(EntityTypeBuilder<FieldUpload> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.DeviceId);
        b.HasOne<FieldDevice>().WithMany().HasForeignKey(x => x.DeviceId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.ContentType).HasMaxLength(64);
        b.Ignore(x => x.IsComplete);
    }
}

internal sealed class FieldUploadChunkConfiguration : IEntityTypeConfiguration<FieldUploadChunk>
{
    public void Configure(EntityTypeBuilder<FieldUploadChunk> b)
    {
        b.HasKey(x => new { x.UploadId, x.Offset });
        b.HasOne<FieldUpload>().WithMany().HasForeignKey(x => x.UploadId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FieldSyncRecordConfiguration : IEntityTypeConfiguration<FieldSyncRecord>
{
    public void Configure(EntityTypeBuilder<FieldSyncRecord> b)
    {
        b.HasKey(x => x.ClientId);
        b.HasIndex(x => x.DeviceId);
        b.HasOne<FieldDevice>().WithMany().HasForeignKey(x => x.DeviceId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Number).HasMaxLength(64);
    }
}

internal sealed class SyncConflictConfiguration : IEntityTypeConfiguration<SyncConflict>
{
    public void Configure(EntityTypeBuilder<SyncConflict> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.UnitId, x.ResolvedAt });
        b.HasIndex(x => x.ClientId).IsUnique();
        b.HasOne<Dossier>().WithMany().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<FieldDevice>().WithMany().HasForeignKey(x => x.DeviceId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Reason).HasMaxLength(Dossier.MaxReasonLength);
        b.Property(x => x.ReceivedBy).HasMaxLength(64);
        b.Property(x => x.ResolvedBy).HasMaxLength(64);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.IsOpen);
    }
}
