using System.Globalization;
using System.Text;
using System.Text.Json;
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

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    // Until the Meetings module lands: the workstreams' "dashboard" topic, which every registered person may
    // follow, published to through ILiveUpdates (store, then broadcast), as every module does.
    public const string ProductTopic = "dashboard";

    public static IReadOnlyList<int> ClientCounts { get; } = [200, 1000];

    public const double ItemsPerSecond = 10;

    // The product's side. Swap the publisher (and topic) for the meetings entry API when it exists.
    public static FanOutSide ProductSide(IServiceProvider services, Uri address, FanOutPublisher? publisher = null, string topic = ProductTopic) => new(
        $"GET {address}hubs/live as the seeded coordinator (authorized join of '{topic}'), published through ILiveUpdates.PublishAsync (store, then broadcast)",
        new Uri(address, "/hubs/live"),
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
        var meetings = await MeetingsFanOutSide.CreateAsync(services, address, client, cancellationToken);
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

    public static bool Failed(IReadOnlyList<FanOutResult> results) => results.Any(r => r.Failure is not null || r.Published == 0);

    public static async Task WriteAsync(IReadOnlyList<FanOutResult> results, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "live-fanout-latest.json"), JsonSerializer.Serialize(results, Json), cancellationToken);
    }

    private static string Table(IReadOnlyList<FanOutResult> results, string subject, string meetings, string floor)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Scenario {Name}\n");
        text.Append(CultureInfo.InvariantCulture, $"  {"clients",7} {"side",-8} {"items",6} {"items/s",8} {"p50 ms",9} {"p99 ms",9} {"max ms",9} {"lost",7}\n");
        foreach (var r in results)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"  {r.Clients,7} {r.Side,-8} {r.Published,6} {r.PublishedPerSecond,8:0.0} {r.P50Milliseconds,9:0.0} {r.P99Milliseconds,9:0.0} {r.MaxMilliseconds,9:0.0} {r.Lost,7}{(r.Failure is null ? "" : $"  FAILED: {r.Failure}")}\n");
        }

        foreach (var (clients, side) in results.Select(r => r.Clients).Distinct().SelectMany(c => new[] { (c, "subject"), (c, "meetings") }))
        {
            var s = results.First(r => r.Clients == clients && r.Side == side);
            var f = results.First(r => r.Clients == clients && r.Side == "floor");
            var limit = (1.5 * f.P99Milliseconds) + 5;
            var met = s.P99Milliseconds <= limit && s.Lost == 0 && s.Failure is null;
            text.Append(CultureInfo.InvariantCulture, $"  {clients} clients, {side}: p99 {s.P99Milliseconds:0.0} ms vs aim <= 1.5 x {f.P99Milliseconds:0.0} + 5 = {limit:0.0} ms, lost {s.Lost}: {(met ? "met" : "NOT met")}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"  subject:  {subject}\n  meetings: {meetings}\n  floor:    {floor}\n");
        return text.ToString();
    }
}
