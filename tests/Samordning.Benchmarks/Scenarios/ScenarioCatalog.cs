using Samordning.Benchmarks.Harness;
using Samordning.Benchmarks.Scenarios.MinistriesList;
using Samordning.Benchmarks.Scenarios.Workstreams;
using Samordning.Shared.Persistence;

namespace Samordning.Benchmarks.Scenarios;

// Every scenario, in the order they run. One host serves them all.
internal static class ScenarioCatalog
{
    // Every scenario's floor runs on either provider (through BenchDatabase).
    public static IReadOnlyList<IScenario> For(DatabaseProvider database) => database is DatabaseProvider.Sqlite or DatabaseProvider.PostgreSql ? All() : [];

    public static IReadOnlyList<IScenario> All()
    {
        // Generated once, on the first workstream scenario that runs, and shared with the other.
        var volume = new WorkstreamsVolume(Console.Out);
        return [new MinistriesListScenario(), new DashboardScenario(volume), new InitiativeListScenario(volume), new Search.SearchScenario(volume), new Overlaps.OverlapsScenario(volume), new Meetings.MeetingEntryWriteScenario(), new Feedback.FeedbackDeadlineRushScenario(), new PublicPages.PublicPagesScenario()];
    }
}
