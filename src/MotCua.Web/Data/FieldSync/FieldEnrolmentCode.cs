using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain;
using MotCua.Domain.Units;

namespace MotCua.Web.Data.FieldSync;

/// <summary>A one-time enrolment code, stored as a hash, valid for a day (<c>MotCua:Field:CodeLifetime</c>).</summary>
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
            throw new DomainRuleException("field.code-invalid", "The enrolment code is unknown, already used or expired.", RuleKind.Invalid);
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
