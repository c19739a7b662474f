using System.Diagnostics;

namespace Samordning.Benchmarks.Harness;

// For benchmarks that change what the next round finds (the sweep, an import) and so time rounds of their own
// instead of a closed loop: each timed step starts from a collected heap, as BenchmarkDotNet does between
// iterations, so one step's garbage is not collected, on the machine's other core, during the next.
internal static class TimedRounds
{
    public static async Task<(double Milliseconds, T Result)> TimeAsync<T>(Func<Task<T>> operation)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var started = Stopwatch.GetTimestamp();
        var result = await operation();
        return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, result);
    }
}

// One side's timings over the measured rounds, as the report's figures: operations per second and percentiles.
internal sealed class TimedSide
{
    private readonly List<double> milliseconds = [];

    public void Add(double value) => milliseconds.Add(value);

    public SideResult Summary(string description)
    {
        var sorted = milliseconds.Order().ToArray();
        var seconds = sorted.Sum() / 1000;
        double Percentile(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new SideResult(description, sorted.Length, 0, seconds, sorted.Length / seconds,
            Percentile(0.5), Percentile(0.95), Percentile(0.99), [.. milliseconds.Select(ms => 1000 / ms)], null);
    }
}
