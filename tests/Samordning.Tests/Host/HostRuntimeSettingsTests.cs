using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Host;

// The host's runtime settings (host/HostRuntime.props) as the built host gets them: its runtimeconfig.json, which the
// runtime reads at start. Thread-pool spinning took a quarter of the host's CPU on two cores (docs/benchmarks.md).
public sealed class HostRuntimeSettingsTests
{
    [Fact]
    public void BuiltHost_WorkersSleepWithoutSpinning_ServerGc()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Samordning.Host.runtimeconfig.json");
        var settings = JsonNode.Parse(File.ReadAllText(file))!["runtimeOptions"]!["configProperties"]!;

        Assert.Equal(0, settings["System.Threading.ThreadPool.UnfairSemaphoreSpinLimit"]?.GetValue<int>());
        Assert.True(settings["System.GC.Server"]?.GetValue<bool>());
        Assert.True(settings["System.GC.Concurrent"]?.GetValue<bool>());
    }

    // One after the other, the hosted services' starts (Kestrel's pipeline, Hangfire's server, the workers) leave
    // the second core idle for most of a start (docs/benchmarks.md, Start-up).
    [Fact]
    public async Task Host_StartsItsHostedServicesSideBySide()
    {
        await using var factory = new SamordningFactory();

        Assert.True(factory.Services.GetRequiredService<IOptions<HostOptions>>().Value.ServicesStartConcurrently);
    }
}
