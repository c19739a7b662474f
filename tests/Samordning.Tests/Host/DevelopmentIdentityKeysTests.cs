using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Host;

// The bundled identity provider's keys cost nothing to make (OpenIddict's default, two RSA-4096 keys, took seconds
// of the first sign-in challenge), and the provider publishes its signing key only: the key that wraps its codes
// is symmetric and must never reach the key set. The whole sign-in with these keys: DevelopmentIdentityRequestsTests.
public sealed class DevelopmentIdentityKeysTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Keys_BundledProvider_EcdsaSigningAndSymmetricEncryptionNoRsa()
    {
        await using var factory = new SamordningFactory();

        var options = factory.Services.GetRequiredService<IOptions<OpenIddictServerOptions>>().Value;

        var signing = Assert.Single(options.SigningCredentials);
        Assert.IsType<ECDsaSecurityKey>(signing.Key);
        Assert.Equal(SecurityAlgorithms.EcdsaSha256, signing.Algorithm);
        var encryption = Assert.Single(options.EncryptionCredentials);
        Assert.IsType<SymmetricSecurityKey>(encryption.Key);
        Assert.Equal(256, encryption.Key.KeySize);
    }

    [Fact]
    public async Task KeySet_BundledProvider_PublishesTheEcSigningKeyOnly()
    {
        await using var factory = new SamordningFactory();
        var client = factory.CreateClientAs(null);

        var response = await client.GetAsync("/.well-known/jwks", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var keySet = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var key = Assert.Single(keySet.RootElement.GetProperty("keys").EnumerateArray().ToList());
        Assert.Equal("EC", key.GetProperty("kty").GetString());
        Assert.Equal("P-256", key.GetProperty("crv").GetString());
        Assert.False(key.TryGetProperty("d", out _), "The key set published the signing key's private part.");
        Assert.False(key.TryGetProperty("k", out _), "The key set published a symmetric key.");
    }
}
