using Samordning.Benchmarks.Data;
using Samordning.Benchmarks.Hosting;

namespace Samordning.Benchmarks.LiveFanOut;

// Issue 14: a meeting followed by 1,000 participants split 500/500 over two nodes of the real host (two in-process
// hosts on Kestrel, each its own DI container, pools and SignalR server), sharing the run's PostgreSQL database and
// one Redis backplane; the facilitator posts 10 notes a second through the meetings entry API on node A. Against
// the bare SignalR floor at 1,000 clients (FloorBroadcastHost) in the same run, and, for reading the backplane's
// share, all 1,000 clients on node A alone. Aim: two-node p99 within 1.5 x the floor's p99 + 10 ms, nothing lost.
// The results hold both passes in the order measured (floor, two-nodes, one-node, then the reverse).
internal static class TwoNodeFanOutBenchmark
{
    public const string Name = "live-fanout-two-nodes";

    public const int Clients = 1000;

    public const double MarginMilliseconds = 10;

    public static async Task<IReadOnlyList<FanOutResult>> RunAsync(PostgresRun database, TimeSpan duration, TextWriter log, CancellationToken cancellationToken)
    {
        await using var redis = await RedisProcess.StartAsync(cancellationToken);
        var settings = new Dictionary<string, string>(database.HostSettings)
        {
            ["Redis:Configuration"] = redis.Configuration,
            ["Deployment:Nodes"] = "2",
            ["Jobs:Storage"] = "PostgreSql",
        };

        // One after the other: the first migrates (nothing left to do, the run's host did) and seeds before the second looks.
        await using var nodeA = BenchmarkHost.Start([], settings);
        await using var nodeB = BenchmarkHost.Start([], settings);
        log.WriteLine($"[{Name}] node A on {nodeA.Address}, node B on {nodeB.Address}, Redis on {redis.Configuration} (pid {redis.ProcessId})");
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, UseProxy = false, AllowAutoRedirect = false }) { BaseAddress = nodeA.Address };
        await using var floorHost = await FloorBroadcastHost.StartAsync();
        var floor = floorHost.Side("floor");
        var twoNodes = await MeetingsFanOutSide.CreateAsync(nodeA.Services, [nodeA.Address, nodeB.Address], client, cancellationToken);
        var oneNode = await MeetingsFanOutSide.CreateAsync(nodeA.Services, [nodeA.Address], client, cancellationToken);

        // A short pass of each side first, not counted (JIT, pools, the first joins), then two measured passes in
        // mirrored order, so the machine's drift falls on every side alike; each pass is compared on its own.
        var sides = new[] { (floor, "floor"), (twoNodes, "two-nodes"), (oneNode, "one-node") };
        foreach (var (side, name) in sides)
        {
            log.WriteLine($"[{Name}] warm-up, {name}: 100 clients for 2 s");
            await FanOutRunner.RunAsync(side, name, 100, LiveFanOutBenchmark.ItemsPerSecond, TimeSpan.FromSeconds(2), cancellationToken);
        }

        var results = new List<FanOutResult>();
        foreach (var pass in new[] { sides, sides.Reverse().ToArray() })
        {
            var passResults = new List<FanOutResult>();
            foreach (var (side, name) in pass)
            {
                log.WriteLine($"[{Name}] {Clients} clients, {name}: {LiveFanOutBenchmark.ItemsPerSecond} notes/s for {duration.TotalSeconds:0.#} s");
                passResults.Add(await FanOutRunner.RunAsync(side, name, Clients, LiveFanOutBenchmark.ItemsPerSecond, duration, cancellationToken));
            }

            log.WriteLine();
            log.Write(FanOutReport.Table($"{Name}, pass {(results.Count / pass.Length) + 1}", passResults, ["two-nodes", "one-node"], MarginMilliseconds,
                results.Count == 0 ? [("two-nodes", twoNodes.Description), ("one-node", oneNode.Description), ("floor", floor.Description)] : []));
            results.AddRange(passResults);
        }

        return results;
    }
}
