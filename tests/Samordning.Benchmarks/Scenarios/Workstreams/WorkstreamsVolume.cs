using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Benchmarks.Data;
using Samordning.Shared.Time;

namespace Samordning.Benchmarks.Scenarios.Workstreams;

// The volume the workstream scenarios run against (the realistic 50,000 initiatives unless --volume says otherwise),
// generated once per run into the host's files.
internal sealed class WorkstreamsVolume(TextWriter log, VolumeSpec spec)
{
    public VolumeSpec Spec => spec;

    // "50,000 initiatives", for the scenarios' descriptions.
    public string Initiatives => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{spec.Initiatives:N0} initiatives");

    private Task<VolumeSummary>? generated;

    public Task<VolumeSummary> EnsureAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        generated ??= GenerateAsync(services, cancellationToken);

    private async Task<VolumeSummary> GenerateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var summary = await VolumeData.GenerateAsync(
            services.GetRequiredService<IConfiguration>(), spec, services.GetRequiredService<IClock>(), cancellationToken);
        log.WriteLine(
            $"[volume] {summary.Ministries} ministries, {summary.Agencies} agencies, {summary.Workstreams} workstreams, {summary.Initiatives:N0} initiatives, " +
            $"{summary.ProgressEntries:N0} progress entries, {summary.DashboardCells:N0} dashboard cells; generated and verified in {summary.Elapsed.TotalSeconds:0.0} s");
        return summary;
    }
}
