using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Samordning.Shared.Modules;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Host;

// A database server that is down fails the page a person asked for, and everything the error page would read
// too (its layout's unread badge, the registry behind sign-in): people still get a readable 503 with Retry-After
// in their language, not a 500.
public sealed class BusyPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Page_DatabaseServerDown_ReadableServiceUnavailablePageWithRetryAfter()
    {
        await using var factory = SamordningFactory.Create(new()
        {
            ConfigureServices = services => services.AddSingleton<IHeaderBadgeProvider, ServerDown>(),
        });
        var coordinator = factory.CreateClientAs(People.Coordinator);

        using var response = await coordinator.GetAsync(new Uri("/departementer", UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {body}");
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 without Retry-After.");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Tjenesten er opptatt eller utilgjengelig akkurat nå. Prøv igjen om litt.</h1>", body, StringComparison.Ordinal);
    }

    // Every page's layout asks the badge providers; this one meets a server that refuses connections.
    private sealed class ServerDown : IHeaderBadgeProvider
    {
        public Task<HeaderBadge?> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
            throw new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));
    }
}
