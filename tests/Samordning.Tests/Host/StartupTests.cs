using System.Net;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Host;

public sealed class StartupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_ProductionWithoutAuthority_RefusesNamingDevelopmentIdentityProvider()
    {
        await using var factory = SamordningFactory.Create(new() { Environment = "Production" });

        var exception = Record.Exception(() => factory.Services);

        Assert.NotNull(exception);
        var refusal = Flatten(exception).OfType<InvalidOperationException>()
            .FirstOrDefault(e => e.Message.Contains("development identity provider", StringComparison.Ordinal));
        Assert.True(refusal is not null, $"Expected a refusal naming the development identity provider, got: {exception}");
    }

    [Fact]
    public async Task Start_ProductionWithAuthority_Starts()
    {
        // The refusal above must come from the missing authority, not from Production as such.
        await using var factory = SamordningFactory.Create(new()
        {
            Environment = "Production",
            Settings = new Dictionary<string, string?>
            {
                ["Auth:Authority"] = "https://idp.example.no",
                ["Auth:ClientSecret"] = "from-the-vault",
            },
        });
        var client = factory.CreateClientAs(null);

        var response = await client.GetAsync("/health/live", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    // The front page is public now (issue 16); a page behind sign-in still sends an anonymous visitor to the provider.
    public async Task Page_Anonymous_RedirectsToDevelopmentIdentityProvider()
    {
        await using var factory = SamordningFactory.Create(WithHostChallenge());
        var client = factory.CreateClientAs(null);

        var response = await client.GetAsync("/departementer", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("/connect/authorize", location.AbsolutePath);
        Assert.Contains("client_id=samordning", location.Query, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_AnonymousWithHostChallenge_UnauthorizedNotRedirect()
    {
        await using var factory = SamordningFactory.Create(WithHostChallenge());
        var client = factory.CreateClientAs(null);

        var response = await client.GetAsync("/api/ministries", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    // The host's own challenge (OpenID Connect against the bundled identity provider). The handler reads the
    // provider's metadata before it lets the host decide between a redirect and a 401, so it reads it over the
    // in-memory test server (there is no socket to reach).
    private static SamordningFactoryOptions WithHostChallenge() => new()
    {
        TestSchemeChallenges = false,
        ConfigureServices = services => services
            .AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme)
            .Configure<IServer>((options, server) => options.BackchannelHttpHandler = ((TestServer)server).CreateHandler()),
    };

    internal static IEnumerable<Exception> Flatten(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }
}
