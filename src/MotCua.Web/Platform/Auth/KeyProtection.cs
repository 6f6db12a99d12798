using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MotCua.Web.Platform.Auth;

/// <summary>
/// The certificate that encrypts the Data Protection key ring at rest (sign-in cookies, bearer tokens and antiforgery
/// tokens are protected with those keys): <c>MotCua:DataProtection:Certificate</c> is a PKCS#12 file with its private
/// key, <c>MotCua:DataProtection:CertificatePassword</c> its password. Without it the keys are stored unencrypted in
/// the database and the host logs a warning.
/// </summary>
public static class KeyProtection
{
    public const string CertificateKey = "MotCua:DataProtection:Certificate";

    public const string PasswordKey = "MotCua:DataProtection:CertificatePassword";

    /// <summary>The configured certificate, or null when none is configured.</summary>
    /// <exception cref="InvalidOperationException">The file is missing or unreadable, the password is wrong, or the certificate has no RSA private key: the host must not start with keys it could not read back.</exception>
    public static X509Certificate2? Certificate(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = configuration[CertificateKey];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{CertificateKey}: the file '{path}' does not exist.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[PasswordKey], X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException($"{CertificateKey}: '{path}' could not be read as a PKCS#12 file with the configured password ({ex.Message}).", ex);
        }

        using var key = certificate.GetRSAPrivateKey();
        if (key is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"{CertificateKey}: '{path}' holds no RSA private key; the key ring could be encrypted but never read back.");
        }

        return certificate;
    }
}
