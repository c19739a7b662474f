using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Samordning.Host.DevIdentity;

// Registers the host as a client of its own development identity provider once the server listens, with
// redirect addresses for every address it listens on (so tests on a random port sign in too), and prints the
// address and the demo accounts for the person who started it.
internal sealed partial class DevelopmentClientRegistration(
    IServiceProvider services,
    IServer server,
    IConfiguration configuration,
    IOptions<DevelopmentIdentityOptions> options,
    DevelopmentIdentityReadiness readiness,
    ILogger<DevelopmentClientRegistration> logger) : IHostedLifecycleService
{
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var origins = DevelopmentIdentityProvider.ListeningOrigins(server)
            .Concat(options.Value.Origins)
            .Append(DevelopmentIdentityProvider.Authority(configuration, server))
            .SelectMany(WithLoopbackAliases)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

        await using var scope = services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = DevelopmentIdentityProvider.ClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Samordning",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email,
                Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var origin in origins)
        {
            descriptor.RedirectUris.Add(new Uri($"{origin}/signin-oidc"));
            descriptor.PostLogoutRedirectUris.Add(new Uri($"{origin}/signout-callback-oidc"));
        }

        var existing = await manager.FindByClientIdAsync(DevelopmentIdentityProvider.ClientId, cancellationToken);
        if (existing is null)
        {
            await manager.CreateAsync(descriptor, cancellationToken);
        }
        else
        {
            // Keep the addresses of other nodes or earlier runs on the same store.
            var current = new OpenIddictApplicationDescriptor();
            await manager.PopulateAsync(current, existing, cancellationToken);
            descriptor.RedirectUris.UnionWith(current.RedirectUris);
            descriptor.PostLogoutRedirectUris.UnionWith(current.PostLogoutRedirectUris);
            await manager.UpdateAsync(existing, descriptor, cancellationToken);
        }

        readiness.MarkReady();
        PrintWelcome(origins.FirstOrDefault() ?? "http://localhost");
    }

    private void PrintWelcome(string address)
    {
        LogListening(logger, address);
        foreach (var account in options.Value.Accounts)
        {
            LogAccount(logger, account.Email, account.Description);
        }

        LogPassword(logger, options.Value.Password);
    }

    private static IEnumerable<string> WithLoopbackAliases(string origin)
    {
        yield return origin;
        if (origin.Contains("://localhost", StringComparison.OrdinalIgnoreCase))
        {
            yield return origin.Replace("://localhost", "://127.0.0.1", StringComparison.OrdinalIgnoreCase);
        }
        else if (origin.Contains("://127.0.0.1", StringComparison.Ordinal))
        {
            yield return origin.Replace("://127.0.0.1", "://localhost", StringComparison.Ordinal);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Samordning kjører på / is running at {Address} (development identity provider). Demo accounts:")]
    private static partial void LogListening(ILogger logger, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "  {Email} — {Description}")]
    private static partial void LogAccount(ILogger logger, string email, string description);

    [LoggerMessage(Level = LogLevel.Information, Message = "Passord / password for every demo account: {Password}")]
    private static partial void LogPassword(ILogger logger, string password);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
