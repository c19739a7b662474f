using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Benchmarks.Data;
using Samordning.Benchmarks.Scenarios.Workstreams;
using Samordning.Shared.Time;

namespace Samordning.Benchmarks.Scenarios.Feedback;

// The input register at the run's volume (two input items per initiative), loaded once per run after the
// initiatives it refers to (their ministries and workstreams), and shared by the scenarios that read the register.
internal sealed class InputVolume(TextWriter log, WorkstreamsVolume workstreams)
{
    private Task<InputSummary>? generated;

    // "100,000 input items", for the scenarios' descriptions.
    public string Items => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{workstreams.Spec.Initiatives * InputData.ItemsPerInitiative:N0} input items");

    public Task<InputSummary> EnsureAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        generated ??= GenerateAsync(services, cancellationToken);

    private async Task<InputSummary> GenerateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var initiatives = await workstreams.EnsureAsync(services, cancellationToken);
        var summary = await InputData.GenerateAsync(
            services.GetRequiredService<IConfiguration>(), workstreams.Spec.Initiatives, initiatives.MinistriesByInitiatives,
            services.GetRequiredService<IClock>().UtcNow, cancellationToken);
        log.WriteLine(
            $"[volume] {summary.Items:N0} input items in {summary.Rounds} rounds; the largest open round has {summary.ReceivedInLargestOpenRound:N0} received; " +
            $"generated in {summary.Elapsed.TotalSeconds:0.0} s");
        return summary;
    }
}
