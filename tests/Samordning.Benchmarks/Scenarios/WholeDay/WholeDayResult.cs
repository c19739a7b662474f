using System.Diagnostics;
using Samordning.Benchmarks.LiveFanOut;

namespace Samordning.Benchmarks.Scenarios.WholeDay;

// The host's CPU over the measured day (as cores busy on average: 1.0 is one core all the time) and its memory at the
// peak of the per-second samples. GcHeap is null out of process (not readable from another process).
internal sealed record HostUsage(double CpuSeconds, double CoresBusy, double PeakWorkingSetMiB, double? PeakGcHeapMiB, int Samples)
{
    public static HostUsage From(IReadOnlyList<HostUsageSample> samples)
    {
        var (first, last) = (samples[0], samples[^1]);
        var wall = (last.At - first.At) / (double)Stopwatch.Frequency;
        var cpu = (last.Cpu - first.Cpu).TotalSeconds;
        return new(cpu, wall > 0 ? cpu / wall : double.NaN, samples.Max(s => s.WorkingSet) / 1048576.0,
            samples.Any(s => s.GcHeap is not null) ? samples.Max(s => s.GcHeap ?? 0) / 1048576.0 : null, samples.Count);
    }
}

internal sealed record WholeDayResult(
    string Scenario, string Placement, string Database, DateTimeOffset FinishedAt, double Seconds, string LoadBefore, string LoadAfter,
    IReadOnlyList<OperationResult> Operations, FanOutResult Meeting, ReceiptCount Receipts, ReceiptCount WarmUpReceipts, HostUsage Host)
{
    public bool MeetingDelivered => Meeting.Failure is null && Meeting.Lost == 0 && Meeting.Duplicates == 0 && Meeting.OutOfOrder == 0 && Meeting.Delivered > 0;

    public bool MeetingP99Met => Meeting.P99Milliseconds < WholeDayBenchmark.P99AimMilliseconds;

    public bool AllMet => Operations.All(o => o.Met) && MeetingDelivered && MeetingP99Met && Receipts.ExactlyOnce && WarmUpReceipts.ExactlyOnce;

    // What fails the run (as a side that disagrees does elsewhere): an error, a note lost, twice or out of order, or a
    // receipt not stored exactly once. A p99 over the aim is reported, not failed.
    public bool Failed => Operations.Any(o => o.Errors > 0) || !MeetingDelivered || !Receipts.ExactlyOnce || !WarmUpReceipts.ExactlyOnce;
}
