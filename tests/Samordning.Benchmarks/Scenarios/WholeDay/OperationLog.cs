using System.Collections.Concurrent;
using System.Diagnostics;

namespace Samordning.Benchmarks.Scenarios.WholeDay;

// Per operation of the day: every latency and every error, from any number of workers at once.
internal sealed class OperationLog
{
    private readonly ConcurrentDictionary<string, Entries> operations = new(StringComparer.Ordinal);

    // Times the call; an exception is an error of that operation (kept with its first message), not the run's end.
    public async Task TimeAsync(string operation, Func<Task> call)
    {
        var entries = operations.GetOrAdd(operation, _ => new Entries());
        var started = Stopwatch.GetTimestamp();
        try
        {
            await call();
            entries.Latencies.Add(Stopwatch.GetTimestamp() - started);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Interlocked.Increment(ref entries.Errors);
            entries.FirstError ??= $"{exception.GetType().Name}: {exception.Message}";
        }
    }

    public IReadOnlyList<OperationResult> Results(TimeSpan duration, double p99AimMilliseconds) =>
        [.. operations.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o =>
        {
            var sorted = o.Value.Latencies.ToArray();
            Array.Sort(sorted);
            return new OperationResult(o.Key, sorted.Length, o.Value.Errors, sorted.Length / duration.TotalSeconds,
                Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), sorted.Length > 0 ? Milliseconds(sorted[^1]) : double.NaN,
                p99AimMilliseconds, o.Value.FirstError);
        })];

    public static double Percentile(long[] sorted, double quantile) =>
        sorted.Length == 0 ? double.NaN : Milliseconds(sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)]);

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private sealed class Entries
    {
        public readonly ConcurrentBag<long> Latencies = [];
        public long Errors;
        public string? FirstError;
    }
}

internal sealed record OperationResult(
    string Operation, long Count, long Errors, double PerSecond, double P50Milliseconds, double P95Milliseconds, double P99Milliseconds,
    double MaxMilliseconds, double P99AimMilliseconds, string? FirstError)
{
    public bool Met => Errors == 0 && Count > 0 && P99Milliseconds < P99AimMilliseconds;
}
