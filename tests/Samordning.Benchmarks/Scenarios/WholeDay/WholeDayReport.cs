using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Samordning.Benchmarks.Scenarios.WholeDay;

// The whole day's table (console and markdown) and JSON: whole-day-{placement}-latest.{json,md} in the output folder.
internal static class WholeDayReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static string Table(IReadOnlyList<WholeDayResult> results)
    {
        var text = new StringBuilder();
        foreach (var r in results)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n### {r.Scenario}, {r.Placement}, {r.Database}: {r.Seconds:0} s, load {r.LoadBefore} -> {r.LoadAfter}\n\n");
            text.Append("| operation | count | per s | errors | p50 ms | p95 ms | p99 ms | max ms | p99 < 250 ms |\n|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
            foreach (var o in r.Operations)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"| {o.Operation} | {o.Count} | {o.PerSecond:0.0} | {o.Errors} | {o.P50Milliseconds:0.0} | {o.P95Milliseconds:0.0} | {o.P99Milliseconds:0.0} | {o.MaxMilliseconds:0} | {(o.Met ? "met" : "MISSED")} |\n");
            }

            var m = r.Meeting;
            text.Append(CultureInfo.InvariantCulture,
                $"| meeting: note delivered to {m.Clients} | {m.Delivered} of {m.Expected} | {m.PublishedPerSecond:0.0} notes | {m.Lost} lost, {m.Duplicates} twice, {m.OutOfOrder} out of order | {m.P50Milliseconds:0.0} | {m.P95Milliseconds:0.0} | {m.P99Milliseconds:0.0} | {m.MaxMilliseconds:0} | {(r.MeetingDelivered && r.MeetingP99Met ? "met" : "MISSED")} |\n\n");
            if (m.Failure is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $"Meeting failed: {m.Failure}\n\n");
            }

            foreach (var o in r.Operations.Where(o => o.FirstError is not null))
            {
                text.Append(CultureInfo.InvariantCulture, $"First error, {o.Operation}: {o.FirstError}\n\n");
            }

            text.Append(CultureInfo.InvariantCulture,
                $"Receipts: {r.Receipts.Receipts} answered, {r.Receipts.Distinct} distinct, {r.Receipts.Stored} stored, {r.Receipts.StoredWithReceipt} with a receipt's reference: {(r.Receipts.ExactlyOnce ? "each stored once" : "NOT each stored once")} (warm-up: {r.WarmUpReceipts.Receipts} answered, {r.WarmUpReceipts.Stored} stored, {(r.WarmUpReceipts.ExactlyOnce ? "each once" : "NOT each once")}).\n\n");
            var heap = r.Host.PeakGcHeapMiB is { } gc ? string.Create(CultureInfo.InvariantCulture, $", GC heap peak {gc:0} MiB") : ", GC heap not readable from outside the host's process";
            text.Append(CultureInfo.InvariantCulture,
                $"Host: {r.Host.CpuSeconds:0.0} s CPU = {r.Host.CoresBusy:0.00} cores busy on average, working set peak {r.Host.PeakWorkingSetMiB:0} MiB{heap} ({(r.Placement == "in-process" ? "host and load generator share the process" : "the host's process alone")}).\n");
            text.Append(CultureInfo.InvariantCulture, $"Aims: {(r.AllMet ? "all met" : "not all met")}.\n");
        }

        return text.ToString();
    }

    public static async Task<IReadOnlyList<string>> WriteAsync(IReadOnlyList<WholeDayResult> results, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var group in results.GroupBy(r => r.Placement))
        {
            var json = Path.Combine(folder, $"{WholeDayBenchmark.Name}-{group.Key}-latest.json");
            var markdown = Path.ChangeExtension(json, ".md");
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(group.ToList(), Json), cancellationToken);
            await File.WriteAllTextAsync(markdown, $"# Whole day ({group.Key})\n{Table([.. group])}", cancellationToken);
            written.AddRange([json, markdown]);
        }

        return written;
    }
}
