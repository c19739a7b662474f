using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Samordning.Host.Data;

// The data-protection key ring (cookies, anti-forgery, the identity provider's state) lives in the host's store, so
// several nodes share it. With a certificate configured, every key is encrypted with it before it is stored, so a
// copy of the database alone cannot forge or read a session. Without one, keys are stored as they always were
// (unencrypted, which ASP.NET Core warns about at start-up): fine for a developer's machine and the embedded
// default, not for production (see README and docs/decisions.md).
internal static class DataProtectionSetup
{
    public const string Section = "DataProtection";

    public static IServiceCollection AddSamordningDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var builder = services.AddDataProtection().SetApplicationName("Samordning").PersistKeysToDbContext<HostDbContext>();
        var settings = configuration.GetSection(Section);
        var certificate = LoadCertificate(settings);
        if (certificate is not null)
        {
            // Keys written before a certificate change stay readable while the old certificate is listed too.
            var previous = settings.GetSection("PreviousCertificatePaths").Get<string[]>() ?? [];
            builder.ProtectKeysWithCertificate(certificate)
                .UnprotectKeysWithAnyCertificate([certificate, .. previous.Select(path => LoadFile(path, settings["PreviousCertificatePassword"]))]);
        }

        return services;
    }

    // A PFX file (CertificatePath, CertificatePassword), or a certificate in the CurrentUser then LocalMachine
    // "My" store (CertificateThumbprint). A configured certificate that cannot be found stops the start: running on
    // with unencrypted keys would be a silent downgrade.
    internal static X509Certificate2? LoadCertificate(IConfiguration settings)
    {
        if (settings["CertificatePath"] is { Length: > 0 } path)
        {
            return LoadFile(path, settings["CertificatePassword"]);
        }

        if (settings["CertificateThumbprint"] is { Length: > 0 } thumbprint)
        {
            return FromStore(thumbprint.Replace(" ", "", StringComparison.Ordinal))
                ?? throw new InvalidOperationException(
                    $"{Section}:CertificateThumbprint {thumbprint} was not found (with its private key) in the CurrentUser or LocalMachine My store.");
        }

        return null;
    }

    private static X509Certificate2 LoadFile(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{Section}: the certificate file {path} does not exist.");
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"{Section}: the certificate in {path} has no private key, so keys could not be read back.");
    }

    private static X509Certificate2? FromStore(string thumbprint)
    {
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            using var store = new X509Store(StoreName.My, location);
            try
            {
                store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                // The store does not exist here (LocalMachine on Linux, a user without a profile).
                continue;
            }

            var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
            if (found.FirstOrDefault(c => c.HasPrivateKey) is { } certificate)
            {
                return certificate;
            }
        }

        return null;
    }
}
