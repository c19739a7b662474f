using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Benchmarks.Hosting;
using Samordning.Shared.Live;

namespace Samordning.Benchmarks.LiveFanOut;

// Issue 4: N participants on one topic of the product's /hubs/live while a publisher writes 10 items a second,
// against a bare SignalR broadcast hub in the same process, measured in the same run (floor and subject take
// turns going first). Aim: subject p99 within 1.5 x floor p99 + 5 ms, and nothing lost.
internal static class LiveFanOutBenchmark
{
    public const string Name = "live-fanout";

    // Until the Meetings module lands: the workstreams' "dashboard" topic, which every registered person may
    // follow, published to through ILiveUpdates (store, then broadcast), as every module does.
    public const string ProductTopic = "dashboard";

    public static IReadOnlyList<int> ClientCounts { get; } = [200, 1000];

    public const double ItemsPerSecond = 10;

    // The aim's allowance on top of 1.5 x the floor's p99.
    public const double MarginMilliseconds = 5;

    // The product's side. Swap the publisher (and topic) for the meetings entry API when it exists.
    public static FanOutSide ProductSide(IServiceProvider services, Uri address, FanOutPublisher? publisher = null, string topic = ProductTopic) => new(
        $"GET {address}hubs/live as the seeded coordinator (authorized join of '{topic}'), published through ILiveUpdates.PublishAsync (store, then broadcast)",
        [new Uri(address, "/hubs/live")],
        topic,
        new Dictionary<string, string>
        {
            [BenchmarkAuthenticationHandler.SubjectHeader] = BenchmarkAuthentication.CoordinatorSubject,
            [BenchmarkAuthenticationHandler.EmailHeader] = BenchmarkAuthentication.CoordinatorEmail,
        },
        (connection, t, ct) => connection.InvokeAsync<long>("Join", t, ct),
        publisher ?? (async (payload, ct) =>
        {
            await using var scope = services.CreateAsyncScope();
            var item = await scope.ServiceProvider.GetRequiredService<ILiveUpdates>().PublishAsync(topic, "benchmark.item", payload, ct);
            return item.Sequence;
        }));

    public static async Task<IReadOnlyList<FanOutResult>> RunAsync(
        IServiceProvider services, Uri address, HttpClient client, TimeSpan duration, TextWriter log, CancellationToken cancellationToken)
    {
        await using var floorHost = await FloorBroadcastHost.StartAsync();
        var subject = ProductSide(services, address);
        var meetings = await MeetingsFanOutSide.CreateAsync(services, [address], client, cancellationToken);
        var floor = floorHost.Side("floor");
        var results = new List<FanOutResult>();
        var floorFirst = true;
        foreach (var clients in ClientCounts)
        {
            foreach (var (side, name) in floorFirst
                ? new[] { (floor, "floor"), (subject, "subject"), (meetings, "meetings") }
                : [(meetings, "meetings"), (subject, "subject"), (floor, "floor")])
            {
                log.WriteLine($"[{Name}] {clients} clients, {name}: {ItemsPerSecond} items/s for {duration.TotalSeconds:0.#} s");
                results.Add(await FanOutRunner.RunAsync(side, name, clients, ItemsPerSecond, duration, cancellationToken));
            }

            floorFirst = !floorFirst;
        }

        log.WriteLine();
        log.Write(Table(results, subject.Description, meetings.Description, floor.Description));
        return results;
    }

    public static Task WriteAsync(IReadOnlyList<FanOutResult> results, string folder, CancellationToken cancellationToken) =>
        FanOutReport.WriteAsync(results, folder, $"{Name}-latest.json", cancellationToken);

    private static string Table(IReadOnlyList<FanOutResult> results, string subject, string meetings, string floor) =>
        FanOutReport.Table(Name, results, ["subject", "meetings"], MarginMilliseconds, [("subject", subject), ("meetings", meetings), ("floor", floor)]);
}
