using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Host.Data;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Host;

// Data-protection keys in the host's store: encrypted with the configured certificate, as before without one.
public sealed class DataProtectionKeysTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Keys_CertificateConfigured_StoredEncryptedAndStillUsable()
    {
        var folder = Directory.CreateTempSubdirectory("samordning-dp-").FullName;
        try
        {
            var path = Path.Combine(folder, "keys.pfx");
            using (var certificate = SelfSigned())
            {
                await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "hemmelig"), Ct);
            }

            await using var factory = SamordningFactory.Create(new()
            {
                Settings = new Dictionary<string, string?>
                {
                    ["DataProtection:CertificatePath"] = path,
                    ["DataProtection:CertificatePassword"] = "hemmelig",
                },
            });

            var xml = await RoundTripAndReadKeysAsync(factory);

            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Keys_NoCertificate_StoredAsBefore()
    {
        await using var factory = new SamordningFactory();

        var xml = await RoundTripAndReadKeysAsync(factory);

        Assert.Contains("<masterKey", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_CertificateFileMissing_Refuses()
    {
        await using var factory = SamordningFactory.Create(new()
        {
            Settings = new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = "/nowhere/keys.pfx" },
        });

        var exception = Record.Exception(() => factory.Services);

        Assert.NotNull(exception);
        Assert.Contains("/nowhere/keys.pfx", exception.ToString(), StringComparison.Ordinal);
    }

    // A protect/unprotect round trip makes the key ring create its first key; then the stored XML is read back.
    private static async Task<string> RoundTripAndReadKeysAsync(SamordningFactory factory)
    {
        var protector = factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        Assert.Equal("hei", protector.Unprotect(protector.Protect("hei")));

        await using var scope = factory.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<HostDbContext>().Set<DataProtectionKey>().AsNoTracking().ToListAsync(Ct);
        Assert.NotEmpty(keys);
        return string.Join("\n", keys.Select(k => k.Xml));
    }

    private static X509Certificate2 SelfSigned()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Samordning data protection test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }
}
