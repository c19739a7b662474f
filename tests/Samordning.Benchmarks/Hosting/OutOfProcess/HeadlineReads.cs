using System.Diagnostics;
using System.Globalization;
using Samordning.Benchmarks.Data;
using Samordning.Benchmarks.Harness;
using Samordning.Benchmarks.Scenarios.WholeDay;

namespace Samordning.Benchmarks.Hosting.OutOfProcess;

// The headline read scenarios' subjects (search, the initiative list, the dashboard, the public pages), measured
// the same way on a host in this process and on a host process of its own: closed-loop workers (--concurrency) for
// the warm-up, then --rounds x --duration counted. No floor: a floor endpoint lives inside the benchmark's host, and
// what point 5 asks is how much the in-process generator's share of the CPU compresses the figures.
internal static class HeadlineReads
{
    public static readonly string[] Names = ["search", "workstreams-initiatives-filtered", "workstreams-dashboard", "public-pages"];

    public static async Task<PlacementRead> RunAsync(
        string name, WholeDayTarget target, VolumeSummary volume, BenchmarkOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var coordinator = WholeDayCast.SeededCoordinator;
        string[] paths = name switch
        {
            "search" => ["/api/search?q=barnehageplassene&pageSize=20"],
            "workstreams-initiatives-filtered" => [$"/api/workstreams/initiatives?ministryId={volume.MinistriesByInitiatives[2].Id}&phase=InProgress&page=2&pageSize=50"],
            "workstreams-dashboard" => ["/api/workstreams/dashboard"],
            _ => ["/prosess", "/innspill"],
        };
        var anonymous = name == "public-pages";
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, UseProxy = false, MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = target.Address,
        };
        var anonymousTarget = target with { Credentials = _ => new Dictionary<string, string>() };
        var requests = new WholeDayRequests(client, anonymous ? anonymousTarget : target);
        var next = 0L;
        Task Operation(OperationLog into, CancellationToken ct) =>
            into.TimeAsync(name, () => requests.GetAsync(coordinator, paths[Interlocked.Increment(ref next) % paths.Length], ct));

        await LoopAsync(new OperationLog(), Operation, options.Concurrency, options.Warmup, cancellationToken);
        var measured = new OperationLog();
        var before = target.Usage();
        var loadBefore = Reports.LoadAverage();
        var elapsed = TimeSpan.Zero;
        for (var round = 0; round < options.Rounds; round++)
        {
            elapsed += await LoopAsync(measured, Operation, options.Concurrency, options.Duration, cancellationToken);
        }

        var after = target.Usage();
        var result = measured.Results(elapsed, double.PositiveInfinity).Single();
        var read = new PlacementRead(name, target.Placement, result, (after.Cpu - before.Cpu).TotalMilliseconds / Math.Max(1, result.Count), loadBefore, Reports.LoadAverage());
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[{name}] {target.Placement}: {result.PerSecond:0} req/s, p50 {result.P50Milliseconds:0.0} ms, p95 {result.P95Milliseconds:0.0} ms, p99 {result.P99Milliseconds:0.0} ms, {result.Errors} errors, host CPU {read.HostCpuMillisecondsPerRequest:0.00} ms/request (load {read.LoadBefore} -> {read.LoadAfter})"));
        return read;
    }

    private static async Task<TimeSpan> LoopAsync(OperationLog into, Func<OperationLog, CancellationToken, Task> operation, int workers, TimeSpan duration, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < deadline && !cancellationToken.IsCancellationRequested)
            {
                await operation(into, cancellationToken);
            }
        }, CancellationToken.None)));
        return Stopwatch.GetElapsedTime(started);
    }
}

// One headline read on one placement. HostCpuMillisecondsPerRequest: in process the host's and the generator's CPU
// together (they share the process), out of process the host's alone.
internal sealed record PlacementRead(string Scenario, string Placement, OperationResult Result, double HostCpuMillisecondsPerRequest, string LoadBefore, string LoadAfter);
