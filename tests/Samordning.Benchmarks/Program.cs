using System.Globalization;
using Samordning.Benchmarks.Data;
using Samordning.Benchmarks.Harness;
using Samordning.Benchmarks.Hosting;
using Samordning.Benchmarks.LiveFanOut;
using Samordning.Benchmarks.Scenarios;
using Samordning.Benchmarks.Scenarios.Notifications;
using Samordning.Benchmarks.Scenarios.Workstreams;
using Samordning.Benchmarks.Startup;
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

        // WebApplicationFactory finds the host's content root through MvcTestingAppManifest.json in the current
        // directory, as under a test runner; a relative --output still means relative to where we were started.
        var output = Path.GetFullPath(options.Output ?? Path.Combine(RepositoryRoot(), "artifacts", "benchmarks"));
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        if (options.Scenario == StartupBenchmark.Name)
        {
            return await StartupAsync(options, output, stop.Token);
        }

        // Issue 19, points 4 and 5: the whole day, and the host as a process of its own (Hosting/OutOfProcess).
        if (Hosting.OutOfProcess.PlacementProgram.Selected(options))
        {
            return await Hosting.OutOfProcess.PlacementProgram.RunAsync(options, RepositoryRoot(), output, stop.Token);
        }

        if (options.Growth)
        {
            return await GrowthAsync(options, output, stop.Token);
        }

        var onPostgres = options.Database == DatabaseProvider.PostgreSql;
        var volume = options.Volume is { } initiatives ? VolumeSpec.WithInitiatives(initiatives) : VolumeSpec.Realistic;
        var scenarios = ScenarioCatalog.For(options.Database, volume).Where(s => options.Scenario is null || s.Name == options.Scenario).ToList();

        // On PostgreSQL the run measures the database scenarios, the sweep and the two-node fan-out (which needs a
        // server database); the fan-out on one node measures no database and runs on the default only.
        var fanOut = !onPostgres && (options.Scenario is null || options.Scenario == LiveFanOutBenchmark.Name);
        var sweep = options.Scenario is null || options.Scenario == NotificationsSweepBenchmark.Name;
        var twoNodes = onPostgres && (options.Scenario is null || options.Scenario == TwoNodeFanOutBenchmark.Name);
        var import = InitiativeImportBenchmark.Selected(options.Scenario);

        // Thousands of connections: only when named (issue 19, point 3).
        var bigMeeting = BigMeetingBenchmark.Selected(options.Scenario) ? options.Scenario : null;
        if (scenarios.Count == 0 && !fanOut && !sweep && !twoNodes && !import && bigMeeting is null)
        {
            Console.Error.WriteLine($"No scenario is called '{options.Scenario}' on {options.Database}. Known: " +
                $"{string.Join(", ", ScenarioCatalog.For(options.Database, volume).Select(s => s.Name))}, " +
                (onPostgres ? $"{NotificationsSweepBenchmark.Name}, {TwoNodeFanOutBenchmark.Name}" : $"{LiveFanOutBenchmark.Name}, {NotificationsSweepBenchmark.Name}") +
                $", {InitiativeImportBenchmark.PreviewName}, {StartupBenchmark.Name}, {BigMeetingBenchmark.Name}, {BigMeetingBenchmark.ManyName}" +
                (onPostgres ? "." : $"; with --database PostgreSql also {TwoNodeFanOutBenchmark.Name}."));
            return 2;
        }

        Directory.SetCurrentDirectory(AppContext.BaseDirectory);

        var startedAt = DateTimeOffset.UtcNow;
        var results = new List<ScenarioResult>();
        IReadOnlyList<FanOutResult> fanOutResults = [];
        IReadOnlyList<FanOutResult> twoNodeResults = [];
        IReadOnlyList<FanOutResult> bigMeetingResults = [];

        // A database of the run's own on the server, dropped at the end, as the SQLite files are a folder of its own.
        await using var postgres = onPostgres ? await PostgresRun.CreateAsync(Environment.GetEnvironmentVariable("BENCH_POSTGRES"), stop.Token) : null;
        await using (var host = BenchmarkHost.Start(scenarios, postgres?.HostSettings ?? new Dictionary<string, string>()))
        {
            using var client = Client(host, options);
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

            if (bigMeeting is not null)
            {
                bigMeetingResults = await BigMeetingBenchmark.RunAsync(bigMeeting, host.Services, host.Address, options, Console.Out, stop.Token);
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
            Settings(options),
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

        if (bigMeeting is not null)
        {
            await BigMeetingBenchmark.WriteAsync(bigMeeting, bigMeetingResults, output, stop.Token);
        }

        return results.Any(r => r.Failed) || FanOutReport.Failed(fanOutResults) || FanOutReport.Failed(twoNodeResults) || BigMeetingBenchmark.Failed(bigMeetingResults) ? 1 : 0;
    }

    // Start-up (issue 19, point 6): the built host as processes of its own; see StartupBenchmark.
    private static async Task<int> StartupAsync(BenchmarkOptions options, string output, CancellationToken cancellationToken)
    {
        var report = await StartupBenchmark.RunAsync(RepositoryRoot(), options.Rounds, Console.Out, cancellationToken);
        Console.WriteLine();
        Console.Write(StartupBenchmark.Table(report));
        Console.WriteLine($"Report: {await StartupBenchmark.WriteAsync(report, output, cancellationToken)}");
        return 0;
    }

    // Growth (issue 19, point 2): the volume scenarios (or the one named) at each volume, each volume in a host and
    // data of its own, then the table and charts of every point measured so far (GrowthReport).
    private static async Task<int> GrowthAsync(BenchmarkOptions options, string output, CancellationToken cancellationToken)
    {
        var known = ScenarioCatalog.Growing(options.Database, VolumeSpec.Realistic).Select(s => s.Name).ToList();
        // Several may be named, comma-separated, so that they share each volume's loading.
        var named = options.Scenario?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (named is not null && named.FirstOrDefault(n => !known.Contains(n)) is { } unknown)
        {
            Console.Error.WriteLine($"--growth runs the scenarios over the workstreams' volume: {string.Join(", ", known)}; not '{unknown}'.");
            return 2;
        }

        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var points = new List<GrowthPoint>();
        var failed = false;
        foreach (var initiatives in options.Volumes)
        {
            var scenarios = ScenarioCatalog.Growing(options.Database, VolumeSpec.WithInitiatives(initiatives)).Where(s => named is null || named.Contains(s.Name)).ToList();
            await using var postgres = options.Database == DatabaseProvider.PostgreSql ? await PostgresRun.CreateAsync(Environment.GetEnvironmentVariable("BENCH_POSTGRES"), cancellationToken) : null;
            await using var host = BenchmarkHost.Start(scenarios, postgres?.HostSettings ?? new Dictionary<string, string>());
            using var client = Client(host, options);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[growth] {initiatives:N0} initiatives"));
            var runner = new LoadRunner(options, Console.Out);
            var context = new ScenarioContext(host.Services, client);
            foreach (var scenario in scenarios)
            {
                var result = await runner.RunAsync(scenario, context, cancellationToken);
                failed |= result.Failed;
                Console.Write(Reports.Table(new BenchmarkReport(DateTimeOffset.UtcNow, Reports.Machine(), Settings(options), [result])));
                if (!result.Failed)
                {
                    points.Add(GrowthReport.Point(result, options.Database.ToString(), initiatives, Reports.LoadAverage()));
                }
            }
        }

        Console.WriteLine();
        Console.Write(GrowthReport.Table(points));
        Console.WriteLine($"Reports: {string.Join(", ", await GrowthReport.AddAsync(points, output, cancellationToken))}");
        return failed ? 1 : 0;
    }

    // One connection per worker, kept for the whole run: the benchmark measures requests, not TCP handshakes.
    private static HttpClient Client(BenchmarkHost host, BenchmarkOptions options)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Host on {host.Address} ({options.Database}); {options.Concurrency} workers, warm-up {options.Warmup.TotalSeconds:0.#} s, {options.Rounds} rounds x {options.Duration.TotalSeconds:0.#} s per side."));
        return new HttpClient(new SocketsHttpHandler
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
    }

    private static RunSettings Settings(BenchmarkOptions options) =>
        new(options.Warmup.TotalSeconds, options.Duration.TotalSeconds, options.Rounds, options.Concurrency, options.Database.ToString());

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
