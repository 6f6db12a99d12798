using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.Units;

namespace MotCua.Web.Data.FieldSync;

/// <summary>
/// A team member's offline credential for one field laptop: a PIN the member set (or their leader issued), kept only as
/// a slow salted hash derived for that laptop (<c>Platform/Auth/FieldPins</c>). The kit carries the hash so the member
/// signs in on that laptop with no network; it opens nothing else — not the centre, not another laptop. Revoking it, or
/// the laptop, removes the member from the laptop at its next kit and refuses the items the laptop sends in their name
/// afterwards.
/// </summary>
public sealed class FieldCredential : IUnitOwned
{
    public const int MaxVerifierLength = 200;

    private FieldCredential()
    {
        UserId = string.Empty;
        Verifier = string.Empty;
        SetBy = string.Empty;
    }

    public FieldCredential(Guid deviceId, Guid unitId, string userId, string verifier, string setBy, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        DeviceId = deviceId;
        UnitId = unitId;
        UserId = userId;
        Verifier = verifier;
        SetBy = setBy;
        SetAt = at;
    }

    public Guid Id { get; private set; }

    public Guid DeviceId { get; private set; }

    public Guid UnitId { get; private set; }

    public string UserId { get; private set; }

    /// <summary>PBKDF2-SHA256 of the PIN with a random salt and the device id, in the <c>motcua-pin1$…</c> format.</summary>
    public string Verifier { get; private set; }

    /// <summary>The member themself, or the leader who issued the PIN.</summary>
    public string SetBy { get; private set; }

    public DateTimeOffset SetAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedBy { get; private set; }

    public int Version { get; private set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>Whether the member could act on the laptop at <paramref name="at"/> (set before, not revoked by then).</summary>
    public bool ValidAt(DateTimeOffset at) => RevokedAt is not { } revoked || at < revoked;

    public void Replace(string verifier, string by, DateTimeOffset at)
    {
        Verifier = verifier;
        SetBy = by;
        SetAt = at;
        RevokedAt = null;
        RevokedBy = null;
        Version++;
    }

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
}

internal sealed class FieldCredentialConfiguration : IEntityTypeConfiguration<FieldCredential>
{
    public void Configure(EntityTypeBuilder<FieldCredential> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.DeviceId, x.UserId }).IsUnique();
        b.HasIndex(x => x.UnitId);
        b.HasOne<FieldDevice>().WithMany().HasForeignKey(x => x.DeviceId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.UserId).HasMaxLength(64);
        b.Property(x => x.Verifier).HasMaxLength(FieldCredential.MaxVerifierLength);
        b.Property(x => x.SetBy).HasMaxLength(64);
        b.Property(x => x.RevokedBy).HasMaxLength(64);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.IsActive);
    }
}
