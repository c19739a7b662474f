using System.Net;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Host;

// X-Forwarded-For and X-Forwarded-Proto are believed only from the configured proxy: the public rate limit counts
// each citizen behind it, and the sign-in's redirect address keeps https.
public sealed class ProxyHeadersTests : IAsyncDisposable
{
    // Documentation addresses (RFC 5737): nothing is sent to them; the test server takes them as the sender.
    private const string Proxy = "192.0.2.10";
    private const string Stranger = "198.51.100.7";
    private const string SenderHeader = "X-Test-Sender";

    private readonly SamordningFactory factory = SamordningFactory.Create(new()
    {
        TestSchemeChallenges = false,
        Settings = new Dictionary<string, string?>
        {
            ["RateLimiting:PublicPermitsPerMinute"] = "2",
            ["ForwardedHeaders:KnownProxies:0"] = Proxy,
        },
        ConfigureServices = services =>
        {
            services.AddSingleton<IStartupFilter, SenderFromHeader>();

            // The challenge reads the development provider's metadata over the in-memory test server.
            services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme)
                .Configure<IServer>((options, server) => options.BackchannelHttpHandler = ((TestServer)server).CreateHandler());
        },
    });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RateLimit_KnownProxyTwoCitizens_LimitedSeparately()
    {
        var first = await SignInPageStatusesAsync(Proxy, "203.0.113.1", 3);
        var second = await SignInPageStatusesAsync(Proxy, "203.0.113.2", 1);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);
        Assert.Equal([HttpStatusCode.OK], second);
    }

    [Fact]
    public async Task RateLimit_UnknownSender_ForwardedForIgnored()
    {
        var first = await SignInPageStatusesAsync(Stranger, "203.0.113.1", 2);
        var second = await SignInPageStatusesAsync(Stranger, "203.0.113.2", 1);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], first);
        Assert.Equal([HttpStatusCode.TooManyRequests], second);
    }

    [Theory]
    [InlineData(Proxy, "https%3A%2F%2Flocalhost%2Fsignin-oidc")]
    [InlineData(Stranger, "http%3A%2F%2Flocalhost%2Fsignin-oidc")]
    public async Task Challenge_ForwardedProtoHttps_RedirectUriHttpsOnlyFromKnownProxy(string sender, string redirectUri)
    {
        var client = factory.CreateClientAs(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/departementer");
        request.Headers.Add(SenderHeader, sender);
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains($"redirect_uri={redirectUri}", response.Headers.Location!.Query, StringComparison.Ordinal);
    }

    private async Task<List<HttpStatusCode>> SignInPageStatusesAsync(string sender, string citizen, int count)
    {
        var client = factory.CreateClientAs(null);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/konto/logg-inn");
            request.Headers.Add(SenderHeader, sender);
            request.Headers.Add("X-Forwarded-For", citizen);
            using var response = await client.SendAsync(request, Ct);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    public ValueTask DisposeAsync() => factory.DisposeAsync();

    // The test server has no socket: the sender's address comes from a header, set before the host's pipeline.
    private sealed class SenderFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[SenderHeader].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
