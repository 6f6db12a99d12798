using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MotCua.Web.Platform.Auth;

/// <summary>
/// The certificate that encrypts the Data Protection key ring at rest (sign-in cookies, bearer tokens and antiforgery
/// tokens are protected with those keys): <c>MotCua:DataProtection:Certificate</c> is a PKCS#12 file with its private
/// key, <c>MotCua:DataProtection:CertificatePassword</c> its password. Without it the keys are stored unencrypted in
/// the database and the host logs a warning. To change certificate, give the new one and list the old ones under
/// <c>MotCua:DataProtection:PreviousCertificates:0</c>, <c>…:1</c> (each with <c>Path</c> and <c>Password</c>): keys
/// they encrypted stay readable, new keys are encrypted with the new certificate.
/// </summary>
public static class KeyProtection
{
    public const string CertificateKey = "MotCua:DataProtection:Certificate";

    public const string PasswordKey = "MotCua:DataProtection:CertificatePassword";

    public const string PreviousKey = "MotCua:DataProtection:PreviousCertificates";

    /// <summary>The configured certificate, or null when none is configured.</summary>
    /// <exception cref="InvalidOperationException">The file is missing or unreadable, the password is wrong, or the certificate has no RSA private key: the host must not start with keys it could not read back.</exception>
    public static X509Certificate2? Certificate(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = configuration[CertificateKey];
        return string.IsNullOrWhiteSpace(path) ? null : Load(CertificateKey, path, configuration[PasswordKey]);
    }

    /// <summary>Certificates used before the current one, whose keys must stay readable.</summary>
    public static IReadOnlyList<X509Certificate2> Previous(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return [.. configuration.GetSection(PreviousKey).GetChildren()
            .Where(c => !string.IsNullOrWhiteSpace(c["Path"]))
            .Select(c => Load($"{PreviousKey}:{c.Key}", c["Path"]!, c["Password"]))];
    }

    private static X509Certificate2 Load(string setting, string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{setting}: the file '{path}' does not exist.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException($"{setting}: '{path}' could not be read as a PKCS#12 file with the configured password ({ex.Message}).", ex);
        }

        using var key = certificate.GetRSAPrivateKey();
        if (key is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"{setting}: '{path}' holds no RSA private key; the key ring could be encrypted but never read back.");
        }

        return certificate;
    }
}
