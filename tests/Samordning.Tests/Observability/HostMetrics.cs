using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Shared.Observability;

namespace Samordning.Tests.Observability;

// Listens to one host's Samordning meter (the one its own IMeterFactory made), so measurements of other test hosts
// running at the same time never count; observable gauges are read on demand, as an exporter would.
internal sealed class HostMetrics : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<(string Name, double Value, Dictionary<string, object?> Tags)> measurements = new();
    private readonly ConcurrentDictionary<string, double> gauges = new(StringComparer.Ordinal);

    public HostMetrics(IServiceProvider services)
    {
        var meters = services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, me) =>
        {
            if (instrument.Meter.Name == SamordningMetrics.Name && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                me.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.Start();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public IReadOnlyList<double> Values(string name, string? tag = null, string? tagValue = null) =>
        [.. measurements.Where(m => m.Name == name && (tag is null || Equals(m.Tags.GetValueOrDefault(tag), tagValue))).Select(m => m.Value)];

    public double Sum(string name, string? tag = null, string? tagValue = null) => Values(name, tag, tagValue).Sum();

    // Waits until the counter's sum (or the gauge's latest reading) satisfies the condition; returns the last value seen.
    public async Task<double> WaitForSumAsync(string name, Func<double, bool> condition, string? tag = null, string? tagValue = null)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        patience.CancelAfter(Patience);
        while (true)
        {
            var sum = Sum(name, tag, tagValue);
            if (condition(sum))
            {
                return sum;
            }

            if (patience.IsCancellationRequested)
            {
                Assert.Fail($"{name} stayed at {sum}.");
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }

    public async Task<double> WaitForGaugeAsync(string name, Func<double, bool> condition)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        patience.CancelAfter(Patience);
        double? last = null;
        while (true)
        {
            gauges.TryRemove(name, out _);
            listener.RecordObservableInstruments();
            if (gauges.TryGetValue(name, out var read))
            {
                last = read;
                if (condition(read))
                {
                    return read;
                }
            }

            if (patience.IsCancellationRequested)
            {
                Assert.Fail($"{name} read {(last is null ? "nothing" : last.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))}.");
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }

    public void Dispose() => listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (instrument.IsObservable)
        {
            gauges[instrument.Name] = value;
            return;
        }

        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        measurements.Enqueue((instrument.Name, value, copy));
    }
}
