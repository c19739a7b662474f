using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Samordning.Benchmarks.Harness;

// Issue 19, growth: latency against volume. Each --growth run adds its points to growth.json in the output folder
// (a point per scenario, database and volume replaces the one measured before), so the SQLite and PostgreSQL runs,
// made one after the other, end in the same table and charts: growth.md, and growth-SCENARIO.svg with the
// subject's p50 and p95 per provider against the number of initiatives.
internal static class GrowthReport
{
    public const double P95AimMilliseconds = 50;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<IReadOnlyList<string>> AddAsync(IReadOnlyList<GrowthPoint> measured, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "growth.json");
        var points = File.Exists(file)
            ? JsonSerializer.Deserialize<List<GrowthPoint>>(await File.ReadAllTextAsync(file, cancellationToken), Json) ?? []
            : [];
        points.RemoveAll(p => measured.Any(m => m.Scenario == p.Scenario && m.Database == p.Database && m.Initiatives == p.Initiatives));
        points.AddRange(measured);
        points = [.. points.OrderBy(p => p.Scenario, StringComparer.Ordinal).ThenBy(p => p.Database, StringComparer.Ordinal).ThenBy(p => p.Initiatives)];
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(points, Json), cancellationToken);

        var written = new List<string> { file, Path.Combine(folder, "growth.md") };
        await File.WriteAllTextAsync(written[1], Table(points), cancellationToken);
        foreach (var scenario in points.GroupBy(p => p.Scenario))
        {
            var chart = Path.Combine(folder, $"growth-{scenario.Key}.svg");
            await File.WriteAllTextAsync(chart, Chart(scenario.Key, [.. scenario]), cancellationToken);
            written.Add(chart);
        }

        return written;
    }

    public static string Chart(string scenario, IReadOnlyList<GrowthPoint> points)
    {
        var series = new List<SvgChart.Series>();
        foreach (var database in points.GroupBy(p => p.Database))
        {
            series.Add(new($"{database.Key} p95", [.. database.Select(p => ((double)p.Initiatives, p.P95Milliseconds))]));
            series.Add(new($"{database.Key} p50", [.. database.Select(p => ((double)p.Initiatives, p.P50Milliseconds))], Dashed: true));
        }

        return SvgChart.Lines($"{scenario}: latency against volume", "initiatives (log scale)", "ms (subject, 8 clients)", series,
            [new SvgChart.Aim($"aim p95 < {P95AimMilliseconds:0} ms", P95AimMilliseconds)]);
    }

    public static string Table(IReadOnlyList<GrowthPoint> points)
    {
        var text = new StringBuilder();
        Line(text, "| scenario | database | initiatives | subject req/s | p50 ms | p95 ms | p99 ms | floor p95 ms | ratio | measured (UTC), load average |");
        Line(text, "|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var p in points)
        {
            Line(text, $"| {p.Scenario} | {p.Database} | {p.Initiatives:N0} | {p.RequestsPerSecond:N1} | {p.P50Milliseconds:0.0} | {p.P95Milliseconds:0.0} | {p.P99Milliseconds:0.0} | {p.FloorP95Milliseconds:0.0} | {p.Ratio:0.000} | {p.MeasuredAt:yyyy-MM-dd HH:mm}, {p.LoadAverage} |");
        }

        return text.ToString();
    }

    public static GrowthPoint Point(ScenarioResult result, string database, int initiatives, string loadAverage) => new(
        result.Name, database, initiatives,
        result.Subject?.RequestsPerSecond ?? 0, result.Subject?.P50Milliseconds ?? 0, result.Subject?.P95Milliseconds ?? 0, result.Subject?.P99Milliseconds ?? 0,
        result.Floor?.P95Milliseconds ?? 0, result.Ratio ?? 0, DateTimeOffset.UtcNow, loadAverage);

    private static void Line(StringBuilder text, FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}

internal sealed record GrowthPoint(
    string Scenario, string Database, int Initiatives, double RequestsPerSecond, double P50Milliseconds, double P95Milliseconds, double P99Milliseconds,
    double FloorP95Milliseconds, double Ratio, DateTimeOffset MeasuredAt, string LoadAverage);
