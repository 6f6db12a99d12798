using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Data.Audit;

namespace MotCua.Web.Data.Identity;

/// <summary>
/// One API sign-in and the refresh tokens that descend from it. Each refresh token is used once: refreshing names the
/// next token, and a token used a second time (stolen and replayed, or replayed by the thief after the owner) revokes
/// the whole family, so both the thief and the owner must sign in again. Signing out revokes it too; access tokens of a
/// revoked family are refused on their next request. Written to the trail as the events it stands for, not as rows.
/// </summary>
[NotAudited]
public sealed class RefreshTokenFamily
{
    public const int MaxReasonLength = 32;

    private RefreshTokenFamily()
    {
        UserId = string.Empty;
    }

    public RefreshTokenFamily(string userId, DateTimeOffset now, TimeSpan lifetime)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        CreatedAt = now;
        ExpiresAt = now + lifetime;
        CurrentToken = Guid.NewGuid();
        LastUsedAt = now;
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The end of the session however often it is refreshed: then the officer signs in again.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>The only refresh token of the family that may be used now.</summary>
    public Guid CurrentToken { get; private set; }

    public int Generation { get; private set; }

    public DateTimeOffset LastUsedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>sign-out, reuse (a token used twice), account (its security stamp changed).</summary>
    public string? RevokedReason { get; private set; }

    public int Version { get; private set; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    /// <summary>Spends the current token and names the next one.</summary>
    public Guid Rotate(DateTimeOffset now)
    {
        CurrentToken = Guid.NewGuid();
        Generation++;
        LastUsedAt = now;
        Version++;
        return CurrentToken;
    }

    public void Revoke(DateTimeOffset now, string reason)
    {
        if (RevokedAt is not null)
        {
            return;
        }

        RevokedAt = now;
        RevokedReason = reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason;
        Version++;
    }
}

internal sealed class RefreshTokenFamilyConfiguration : IEntityTypeConfiguration<RefreshTokenFamily>
{
    public void Configure(EntityTypeBuilder<RefreshTokenFamily> b)
    {
        b.HasKey(f => f.Id);
        b.HasIndex(f => f.UserId);
        b.Property(f => f.UserId).HasMaxLength(64);
        b.Property(f => f.RevokedReason).HasMaxLength(RefreshTokenFamily.MaxReasonLength);
        b.Property(f => f.Version).IsConcurrencyToken();
    }
}
