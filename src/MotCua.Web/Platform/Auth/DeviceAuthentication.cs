using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Web.Data;

namespace MotCua.Web.Platform.Auth;

/// <summary>
/// The credential of an enrolled field kit: <c>Authorization: Device {id}.{secret}</c>. The secret is 256 random bits
/// issued once at enrolment; the centre keeps only its SHA-256 hash and compares in constant time. A device acts for its
/// unit only (its data scope) and holds no staff role, so it reaches the field routes and nothing else.
/// </summary>
public static class DeviceCredentials
{
    public const string Scheme = "Device";

    public const string DeviceClaim = "motcua:device";

    public const string TeamClaim = "motcua:team";

    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret ?? string.Empty)));

    public static string HeaderValue(Guid deviceId, string secret) => $"{Scheme} {deviceId:N}.{secret}";

    public static bool TryParse(string? header, out Guid deviceId, out string secret)
    {
        deviceId = Guid.Empty;
        secret = string.Empty;
        if (header is null || !header.StartsWith(Scheme + " ", StringComparison.Ordinal) || header.Length > 200)
        {
            return false;
        }

        var value = header[(Scheme.Length + 1)..].Trim();
        var dot = value.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !Guid.TryParseExact(value[..dot], "N", out deviceId) || value.Length - dot - 1 is < 20 or > 100)
        {
            return false;
        }

        secret = value[(dot + 1)..];
        return true;
    }

    public static Guid? DeviceId(this ClaimsPrincipal user) =>
        Guid.TryParse(user?.FindFirstValue(DeviceClaim), out var id) ? id : null;

    public static Guid? TeamId(this ClaimsPrincipal user) =>
        Guid.TryParse(user?.FindFirstValue(TeamClaim), out var id) ? id : null;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

internal sealed class DeviceAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(DeviceCredentials.Scheme + " ", StringComparison.Ordinal))
        {
            return AuthenticateResult.NoResult();
        }

        if (!DeviceCredentials.TryParse(header, out var id, out var secret))
        {
            return AuthenticateResult.Fail("Malformed device credential.");
        }

        var db = Context.RequestServices.GetRequiredService<MotCuaDb>();
        var device = await db.FieldDevices.IgnoreQueryFilters().AsNoTracking().Where(d => d.Id == id)
            .Select(d => new { d.Id, d.Name, d.UnitId, d.TeamId, d.SecretHash, d.RevokedAt })
            .SingleOrDefaultAsync(Context.RequestAborted);
        var expected = Encoding.ASCII.GetBytes(device?.SecretHash ?? new string('0', 64));
        var given = Encoding.ASCII.GetBytes(DeviceCredentials.Hash(secret));
        if (!CryptographicOperations.FixedTimeEquals(expected, given) || device is null)
        {
            return AuthenticateResult.Fail("Unknown device or wrong secret.");
        }

        if (device.RevokedAt is not null)
        {
            Logger.LogWarning("Refused revoked field device {Device}.", device.Id);
            return AuthenticateResult.Fail("The device was revoked.");
        }

        var unit = await db.Units.AsNoTracking().Where(u => u.Id == device.UnitId).Select(u => new { u.Code, u.Name, u.ProvinceCode }).SingleAsync(Context.RequestAborted);
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, $"device:{device.Id:N}"),
            new(ClaimTypes.Name, device.Name),
            new(DeviceCredentials.DeviceClaim, device.Id.ToString()),
            new(StaffClaims.Unit, device.UnitId.ToString()),
            new(StaffClaims.UnitCode, unit.Code),
            new(StaffClaims.UnitName, unit.Name),
            new(StaffClaims.Province, unit.ProvinceCode),
        ];
        if (device.TeamId is { } team)
        {
            claims.Add(new Claim(DeviceCredentials.TeamClaim, team.ToString()));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, DeviceCredentials.Scheme));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, DeviceCredentials.Scheme));
    }
}
