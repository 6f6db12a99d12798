using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain;
using MotCua.Domain.Units;

namespace MotCua.Web.Data.FieldSync;

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
            throw new DomainRuleException("field.device-name-invalid", $"A device needs a name of 1–{MaxNameLength} characters (e.g. the team's laptop).", RuleKind.Invalid);
        }

        return n;
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
