using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Benchmarks.Data;
using Samordning.Shared.Time;

namespace Samordning.Benchmarks.Scenarios.Workstreams;

// The realistic volume both workstream scenarios run against, generated once per run into the host's files.
internal sealed class WorkstreamsVolume(TextWriter log)
{
    private Task<VolumeSummary>? generated;

    public Task<VolumeSummary> EnsureAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        generated ??= GenerateAsync(services, cancellationToken);

    private async Task<VolumeSummary> GenerateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var summary = await VolumeData.GenerateAsync(
            services.GetRequiredService<IConfiguration>(), VolumeSpec.Realistic, services.GetRequiredService<IClock>(), cancellationToken);
        log.WriteLine(
            $"[volume] {summary.Ministries} ministries, {summary.Agencies} agencies, {summary.Workstreams} workstreams, {summary.Initiatives:N0} initiatives, " +
            $"{summary.ProgressEntries:N0} progress entries, {summary.DashboardCells:N0} dashboard cells; generated and verified in {summary.Elapsed.TotalSeconds:0.0} s");
        return summary;
    }
}
