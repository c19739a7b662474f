namespace Samordning.EndToEnd.Infrastructure;

// A host of its own whose Auth:Authority is an independent OpenID Provider (OidcProviderProcess), in one of the
// provider's two profiles. The provider starts first, so it knows the host's redirect addresses.
public abstract class IndependentProviderHost(string profile, bool trustUnverifiedEmail) : IAsyncLifetime
{
    private OidcProviderProcess? provider;
    private HostProcess? host;

    public Uri Address => (host ?? throw new InvalidOperationException("Not started.")).Address;

    internal OidcProviderProcess Provider => provider ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var address = new Uri($"http://127.0.0.1:{HostProcess.FreePort()}");
        provider = await OidcProviderProcess.StartAsync(profile, address, cancellationToken);
        host = await HostProcess.StartAsync(cancellationToken, new Dictionary<string, string>
        {
            ["Auth__Authority"] = provider.Issuer.GetLeftPart(UriPartial.Authority),
            ["Auth__ClientId"] = OidcProviderProcess.ClientId,
            ["Auth__ClientSecret"] = OidcProviderProcess.ClientSecret,

            // The provider is on plain http on loopback: allowed in Development only.
            ["Auth__RequireHttpsMetadata"] = "false",
            ["Auth__TrustUnverifiedEmail"] = trustUnverifiedEmail ? "true" : "false",
            ["Auth__ApiAudience"] = OidcProviderProcess.ApiAudience,
            [$"Auth__SystemClients__{OidcProviderProcess.SystemClientId}"] = "Observer",
        }, address);
    }

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        if (provider is not null)
        {
            await provider.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

// Claims only in UserInfo, email_verified sent (a conforming provider's default for the code flow).
public sealed class UserInfoProviderHost() : IndependentProviderHost("userinfo", trustUnverifiedEmail: false);

// E-mail in the ID token and no email_verified (as Entra ID does), so the host trusts the provider's e-mail.
public sealed class IdTokenProviderHost() : IndependentProviderHost("idtoken", trustUnverifiedEmail: true);

[CollectionDefinition(Name)]
public sealed class UserInfoProviderCollection : ICollectionFixture<UserInfoProviderHost>
{
    public const string Name = "independent provider (UserInfo profile)";
}
