using Samordning.Benchmarks.Harness;
using Samordning.Benchmarks.Scenarios.MinistriesList;

namespace Samordning.Benchmarks.Scenarios;

// Every scenario, in the order they run. One host serves them all.
internal static class ScenarioCatalog
{
    public static IReadOnlyList<IScenario> All() => [new MinistriesListScenario()];
}
