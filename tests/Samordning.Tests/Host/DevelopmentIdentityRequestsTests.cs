using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Samordning.Host.DevIdentity;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Host;

// The bundled identity provider's OpenIddict server is asked only on its own paths, not on every request.
public sealed partial class DevelopmentIdentityRequestsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RequestHandlers_DevelopmentIdentityProvider_OpenIddictServerNotAskedOnEveryRequest()
    {
        await using var factory = new SamordningFactory();

        var schemes = await factory.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetRequestHandlerSchemesAsync();

        var names = schemes.Select(s => s.Name).ToList();
        Assert.DoesNotContain(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, names);
        Assert.Contains(OpenIdConnectDefaults.AuthenticationScheme, names);
    }

    [Fact]
    public async Task Endpoints_EveryConfiguredOpenIddictEndpoint_UnderTheIdentityProviderPaths()
    {
        await using var factory = new SamordningFactory();
        var options = factory.Services.GetRequiredService<IOptions<OpenIddictServerOptions>>().Value;

        var uris = typeof(OpenIddictServerOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name.EndsWith("EndpointUris", StringComparison.Ordinal) && typeof(IEnumerable<Uri>).IsAssignableFrom(p.PropertyType))
            .SelectMany(p => (IEnumerable<Uri>)p.GetValue(options)!)
            .ToList();

        Assert.NotEmpty(uris);
        Assert.All(uris, uri => Assert.True(
            DevelopmentIdentityRequests.IsIdentityProviderPath("/" + (uri.IsAbsoluteUri ? uri.AbsolutePath.TrimStart('/') : uri.OriginalString.TrimStart('/'))),
            $"{uri} is an OpenIddict endpoint outside {string.Join(", ", DevelopmentIdentityRequests.Prefixes)}: OpenIddict would never see its requests."));
    }

    [Fact]
    public async Task Discovery_Anonymous_ServedByOpenIddict()
    {
        await using var factory = new SamordningFactory();
        var client = factory.CreateClientAs(null);

        var response = await client.GetAsync("/.well-known/openid-configuration", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"authorization_endpoint\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_UnknownClient_RejectedByOpenIddict()
    {
        await using var factory = new SamordningFactory();
        var client = factory.CreateClientAs(null);

        var response = await client.GetAsync("/connect/authorize?client_id=nobody&response_type=code&scope=openid&redirect_uri=http%3A%2F%2Flocalhost%2Fx", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid_request", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_CodeFlowThroughTheBundledProvider_SessionForTheRegisteredPerson()
    {
        // The whole sign-in without a browser: the OpenID Connect handler's redirect, the provider's authorization
        // endpoint (passthrough), its sign-in page, the code, and the handler redeeming it at the token endpoint.
        await using var factory = SamordningFactory.Create(new()
        {
            TestSchemeChallenges = false,
            ConfigureServices = services =>
            {
                services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme)
                    .Configure<IServer>((options, server) => options.BackchannelHttpHandler = ((TestServer)server).CreateHandler());
                services.PostConfigure<AuthenticationOptions>(options =>
                {
                    options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                    options.DefaultAuthenticateScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                    options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
                    options.DefaultForbidScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                });
            },
        });
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var toProvider = await client.GetAsync("/departementer", Ct);
        Assert.Equal(HttpStatusCode.Redirect, toProvider.StatusCode);
        var toSignInPage = await client.GetAsync(toProvider.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.Redirect, toSignInPage.StatusCode);
        var signInPage = await client.GetAsync(toSignInPage.Headers.Location, Ct);
        var html = await signInPage.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, signInPage.StatusCode);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(html).Groups[1].Value,
            ["ReturnUrl"] = WebUtility.HtmlDecode(ReturnUrl().Match(html).Groups[1].Value),
            ["Email"] = People.Coordinator,
            ["Password"] = "demo",
        });
        var signedInAtProvider = await client.PostAsync(toSignInPage.Headers.Location, form, Ct);
        Assert.Equal(HttpStatusCode.Redirect, signedInAtProvider.StatusCode);
        var withCode = await client.GetAsync(signedInAtProvider.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.Redirect, withCode.StatusCode);
        Assert.Contains("code=", withCode.Headers.Location!.Query, StringComparison.Ordinal);
        var session = await client.GetAsync(withCode.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.Redirect, session.StatusCode);

        var page = await client.GetAsync(session.Headers.Location, Ct);

        // The registry page needs a registered person: the session's subject reached the claims transformation.
        Assert.Equal("/departementer", session.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("name=\"ReturnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrl();
}
