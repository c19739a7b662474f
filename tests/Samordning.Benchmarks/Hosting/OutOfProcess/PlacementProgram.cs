using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Benchmarks.Data;
using Samordning.Benchmarks.Harness;
using Samordning.Benchmarks.Scenarios.WholeDay;
using Samordning.Shared.Persistence;
using Samordning.Shared.Time;

namespace Samordning.Benchmarks.Hosting.OutOfProcess;

// --scenario whole-day (in process), and --out-of-process: the headline reads and the whole day (or the one named)
// on a host in this process and then on a host process of its own, each on fresh data of the realistic volume
// (--volume to change it), reported side by side (out-of-process-latest.{json,md}, whole-day-*-latest.{json,md}).
internal static class PlacementProgram
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static bool Selected(BenchmarkOptions options) => options.OutOfProcess || options.Scenario == WholeDayBenchmark.Name;

    public static async Task<int> RunAsync(BenchmarkOptions options, string repositoryRoot, string output, CancellationToken cancellationToken)
    {
        string[] reads = options.OutOfProcess ? [.. HeadlineReads.Names.Where(n => options.Scenario is null || options.Scenario == n)] : [];
        var wholeDay = options.Scenario is null || options.Scenario == WholeDayBenchmark.Name;
        if (reads.Length == 0 && !wholeDay)
        {
            Console.Error.WriteLine($"--out-of-process runs {string.Join(", ", HeadlineReads.Names)} and {WholeDayBenchmark.Name}; not '{options.Scenario}'.");
            return 2;
        }

        var hostDll = Path.Combine(repositoryRoot, "host", "Samordning.Host", "bin", "Release", "net10.0", "Samordning.Host.dll");
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var spec = options.Volume is { } initiatives ? VolumeSpec.WithInitiatives(initiatives) : VolumeSpec.Realistic;
        var readResults = new List<PlacementRead>();
        var days = new List<WholeDayResult>();
        foreach (var outOfProcess in options.OutOfProcess ? new[] { false, true } : [false])
        {
            await using var postgres = options.Database == DatabaseProvider.PostgreSql ? await PostgresRun.CreateAsync(Environment.GetEnvironmentVariable("BENCH_POSTGRES"), cancellationToken) : null;
            var databaseSettings = postgres?.HostSettings ?? new Dictionary<string, string>();
            WholeDayTarget target;
            VolumeSummary volume;
            BenchmarkHost? inProcess = null;
            OutOfProcessHost? process = null;
            try
            {
                if (outOfProcess)
                {
                    process = await OutOfProcessHost.StartAsync(hostDll, databaseSettings, Console.Out, cancellationToken);
                    volume = await GenerateAsync(new ConfigurationBuilder().AddInMemoryCollection(Settings(databaseSettings, process.DataFolder)).Build(), spec, cancellationToken);
                    await process.SignInAsync(WholeDayCast.SignsIn, cancellationToken);
                    target = process.Target();
                }
                else
                {
                    inProcess = BenchmarkHost.Start([], databaseSettings);
                    volume = await GenerateAsync(inProcess.Services.GetRequiredService<IConfiguration>(), spec, cancellationToken);
                    target = WholeDayTarget.InProcess(inProcess.Address, inProcess.Services.GetRequiredService<BenchDatabase>());
                }

                foreach (var read in reads)
                {
                    readResults.Add(await HeadlineReads.RunAsync(read, target, volume, options, Console.Out, cancellationToken));
                }

                if (wholeDay)
                {
                    var day = await WholeDayBenchmark.RunAsync(target, volume, options, Console.Out, cancellationToken);
                    Console.Write(WholeDayReport.Table([day]));
                    days.Add(day);
                }
            }
            finally
            {
                if (process is not null)
                {
                    await process.DisposeAsync();
                }

                if (inProcess is not null)
                {
                    await inProcess.DisposeAsync();
                }
            }
        }

        if (days.Count > 0)
        {
            Console.WriteLine($"Reports: {string.Join(", ", await WholeDayReport.WriteAsync(days, output, cancellationToken))}");
        }

        if (readResults.Count > 0)
        {
            var table = ReadsTable(readResults, options);
            Console.WriteLine();
            Console.Write(table);
            Directory.CreateDirectory(output);
            await File.WriteAllTextAsync(Path.Combine(output, "out-of-process-latest.md"), $"# In process and out of process\n\n{table}", cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(output, "out-of-process-latest.json"),
                JsonSerializer.Serialize(readResults, Json), cancellationToken);
        }

        return days.Any(d => d.Failed) || readResults.Any(r => r.Result.Errors > 0) ? 1 : 0;
    }

    private static Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string> databaseSettings, string dataFolder) =>
        new(databaseSettings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))) { ["Database:DataFolder"] = dataFolder };

    private static async Task<VolumeSummary> GenerateAsync(IConfiguration configuration, VolumeSpec spec, CancellationToken cancellationToken)
    {
        var summary = await VolumeData.GenerateAsync(configuration, spec, new SystemClock(), cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[volume] {summary.Initiatives:N0} initiatives, {summary.ProgressEntries:N0} progress entries; {summary.Elapsed.TotalSeconds:0.0} s"));
        return summary;
    }

    private static string ReadsTable(IReadOnlyList<PlacementRead> reads, BenchmarkOptions options)
    {
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"{options.Database}, {options.Concurrency} workers, warm-up {options.Warmup.TotalSeconds:0} s, {options.Rounds} x {options.Duration.TotalSeconds:0} s counted per placement.\n\n"));
        text.Append("| scenario | placement | req/s | p50 ms | p95 ms | p99 ms | errors | CPU ms/request (see note) | load before -> after |\n|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        foreach (var r in reads.OrderBy(r => Array.IndexOf(HeadlineReads.Names, r.Scenario)).ThenBy(r => r.Placement, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.Placement} | {r.Result.PerSecond:0} | {r.Result.P50Milliseconds:0.0} | {r.Result.P95Milliseconds:0.0} | {r.Result.P99Milliseconds:0.0} | {r.Result.Errors} | {r.HostCpuMillisecondsPerRequest:0.00} | {r.LoadBefore} -> {r.LoadAfter} |\n");
        }

        text.Append("\nCPU per request: in process, the one process holding host and load generator; out of process, the host's process alone.\n");
        foreach (var r in reads.Where(r => r.Result.FirstError is not null))
        {
            text.Append(CultureInfo.InvariantCulture, $"First error, {r.Scenario} {r.Placement}: {r.Result.FirstError}\n");
        }

        return text.ToString();
    }
}
