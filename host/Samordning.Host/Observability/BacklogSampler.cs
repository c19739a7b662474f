using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Samordning.Shared.Observability;
using Samordning.Shared.Time;

namespace Samordning.Host.Observability;

// The queue gauges (samordning.outbox.depth, samordning.mail.queue.oldest_age, …) read what this sampler measured
// last. An exporter collects on its own thread, and a gauge that queried the database there would hold it for as
// long as the database takes (or forever when it is away); here each probe runs every BacklogSampleSeconds with a
// timeout, and only while something listens to the gauges. A probe that failed reports nothing rather than a
// stale figure. The age is counted at collection from the oldest item's creation, so it grows between samples.
internal sealed partial class BacklogSampler : BackgroundService
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    private readonly IBacklogProbe[] probes;
    // Boxed: the collector's thread reads a whole sample or none, never half of one being written.
    private readonly StrongBox<Backlog>?[] latest;
    private readonly List<Instrument> gauges = [];
    private readonly IClock clock;
    private readonly TelemetrySettings settings;
    private readonly ILogger<BacklogSampler> logger;

    public BacklogSampler(IEnumerable<IBacklogProbe> probes, SamordningMetrics metrics, IClock clock, TelemetrySettings settings, ILogger<BacklogSampler> logger)
    {
        this.probes = [.. probes];
        this.clock = clock;
        this.settings = settings;
        this.logger = logger;
        latest = new StrongBox<Backlog>?[this.probes.Length];
        for (var i = 0; i < this.probes.Length; i++)
        {
            var slot = i;
            var queue = this.probes[i].Queue;
            gauges.Add(metrics.Meter.CreateObservableGauge(
                $"samordning.{queue}.depth", () => Depth(slot), "{item}", $"Items waiting in the {queue}."));
            gauges.Add(metrics.Meter.CreateObservableGauge(
                $"samordning.{queue}.oldest_age", () => OldestAge(slot), "s", $"How long the oldest item in the {queue} has waited."));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.BacklogSampleInterval);
        do
        {
            if (gauges.Exists(g => g.Enabled))
            {
                await SampleAsync(stoppingToken);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SampleAsync(CancellationToken stoppingToken)
    {
        for (var i = 0; i < probes.Length; i++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(ProbeTimeout);
            try
            {
                Volatile.Write(ref latest[i], new StrongBox<Backlog>(await probes[i].MeasureAsync(timeout.Token)));
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                Volatile.Write(ref latest[i], null);
                LogFailed(logger, exception, probes[i].Queue);
            }
        }
    }

    private IEnumerable<Measurement<long>> Depth(int slot) =>
        Volatile.Read(ref latest[slot]) is { Value: var backlog } ? [new(backlog.Depth)] : [];

    private IEnumerable<Measurement<double>> OldestAge(int slot) =>
        Volatile.Read(ref latest[slot]) is { Value: var backlog }
            ? [new(backlog.Oldest is { } oldest ? Math.Max(0, (clock.UtcNow - oldest).TotalSeconds) : 0)]
            : [];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not measure the {Queue}; its gauges report nothing until the next sample.")]
    private static partial void LogFailed(ILogger logger, Exception exception, string queue);
}
