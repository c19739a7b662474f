using System.Globalization;
using Samordning.Benchmarks.Data;
using Samordning.Benchmarks.Harness;
using Samordning.Benchmarks.Hosting;
using Samordning.Benchmarks.LiveFanOut;
using Samordning.Benchmarks.Scenarios;
using Samordning.Benchmarks.Scenarios.Notifications;
using Samordning.Benchmarks.Scenarios.Workstreams;
using Samordning.Shared.Persistence;

namespace Samordning.Benchmarks;

// Exit codes: 0 every scenario ran and its sides agreed (an aim missed is reported, not failed);
// 1 a scenario failed (preparation, differing results, errors during measurement); 2 bad arguments.
// A class of its own rather than top-level statements: those would declare a Program that hides the host's.
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.Parse(args, Environment.GetEnvironmentVariable);
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            Console.Error.WriteLine(BenchmarkOptions.Usage);
            return 2;
        }

        var onPostgres = options.Database == DatabaseProvider.PostgreSql;
        var scenarios = ScenarioCatalog.For(options.Database).Where(s => options.Scenario is null || s.Name == options.Scenario).ToList();

        // On PostgreSQL the run measures the database scenarios, the sweep and the two-node fan-out (which needs a
        // server database); the fan-out on one node measures no database and runs on the default only.
        var fanOut = !onPostgres && (options.Scenario is null || options.Scenario == LiveFanOutBenchmark.Name);
        var sweep = options.Scenario is null || options.Scenario == NotificationsSweepBenchmark.Name;
        var twoNodes = onPostgres && (options.Scenario is null || options.Scenario == TwoNodeFanOutBenchmark.Name);
        var import = InitiativeImportBenchmark.Selected(options.Scenario);
        if (scenarios.Count == 0 && !fanOut && !sweep && !twoNodes && !import)
        {
            Console.Error.WriteLine($"No scenario is called '{options.Scenario}' on {options.Database}. Known: " +
                $"{string.Join(", ", ScenarioCatalog.For(options.Database).Select(s => s.Name))}, " +
                (onPostgres ? $"{NotificationsSweepBenchmark.Name}, {TwoNodeFanOutBenchmark.Name}" : $"{LiveFanOutBenchmark.Name}, {NotificationsSweepBenchmark.Name}") +
                $", {InitiativeImportBenchmark.PreviewName}" +
                (onPostgres ? "." : $"; with --database PostgreSql also {TwoNodeFanOutBenchmark.Name}."));
            return 2;
        }

        // WebApplicationFactory finds the host's content root through MvcTestingAppManifest.json in the current
        // directory, as under a test runner; a relative --output still means relative to where we were started.
        var output = Path.GetFullPath(options.Output ?? Path.Combine(RepositoryRoot(), "artifacts", "benchmarks"));
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        var startedAt = DateTimeOffset.UtcNow;
        var results = new List<ScenarioResult>();
        IReadOnlyList<FanOutResult> fanOutResults = [];
        IReadOnlyList<FanOutResult> twoNodeResults = [];

        // A database of the run's own on the server, dropped at the end, as the SQLite files are a folder of its own.
        await using var postgres = onPostgres ? await PostgresRun.CreateAsync(Environment.GetEnvironmentVariable("BENCH_POSTGRES"), stop.Token) : null;
        await using (var host = BenchmarkHost.Start(scenarios, postgres?.HostSettings ?? new Dictionary<string, string>()))
        {
            // One connection per worker, kept for the whole run: the benchmark measures requests, not TCP handshakes.
            using var client = new HttpClient(new SocketsHttpHandler
            {
                MaxConnectionsPerServer = options.Concurrency,
                PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
                UseCookies = false,
                UseProxy = false,
                AllowAutoRedirect = false,
            })
            {
                BaseAddress = host.Address,
            };

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Host on {host.Address} ({options.Database}); {options.Concurrency} workers, warm-up {options.Warmup.TotalSeconds:0.#} s, {options.Rounds} rounds x {options.Duration.TotalSeconds:0.#} s per side."));
            var runner = new LoadRunner(options, Console.Out);
            var context = new ScenarioContext(host.Services, client);
            foreach (var scenario in scenarios)
            {
                results.Add(await runner.RunAsync(scenario, context, stop.Token));
            }

            // Stateful (a sweep changes what the next finds), so it measures rounds of its own; reported as scenarios.
            if (sweep)
            {
                results.AddRange(await NotificationsSweepBenchmark.RunAsync(host.Services, options, Console.Out, stop.Token));
            }

            // Stateful too (an import adds what the next finds); absolute aims, reported as scenarios.
            if (import)
            {
                results.AddRange(await InitiativeImportBenchmark.RunAsync(host.Services, client, options, Console.Out, stop.Token));
            }

            // A latency benchmark, not a throughput ratio: it reports on its own (and in live-fanout-latest.json).
            if (fanOut)
            {
                fanOutResults = await LiveFanOutBenchmark.RunAsync(host.Services, host.Address, client, options.Duration, Console.Out, stop.Token);
            }
        }

        // Its own two hosts on the run's database, once the run's host has migrated and seeded it and is gone.
        if (twoNodes && postgres is not null)
        {
            twoNodeResults = await TwoNodeFanOutBenchmark.RunAsync(postgres, options.Duration, Console.Out, stop.Token);
        }

        var report = new BenchmarkReport(
            startedAt,
            Reports.Machine(),
            new RunSettings(options.Warmup.TotalSeconds, options.Duration.TotalSeconds, options.Rounds, options.Concurrency, options.Database.ToString()),
            results);
        Console.WriteLine();
        Console.Write(Reports.Table(report));

        var (json, markdown) = await Reports.WriteAsync(report, output, stop.Token);
        Console.WriteLine($"Reports: {json}, {markdown}");
        if (fanOutResults.Count > 0)
        {
            await LiveFanOutBenchmark.WriteAsync(fanOutResults, output, stop.Token);
        }

        if (twoNodeResults.Count > 0)
        {
            await FanOutReport.WriteAsync(twoNodeResults, output, $"{TwoNodeFanOutBenchmark.Name}-latest.json", stop.Token);
        }

        return results.Any(r => r.Failed) || FanOutReport.Failed(fanOutResults) || FanOutReport.Failed(twoNodeResults) ? 1 : 0;
    }

    // The folder holding Samordning.sln, above wherever the build put this program.
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Samordning.sln")))
            {
                return folder.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
