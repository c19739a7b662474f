using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Samordning.Tests.Infrastructure;

// A self-signed data-protection certificate made at test time (no secret in the repository), written as a PFX
// where the host reads a production certificate from.
internal static class TestCertificate
{
    public const string Password = "test-only";

    public static string WritePfx(string folder)
    {
        Directory.CreateDirectory(folder);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Samordning test data protection", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = Path.Combine(folder, "data-protection.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
