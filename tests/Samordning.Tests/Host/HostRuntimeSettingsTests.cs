using System.Text.Json.Nodes;

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
}
