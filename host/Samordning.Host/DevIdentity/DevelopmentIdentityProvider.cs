using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;
using Samordning.Host.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Samordning.Host.DevIdentity;

// The bundled development identity provider: an OpenIddict server inside the host, used only when no external
// authority is configured, so that the real OpenID Connect handler runs the same code path everywhere.
internal static class DevelopmentIdentityProvider
{
    public const string CookieScheme = "DevelopmentIdentity";
    public const string ClientId = "samordning";

    public static IServiceCollection AddDevelopmentIdentityProvider(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DevelopmentIdentityOptions>(configuration.GetSection(DevelopmentIdentityOptions.Section));
        services.AddAuthentication().AddCookie(CookieScheme, options =>
        {
            options.Cookie.Name = "samordning-idp";
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/konto/logg-inn";
        });
        services.Replace(ServiceDescriptor.Singleton<IAuthenticationSchemeProvider, DevelopmentIdentitySchemeProvider>());

        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<HostDbContext>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);

                // Keys live as long as the process: sign-in codes are redeemed within seconds, sessions are cookies.
                // OpenIddict's default ephemeral keys are two RSA-4096 keys, generated on first use: the first
                // discovery after a start, which the first sign-in challenge waits for (0.3-3 s of CPU each here,
                // docs/benchmarks.md, Start-up). An ECDSA P-256 key signs (ES256, which every OpenID Connect client
                // validates) and an AES-256 key wraps what the provider encrypts for itself only (its codes), both
                // made in microseconds.
                server.AddEphemeralEncryptionKey(SecurityAlgorithms.Aes256KW).AddEphemeralSigningKey(SecurityAlgorithms.EcdsaSha256);
                server.DisableAccessTokenEncryption();
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });

        services.AddSingleton<DevelopmentIdentityReadiness>();
        services.AddHealthChecks().AddCheck<DevelopmentIdentityReadiness>("development-identity", tags: [Web.HealthChecks.Ready]);
        services.AddHostedService<DevelopmentClientRegistration>();
        return services;
    }

    // The authority is this host at the address it listens on; a wildcard address is reached as localhost.
    public static string Authority(IConfiguration configuration, IServer server)
    {
        var configured = configuration["DevelopmentIdentity:Authority"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/');
        }

        return ListeningOrigins(server).FirstOrDefault() ?? "http://localhost";
    }

    public static IEnumerable<string> ListeningOrigins(IServer server) =>
        (server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            .Select(address => address
                .Replace("://+", "://localhost", StringComparison.Ordinal)
                .Replace("://*", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
                .Replace("://[::]", "://localhost", StringComparison.Ordinal)
                .TrimEnd('/'));
}
