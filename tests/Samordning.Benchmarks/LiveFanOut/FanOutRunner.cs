using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Samordning.Benchmarks.LiveFanOut;

internal sealed record FanOutResult(
    string Side, int Clients, int Published, double PublishedPerSecond, long Expected, long Delivered, long Lost,
    double P50Milliseconds, double P99Milliseconds, double MaxMilliseconds, string? Failure);

// N clients on one topic over WebSockets, a publisher at a fixed rate, and per client the sequence numbers it
// received: latency is receipt minus the moment the publisher started sending that item; an item is lost for a
// client when its sequence number never arrived (within a grace period after the last publish).
internal static class FanOutRunner
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    public static async Task<FanOutResult> RunAsync(FanOutSide side, string name, int clients, double itemsPerSecond, TimeSpan duration, CancellationToken cancellationToken)
    {
        var receivers = new Receiver[clients];
        var connections = new HubConnection[clients];
        try
        {
            // One client first per hub, alone: the first sign-in and join warm up what every later one reuses.
            foreach (var hub in side.HubUrls)
            {
                await (await ConnectAsync(side, hub, new Receiver(), cancellationToken)).DisposeAsync();
            }

            // Connect and join in batches: a thousand handshakes at once would measure the accept queue.
            for (var start = 0; start < clients; start += 50)
            {
                await Task.WhenAll(Enumerable.Range(start, Math.Min(50, clients - start)).Select(async i =>
                {
                    receivers[i] = new Receiver();
                    connections[i] = await ConnectAsync(side, side.HubUrls[i % side.HubUrls.Count], receivers[i], cancellationToken);
                }));
            }

            var published = new ConcurrentDictionary<long, bool>();
            var started = Stopwatch.GetTimestamp();
            var interval = TimeSpan.FromSeconds(1 / itemsPerSecond);
            var count = (int)(duration.TotalSeconds * itemsPerSecond);
            using var timer = new PeriodicTimer(interval);
            var publishing = new List<Task>(count);
            for (var index = 0; index < count && await timer.WaitForNextTickAsync(cancellationToken); index++)
            {
                // On the tick, not after the previous publish returned: the rate is the one asked for even when a
                // write takes longer than the interval (a loaded machine), and that time shows in the latency.
                publishing.Add(PublishAsync(side, index, published, cancellationToken));
            }

            // The rate is over the ticks that started the writes; the time the last writes took shows in the latency.
            var publishSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            await Task.WhenAll(publishing);

            var expected = (long)published.Count * clients;
            var deadline = Stopwatch.GetTimestamp() + (long)(Grace.TotalSeconds * Stopwatch.Frequency);
            while (Delivered(receivers, published) < expected && Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(50, cancellationToken);
            }

            var delivered = Delivered(receivers, published);
            var latencies = receivers.SelectMany(r => r.LatenciesSnapshot()).ToArray();
            Array.Sort(latencies);
            return new FanOutResult(
                name, clients, published.Count, published.Count / publishSeconds, expected, delivered, expected - delivered,
                Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies.Length > 0 ? Milliseconds(latencies[^1]) : double.NaN, null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new FanOutResult(name, clients, 0, 0, 0, 0, 0, double.NaN, double.NaN, double.NaN, $"{exception.GetType().Name}: {exception.Message}");
        }
        finally
        {
            await Task.WhenAll(connections.Where(c => c is not null).Select(c => c.DisposeAsync().AsTask()));
        }
    }

    // Keyed by the run's own index, not the topic's sequence number: the meetings entry API answers with the entry,
    // not the live sequence it got, and the index is unique within a run all the same.
    private static async Task PublishAsync(FanOutSide side, long index, ConcurrentDictionary<long, bool> published, CancellationToken cancellationToken)
    {
        await side.PublishAsync(new FanOutPayload(index, Stopwatch.GetTimestamp()), cancellationToken);
        published[index] = true;
    }

    private static async Task<HubConnection> ConnectAsync(FanOutSide side, Uri hub, Receiver receiver, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(hub, HttpTransportType.WebSockets, options =>
            {
                options.SkipNegotiation = true;
                foreach (var (name, value) in side.Headers)
                {
                    options.Headers[name] = value;
                }
            })
            .Build();
        connection.On<FanOutItem>("item", item =>
        {
            var received = Stopwatch.GetTimestamp();
            if (item.Topic == side.Topic && side.ReadPayload(item.Payload) is { } payload)
            {
                receiver.Add(payload.Index, received - payload.SentAt);
            }
        });
        await connection.StartAsync(cancellationToken);
        await side.JoinAsync(connection, side.Topic, cancellationToken);
        return connection;
    }

    private static long Delivered(Receiver[] receivers, ConcurrentDictionary<long, bool> published) =>
        receivers.Sum(r => r.CountOf(published));

    private static double Percentile(long[] sorted, double quantile) =>
        sorted.Length == 0 ? double.NaN : Milliseconds(sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)]);

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    // One client's receipts, by sequence number (a duplicate counts once).
    private sealed class Receiver
    {
        private readonly Lock gate = new();
        private readonly HashSet<long> sequences = [];

        private readonly List<long> latencies = [];

        public long[] LatenciesSnapshot()
        {
            lock (gate)
            {
                return [.. latencies];
            }
        }

        public void Add(long sequence, long latency)
        {
            lock (gate)
            {
                if (sequences.Add(sequence))
                {
                    latencies.Add(latency);
                }
            }
        }

        public long CountOf(ConcurrentDictionary<long, bool> published)
        {
            lock (gate)
            {
                return sequences.Count(published.ContainsKey);
            }
        }
    }
}
