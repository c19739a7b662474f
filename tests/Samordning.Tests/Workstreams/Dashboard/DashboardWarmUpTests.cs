using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Dashboard;

namespace Samordning.Tests.Workstreams.Dashboard;

// A node that has started has its dashboard loaded before anybody asks (the first page after a deploy), by the page's
// own loader, without making the node wait for it to be ready.
public sealed class DashboardWarmUpTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_LoadsTheDashboardInTheBackground()
    {
        await using var factory = SamordningFactory.Create(new SamordningFactoryOptions());
        var warmUp = factory.Services.GetServices<IHostedService>().OfType<DashboardWarmUp>().Single();

        await warmUp.Warming.WaitAsync(TimeSpan.FromMinutes(1), Ct);

        Assert.True(factory.Services.GetRequiredService<DashboardSnapshot>().HasKept);
    }
}
