using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Samordning.Benchmarks.LiveFanOut;

internal sealed record FanOutResult(
    string Side, int Clients, int Published, double PublishedPerSecond, long Expected, long Delivered, long Lost,
    double P50Milliseconds, double P99Milliseconds, double MaxMilliseconds, string? Failure)
{
    public double P95Milliseconds { get; init; } = double.NaN;

    // An item a client received twice, or after an item with a higher topic sequence number (issue 19: every note
    // arrives once and in sequence).
    public long Duplicates { get; init; }

    public long OutOfOrder { get; init; }

    public int Rooms { get; init; } = 1;

    public double ConnectSeconds { get; init; } = double.NaN;

    public ConnectionMemory? Memory { get; init; }
}

// The process's memory before the clients connected and after every one had joined, each read after a full,
// compacting collection: the managed heap (GC.GetTotalMemory) and the working set. Clients and hosts share this
// process, so the difference holds both ends of every connection; the floor's figure, measured the same way in
// the same run, is what bare SignalR costs for the same clients, and the subject's excess over it is the product's.
internal sealed record ConnectionMemory(long HeapBefore, long HeapAfter, long WorkingSetBefore, long WorkingSetAfter, int Connections)
{
    public double HeapBytesPerConnection => (HeapAfter - HeapBefore) / (double)Connections;

    public double WorkingSetBytesPerConnection => (WorkingSetAfter - WorkingSetBefore) / (double)Connections;

    public static (long Heap, long WorkingSet) Measure()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return (heap, process.WorkingSet64);
    }
}

// How a run connects its clients: how many at once, the pause between batches (a thousand handshakes at once would
// measure the accept queue), and whether to measure the memory the connections take; and how long after the last
// publish an item may still arrive before it counts as lost (a late item shows in the latency, a lost one never came).
internal sealed record FanOutConnecting(int Batch = 50, TimeSpan Pause = default, bool MeasureMemory = false, TimeSpan? Grace = null)
{
    public static FanOutConnecting Default { get; } = new();
}

// N clients over WebSockets, each on one of the side's topics (rooms), a publisher at a fixed rate per room, and
// per client the items it received: latency is receipt minus the moment the publisher started sending that item;
// an item is lost for a client when it never arrived (within a grace period after the last publish), and counted
// as a duplicate or out of order when it arrived twice or after a later item of its topic (by the topic's sequence).
internal static class FanOutRunner
{
    private static readonly TimeSpan DefaultGrace = TimeSpan.FromSeconds(5);

    // One handler for every client's WebSocket handshake, rather than one each (ClientWebSocket makes its own
    // otherwise): thousands of clients in one process cost the connections, not a handler apiece.
    private static readonly HttpMessageInvoker Handshakes = new(new SocketsHttpHandler
    {
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = int.MaxValue,
    });

    public static async Task<FanOutResult> RunAsync(
        FanOutSide side, string name, int clients, double itemsPerSecond, TimeSpan duration, CancellationToken cancellationToken, FanOutConnecting? connecting = null)
    {
        connecting ??= FanOutConnecting.Default;
        var rooms = side.Topics.Count;

        // Every client gets the same payload text for an item: read once per item, not once per client, so the
        // in-process clients spend their CPU on receiving (as real ones would), not on parsing the same JSON again.
        var payloads = new ConcurrentDictionary<string, FanOutPayload?>(StringComparer.Ordinal);
        var receivers = new Receiver[clients];
        var connections = new HubConnection[clients];
        try
        {
            // One client first per hub, alone: the first sign-in and join warm up what every later one reuses.
            foreach (var hub in side.HubUrls)
            {
                await (await ConnectAsync(side, hub, side.HeadersFor(0), new Receiver(side.Topics[0], 0), payloads, cancellationToken)).DisposeAsync();
            }

            var before = connecting.MeasureMemory ? ConnectionMemory.Measure() : default;
            var connectStarted = Stopwatch.GetTimestamp();
            for (var start = 0; start < clients; start += connecting.Batch)
            {
                await Task.WhenAll(Enumerable.Range(start, Math.Min(connecting.Batch, clients - start)).Select(async i =>
                {
                    receivers[i] = new Receiver(side.Topics[i % rooms], i % rooms);
                    connections[i] = await ConnectAsync(side, side.HubUrls[i % side.HubUrls.Count], side.HeadersFor(i), receivers[i], payloads, cancellationToken);
                }));
                if (connecting.Pause > TimeSpan.Zero)
                {
                    await Task.Delay(connecting.Pause, cancellationToken);
                }
            }

            var connectSeconds = Stopwatch.GetElapsedTime(connectStarted).TotalSeconds;
            ConnectionMemory? memory = null;
            if (connecting.MeasureMemory)
            {
                var after = ConnectionMemory.Measure();
                memory = new ConnectionMemory(before.Heap, after.Heap, before.WorkingSet, after.WorkingSet, clients);
            }

            var published = new ConcurrentDictionary<(int Room, long Index), bool>();
            var started = Stopwatch.GetTimestamp();
            var interval = TimeSpan.FromSeconds(1 / itemsPerSecond);
            var count = (int)(duration.TotalSeconds * itemsPerSecond);
            using var timer = new PeriodicTimer(interval);
            var publishing = new List<Task>(count * rooms);
            for (var index = 0; index < count && await timer.WaitForNextTickAsync(cancellationToken); index++)
            {
                // On the tick, not after the previous publish returned: the rate is the one asked for even when a
                // write takes longer than the interval (a loaded machine), and that time shows in the latency.
                for (var room = 0; room < rooms; room++)
                {
                    publishing.Add(PublishAsync(side, index, room, published, cancellationToken));
                }
            }

            // The rate is over the ticks that started the writes; the time the last writes took shows in the latency.
            var publishSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            await Task.WhenAll(publishing);

            var perRoom = new long[rooms];
            foreach (var (room, _) in published.Keys)
            {
                perRoom[room]++;
            }

            var expected = receivers.Sum(r => perRoom[r.Room]);
            var deadline = Stopwatch.GetTimestamp() + (long)((connecting.Grace ?? DefaultGrace).TotalSeconds * Stopwatch.Frequency);
            while (Delivered(receivers, published) < expected && Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(50, cancellationToken);
            }

            var delivered = Delivered(receivers, published);
            var latencies = receivers.SelectMany(r => r.LatenciesSnapshot()).ToArray();
            Array.Sort(latencies);
            return new FanOutResult(
                name, clients, published.Count, published.Count / publishSeconds, expected, delivered, expected - delivered,
                Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies.Length > 0 ? Milliseconds(latencies[^1]) : double.NaN, null)
            {
                P95Milliseconds = Percentile(latencies, 0.95),
                Duplicates = receivers.Sum(r => r.Duplicates),
                OutOfOrder = receivers.Sum(r => r.OutOfOrder),
                Rooms = rooms,
                ConnectSeconds = connectSeconds,
                Memory = memory,
            };
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new FanOutResult(name, clients, 0, 0, 0, 0, 0, double.NaN, double.NaN, double.NaN, $"{exception.GetType().Name}: {exception.Message}") { Rooms = rooms };
        }
        finally
        {
            // In batches too: closing thousands at once is a storm of its own.
            var open = connections.Where(c => c is not null).ToList();
            for (var start = 0; start < open.Count; start += 500)
            {
                await Task.WhenAll(open.Skip(start).Take(500).Select(c => c.DisposeAsync().AsTask()));
            }
        }
    }

    // Keyed by the run's own index, not the topic's sequence number: the meetings entry API answers with the entry,
    // not the live sequence it got, and the index is unique within a run all the same.
    private static async Task PublishAsync(FanOutSide side, long index, int room, ConcurrentDictionary<(int Room, long Index), bool> published, CancellationToken cancellationToken)
    {
        await side.PublishAsync(new FanOutPayload(index, Stopwatch.GetTimestamp(), room), cancellationToken);
        published[(room, index)] = true;
    }

    private static async Task<HubConnection> ConnectAsync(
        FanOutSide side, Uri hub, IReadOnlyDictionary<string, string> headers, Receiver receiver, ConcurrentDictionary<string, FanOutPayload?> payloads,
        CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(hub, HttpTransportType.WebSockets, options =>
            {
                options.SkipNegotiation = true;
                options.WebSocketFactory = async (context, ct) =>
                {
                    var socket = new ClientWebSocket();
                    foreach (var (name, value) in headers)
                    {
                        socket.Options.SetRequestHeader(name, value);
                    }

                    await socket.ConnectAsync(context.Uri, Handshakes, ct);
                    return socket;
                };
            })
            .Build();
        connection.On<FanOutItem>("item", item =>
        {
            var received = Stopwatch.GetTimestamp();
            if (item.Topic == receiver.Topic && payloads.GetOrAdd(item.Payload, side.ReadPayload) is { } payload && payload.Room == receiver.Room)
            {
                receiver.Add(payload.Index, item.Sequence, received - payload.SentAt);
            }
        });
        await connection.StartAsync(cancellationToken);
        await side.JoinAsync(connection, receiver.Topic, cancellationToken);
        return connection;
    }

    private static long Delivered(Receiver[] receivers, ConcurrentDictionary<(int Room, long Index), bool> published) =>
        receivers.Sum(r => r.CountOf(published));

    private static double Percentile(long[] sorted, double quantile) =>
        sorted.Length == 0 ? double.NaN : Milliseconds(sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)]);

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    // One client's receipts, by the run's item index (a duplicate counts once, and is counted), with the topic's
    // sequence number of the last item, so an item arriving after a later one shows.
    private sealed class Receiver(string topic, int room)
    {
        private readonly Lock gate = new();
        private readonly HashSet<long> indexes = [];
        private readonly List<long> latencies = [];
        private long lastSequence;

        public string Topic => topic;

        public int Room => room;

        public long Duplicates { get; private set; }

        public long OutOfOrder { get; private set; }

        public long[] LatenciesSnapshot()
        {
            lock (gate)
            {
                return [.. latencies];
            }
        }

        public void Add(long index, long sequence, long latency)
        {
            lock (gate)
            {
                if (!indexes.Add(index))
                {
                    Duplicates++;
                    return;
                }

                latencies.Add(latency);
                if (sequence <= lastSequence)
                {
                    OutOfOrder++;
                }

                lastSequence = Math.Max(lastSequence, sequence);
            }
        }

        public long CountOf(ConcurrentDictionary<(int Room, long Index), bool> published)
        {
            lock (gate)
            {
                return indexes.Count(i => published.ContainsKey((room, i)));
            }
        }
    }
}
