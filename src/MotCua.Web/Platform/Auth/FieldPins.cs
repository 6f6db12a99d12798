using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Data.Identity;

namespace MotCua.Web.Platform.Auth;

/// <summary>
/// Field members' offline PINs. A PIN is kept only as PBKDF2-SHA256 of the PIN over a random salt and the laptop's device
/// id (<c>motcua-pin1${iterations}${device}${salt}${hash}</c>), so a verifier copied from one laptop is no use on another
/// and says nothing about the member's password, which never leaves the centre. A stolen laptop's verifiers can be
/// guessed offline (a PIN is short) but open only that laptop, whose data the thief already holds: revoke the laptop.
/// </summary>
public static class FieldPins
{
    public const string Prefix = "motcua-pin1";

    public const int MinLength = 6;

    public const int MaxLength = 12;

    /// <summary>OWASP's 2023 figure for PBKDF2-HMAC-SHA256 (<c>MotCua:Field:PinIterations</c>).</summary>
    public const int DefaultIterations = 600_000;

    /// <summary>6–12 digits, not one digit repeated and not a run up or down (123456, 987654).</summary>
    public static bool IsAcceptable(string? pin)
    {
        if (pin is null || pin.Length is < MinLength or > MaxLength || !pin.All(char.IsAsciiDigit))
        {
            return false;
        }

        var steps = pin.Zip(pin.Skip(1), (a, b) => b - a).Distinct().ToList();
        return !(steps.Count == 1 && steps[0] is 0 or 1 or -1);
    }

    /// <summary>A PIN the leader hands over: eight random digits.</summary>
    public static string NewPin()
    {
        string pin;
        do
        {
            pin = RandomNumberGenerator.GetString("0123456789", 8);
        }
        while (!IsAcceptable(pin));
        return pin;
    }

    public static string Hash(string pin, Guid deviceId, int iterations)
    {
        ArgumentNullException.ThrowIfNull(pin);
        var salt = RandomNumberGenerator.GetBytes(16);
        return $"{Prefix}${iterations}${deviceId:N}${Convert.ToBase64String(salt)}${Convert.ToBase64String(Derive(pin, deviceId, salt, iterations))}";
    }

    /// <summary>Whether <paramref name="pin"/> matches <paramref name="verifier"/> made for <paramref name="deviceId"/> (constant time).</summary>
    public static bool Verify(string? verifier, string? pin, Guid deviceId)
    {
        var parts = (verifier ?? string.Empty).Split('$');
        if (parts.Length != 5 || parts[0] != Prefix || !int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var iterations) || iterations is < 1000 or > 10_000_000
            || !Guid.TryParseExact(parts[2], "N", out var device) || device != deviceId || pin is null || pin.Length > MaxLength)
        {
            return false;
        }

        try
        {
            var expected = Convert.FromBase64String(parts[4]);
            return CryptographicOperations.FixedTimeEquals(expected, Derive(pin, deviceId, Convert.FromBase64String(parts[3]), iterations));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static byte[] Derive(string pin, Guid deviceId, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(pin), (byte[])[.. deviceId.ToByteArray(), .. salt], iterations, HashAlgorithmName.SHA256, 32);
}

/// <summary>
/// On a field laptop, team members sign in with the PIN their kit carried: their "password hash" there is a PIN verifier
/// made for this laptop's device id. No password of the centre is ever on the laptop; an account made on the laptop
/// itself (a local administrator, with <c>users add</c>) keeps Identity's own password hash.
/// </summary>
internal sealed class FieldPinHasher(MotCuaDb db, Microsoft.Extensions.Options.IOptions<PasswordHasherOptions> options) : IPasswordHasher<StaffUser>
{
    private readonly PasswordHasher<StaffUser> _passwords = new(options);

    private Guid? _device;

    public string HashPassword(StaffUser user, string password) => _passwords.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
    {
        if (hashedPassword?.StartsWith(FieldPins.Prefix + "$", StringComparison.Ordinal) != true)
        {
            return _passwords.VerifyHashedPassword(user, hashedPassword ?? string.Empty, providedPassword) == PasswordVerificationResult.Failed
                ? PasswordVerificationResult.Failed
                : PasswordVerificationResult.Success;
        }

        return FieldPins.Verify(hashedPassword, providedPassword, Device()) ? PasswordVerificationResult.Success : PasswordVerificationResult.Failed;
    }

    private Guid Device() => _device ??= db.FieldNodeStates.AsNoTracking().Select(s => (Guid?)s.DeviceId).SingleOrDefault() ?? Guid.Empty;
}
