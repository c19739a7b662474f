using Samordning.Benchmarks.Data;
using Samordning.Benchmarks.Harness;
using Samordning.Benchmarks.Scenarios.MinistriesList;
using Samordning.Benchmarks.Scenarios.Workstreams;
using Samordning.Shared.Persistence;

namespace Samordning.Benchmarks.Scenarios;

// Every scenario, in the order they run. One host serves them all.
internal static class ScenarioCatalog
{
    // Every scenario's floor runs on either provider (through BenchDatabase).
    public static IReadOnlyList<IScenario> For(DatabaseProvider database, VolumeSpec volume) =>
        database is DatabaseProvider.Sqlite or DatabaseProvider.PostgreSql ? All(volume) : [];

    // The scenarios over the workstreams' volume: what --volume changes and --growth runs at each volume.
    public static IReadOnlyList<IScenario> Growing(DatabaseProvider database, VolumeSpec volume) =>
        [.. For(database, volume).Where(s => s is DashboardScenario or InitiativeListScenario or InitiativeSearchScenario or Search.SearchScenario or Overlaps.OverlapsScenario or Feedback.RegisterScenario or Overview.MyOverviewScenario)];

    public static IReadOnlyList<IScenario> All(VolumeSpec volume)
    {
        // Generated once, on the first workstream scenario that runs, and shared with the others.
        var workstreams = new WorkstreamsVolume(Console.Out, volume);
        // The input register's two items per initiative, loaded after the initiatives on the first scenario that reads them.
        var input = new Feedback.InputVolume(Console.Out, workstreams);
        return [new MinistriesListScenario(), new DashboardScenario(workstreams), new InitiativeListScenario(workstreams), new InitiativeSearchScenario(workstreams), new Search.SearchScenario(workstreams, input),
            new Feedback.RegisterScenario(input, searched: false), new Feedback.RegisterScenario(input, searched: true), new Overlaps.OverlapsScenario(workstreams), new Overview.MyOverviewScenario(workstreams), new Meetings.MeetingEntryWriteScenario(), new Feedback.FeedbackDeadlineRushScenario(), new PublicPages.PublicPagesScenario()];
    }
}
