using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Samordning.Benchmarks.LiveFanOut;

// The fan-out benchmarks' table (stdout) and JSON: every run's figures, then each measured side's p99 against the
// aim "within 1.5 x the floor's p99 plus a margin, nothing lost", for every client count measured.
internal static class FanOutReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static bool Failed(IReadOnlyList<FanOutResult> results) => results.Any(r => r.Failure is not null || r.Published == 0);

    public static bool AimMet(FanOutResult side, FanOutResult floor, double marginMilliseconds) =>
        side.P99Milliseconds <= Limit(floor, marginMilliseconds) && side.Lost == 0 && side.Duplicates == 0 && side.OutOfOrder == 0 && side.Failure is null;

    public static async Task WriteAsync(IReadOnlyList<FanOutResult> results, string folder, string file, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, file), JsonSerializer.Serialize(results, Json), cancellationToken);
    }

    public static string Table(
        string name, IReadOnlyList<FanOutResult> results, IReadOnlyList<string> measured, double marginMilliseconds, IReadOnlyList<(string Side, string Description)> descriptions)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Scenario {name}\n");
        text.Append(CultureInfo.InvariantCulture, $"  {"clients",7} {"side",-9} {"items",6} {"items/s",8} {"p50 ms",9} {"p95 ms",9} {"p99 ms",9} {"max ms",9} {"lost",7} {"twice",6} {"order",6}\n");
        foreach (var r in results)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"  {r.Clients,7} {r.Side,-9} {r.Published,6} {r.PublishedPerSecond,8:0.0} {r.P50Milliseconds,9:0.0} {r.P95Milliseconds,9:0.0} {r.P99Milliseconds,9:0.0} {r.MaxMilliseconds,9:0.0} {r.Lost,7} {r.Duplicates,6} {r.OutOfOrder,6}{(r.Failure is null ? "" : $"  FAILED: {r.Failure}")}\n");
        }

        foreach (var (clients, side) in results.Select(r => r.Clients).Distinct().SelectMany(c => measured.Select(m => (c, m))))
        {
            if (results.FirstOrDefault(r => r.Clients == clients && r.Side == side) is not { } s
                || results.FirstOrDefault(r => r.Clients == clients && r.Side == "floor") is not { } f)
            {
                continue;
            }

            text.Append(CultureInfo.InvariantCulture,
                $"  {clients} clients, {side}: p99 {s.P99Milliseconds:0.0} ms vs aim <= 1.5 x {f.P99Milliseconds:0.0} + {marginMilliseconds:0} = {Limit(f, marginMilliseconds):0.0} ms, lost {s.Lost}, twice {s.Duplicates}, out of order {s.OutOfOrder}: {(AimMet(s, f, marginMilliseconds) ? "met" : "NOT met")}\n");
        }

        foreach (var (side, description) in descriptions)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {side + ":",-10} {description}\n");
        }

        return text.ToString();
    }

    private static double Limit(FanOutResult floor, double marginMilliseconds) => (1.5 * floor.P99Milliseconds) + marginMilliseconds;
}
