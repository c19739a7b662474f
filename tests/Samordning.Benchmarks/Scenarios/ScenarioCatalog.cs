using Samordning.Benchmarks.Harness;
using Samordning.Benchmarks.Scenarios.MinistriesList;
using Samordning.Benchmarks.Scenarios.Workstreams;

namespace Samordning.Benchmarks.Scenarios;

// Every scenario, in the order they run. One host serves them all.
internal static class ScenarioCatalog
{
    public static IReadOnlyList<IScenario> All()
    {
        // Generated once, on the first workstream scenario that runs, and shared with the other.
        var volume = new WorkstreamsVolume(Console.Out);
        return [new MinistriesListScenario(), new DashboardScenario(volume), new InitiativeListScenario(volume), new Meetings.MeetingEntryWriteScenario(), new Feedback.FeedbackDeadlineRushScenario()];
    }
}
