using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Samordning.Benchmarks.Harness;

// The table on stdout and the same figures as JSON (for tools and trends) and Markdown (for people and PRs).
internal static class Reports
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static MachineInfo Machine() => new(
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.ProcessArchitecture.ToString(),
        Environment.ProcessorCount,
        ProcessorModel(),
        GCSettings.IsServerGC,
#if DEBUG
        "Debug");
#else
        "Release");
#endif

    // The machine's load average (1, 5 and 15 minutes), written beside figures measured on a shared machine.
    public static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    public static string Table(BenchmarkReport report)
    {
        var text = new StringBuilder();
        foreach (var scenario in report.Scenarios)
        {
            Line(text, $"Scenario {scenario.Name}");
            if (scenario.Subject is { } subject && scenario.Floor is { } floor)
            {
                Line(text, $"  {"",-8} {"req/s",12} {"p50 ms",9} {"p95 ms",9} {"p99 ms",9} {"requests",11} {"errors",7} {"cpu ms/req (process, db)",26}");
                Row(text, "subject", subject);
                Row(text, "floor", floor);
                Line(text, $"  ratio subject/floor {scenario.Ratio:0.000} (rounds {Spread(scenario.RoundRatios)}); aim >= {scenario.Aim:0.00}: {(scenario.AimMet == true ? "met" : "NOT met")}");
                if (scenario.P95AimMilliseconds is { } p95Aim)
                {
                    Line(text, $"  subject p95 {subject.P95Milliseconds:0.0} ms; aim < {p95Aim:0} ms: {(scenario.P95AimMet == true ? "met" : "NOT met")}");
                }

                Line(text, $"  subject: {subject.Description}");
                Line(text, $"  floor:   {floor.Description}");
                if ((subject.FirstError ?? floor.FirstError) is { } error)
                {
                    Line(text, $"  first error: {error}");
                }
            }

            if (scenario.Failure is { } failure)
            {
                Line(text, $"  FAILED: {failure}");
            }
        }

        return text.ToString();
    }

    public static async Task<(string Json, string Markdown)> WriteAsync(BenchmarkReport report, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var stamp = report.StartedAt.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var json = Path.Combine(folder, $"benchmarks-{stamp}.json");
        var markdown = Path.Combine(folder, $"benchmarks-{stamp}.md");
        await File.WriteAllTextAsync(json, JsonSerializer.Serialize(report, Json), cancellationToken);
        await File.WriteAllTextAsync(markdown, Markdown(report), cancellationToken);

        // Stable names for scripts and CI to pick up the latest run.
        File.Copy(json, Path.Combine(folder, "latest.json"), overwrite: true);
        File.Copy(markdown, Path.Combine(folder, "latest.md"), overwrite: true);
        return (json, markdown);
    }

    private static string Markdown(BenchmarkReport report)
    {
        var text = new StringBuilder();
        var machine = report.Machine;
        var settings = report.Settings;
        Line(text, $"# Benchmarks, {report.StartedAt:yyyy-MM-dd HH:mm:ss 'UTC'}");
        Line(text, "");
        Line(text, $"Machine: {machine.ProcessorCount} logical processors ({machine.ProcessorModel ?? "unknown model"}), {machine.Os}, " +
            $"{machine.Runtime} {machine.Architecture}, {(machine.ServerGc ? "server" : "workstation")} GC, {machine.Configuration} build.");
        Line(text, $"Load: {settings.Concurrency} concurrent workers, warm-up {settings.WarmupSeconds:0.#} s per side, then {settings.Rounds} rounds of " +
            $"{settings.DurationSeconds:0.#} s per side, subject and floor alternating. The load generator runs in the host's process. Database: {settings.Database}.");
        foreach (var scenario in report.Scenarios)
        {
            Line(text, "");
            Line(text, $"## {scenario.Name}");
            Line(text, "");
            if (scenario.Subject is { } subject && scenario.Floor is { } floor)
            {
                Line(text, $"- Subject: {subject.Description}");
                Line(text, $"- Floor: {floor.Description}");
                Line(text, "");
                Line(text, "| side | req/s | p50 ms | p95 ms | p99 ms | requests | errors | CPU ms/request (process, database) |");
                Line(text, "|---|---:|---:|---:|---:|---:|---:|---:|");
                MarkdownRow(text, "subject", subject);
                MarkdownRow(text, "floor", floor);
                Line(text, "");
                Line(text, $"**Ratio subject/floor: {scenario.Ratio:0.000}** (per round: {string.Join(", ", scenario.RoundRatios.Select(r => r.ToString("0.000", CultureInfo.InvariantCulture)))}). " +
                    $"Aim >= {scenario.Aim:0.00}: {(scenario.AimMet == true ? "met" : "not met")}." +
                    (scenario.P95AimMilliseconds is { } p95Aim ? $" Subject p95 aim < {p95Aim:0} ms: {(scenario.P95AimMet == true ? "met" : "not met")}." : ""));
                if ((subject.FirstError ?? floor.FirstError) is { } error)
                {
                    Line(text, "");
                    Line(text, $"First error: `{error}`");
                }
            }

            if (scenario.Failure is { } failure)
            {
                Line(text, "");
                Line(text, $"**Failed:** {failure}");
            }
        }

        return text.ToString();
    }

    private static void Row(StringBuilder text, string side, SideResult result) =>
        Line(text, $"  {side,-8} {result.RequestsPerSecond,12:N1} {result.P50Milliseconds,9:0.000} {result.P95Milliseconds,9:0.000} {result.P99Milliseconds,9:0.000} {result.Requests,11:N0} {result.Errors,7:N0} {Cpu(result),26}");

    private static void MarkdownRow(StringBuilder text, string side, SideResult result) =>
        Line(text, $"| {side} | {result.RequestsPerSecond:N1} | {result.P50Milliseconds:0.000} | {result.P95Milliseconds:0.000} | {result.P99Milliseconds:0.000} | {result.Requests:N0} | {result.Errors:N0} | {Cpu(result)} |");

    private static string Cpu(SideResult result) =>
        string.Create(CultureInfo.InvariantCulture, $"{result.ProcessCpuMillisecondsPerRequest:0.000}, {result.DatabaseCpuMillisecondsPerRequest:0.000}");

    private static string Spread(IReadOnlyList<double> values) =>
        values.Count == 0 ? "none" : string.Create(CultureInfo.InvariantCulture, $"{values.Min():0.000}-{values.Max():0.000}");

    private static void Line(StringBuilder text, FormattableString line) =>
        text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');

    private static string? ProcessorModel()
    {
        try
        {
            return File.Exists("/proc/cpuinfo")
                ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
