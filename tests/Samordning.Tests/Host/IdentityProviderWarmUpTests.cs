using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Moq;
using Samordning.Host.Auth;

namespace Samordning.Tests.Host;

public sealed class IdentityProviderWarmUpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Started_FetchesTheProvidersConfigurationOnce()
    {
        var manager = new Mock<IConfigurationManager<OpenIdConnectConfiguration>>();
        manager.Setup(m => m.GetConfigurationAsync(It.IsAny<CancellationToken>())).ReturnsAsync(new OpenIdConnectConfiguration());
        var warmUp = WarmUp(manager.Object);

        await warmUp.StartedAsync(Ct);
        await warmUp.Warming;

        manager.Verify(m => m.GetConfigurationAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Started_ProviderDoesNotAnswer_StartsAnyway()
    {
        var manager = new Mock<IConfigurationManager<OpenIdConnectConfiguration>>();
        manager.Setup(m => m.GetConfigurationAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("refused"));
        var warmUp = WarmUp(manager.Object);

        await warmUp.StartedAsync(Ct);
        var failure = await Record.ExceptionAsync(() => warmUp.Warming);

        Assert.Null(failure);
        manager.Verify(m => m.GetConfigurationAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    private static IdentityProviderWarmUp WarmUp(IConfigurationManager<OpenIdConnectConfiguration> manager)
    {
        var options = new Mock<IOptionsMonitor<OpenIdConnectOptions>>();
        options.Setup(o => o.Get(OpenIdConnectDefaults.AuthenticationScheme)).Returns(new OpenIdConnectOptions { ConfigurationManager = manager });
        var lifetime = new Mock<IHostApplicationLifetime>();
        lifetime.Setup(l => l.ApplicationStopping).Returns(CancellationToken.None);
        return new IdentityProviderWarmUp(options.Object, lifetime.Object, NullLogger<IdentityProviderWarmUp>.Instance, NullLoggerFactory.Instance);
    }
}
