using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Samordning.Benchmarks.LiveFanOut;

// What every delivered item carries: its place in the run, when the publisher started sending it (a Stopwatch
// timestamp: publisher and clients share this process and its clock) and the room (topic) it was published to.
internal sealed record FanOutPayload(long Index, long SentAt, int Room = 0);

// The shape of the product's LiveItem as it travels to clients ("item"); the floor hub sends the same shape.
internal sealed record FanOutItem(string Topic, long Sequence, string Type, string Payload, DateTimeOffset At);

// Publishes one item and returns the topic's sequence number it got. The product's publisher goes through
// ILiveUpdates today; the meetings entry API can take its place (Issue 4) without touching the harness.
internal delegate Task<long> FanOutPublisher(FanOutPayload payload, CancellationToken cancellationToken);

// One side of the fan-out comparison: where clients connect (client i to HubUrls[i % count], so several nodes share
// the clients evenly), how they join the topic, and how items are published.
internal sealed record FanOutSide(
    string Description,
    IReadOnlyList<Uri> HubUrls,
    string Topic,
    IReadOnlyDictionary<string, string> Headers,
    Func<HubConnection, string, CancellationToken, Task> JoinAsync,
    FanOutPublisher PublishAsync)
{
    // How a client finds the publisher's payload in an item: by default the item's payload is the FanOutPayload;
    // the meetings side carries it as the text of the entry the item announces.
    public Func<string, FanOutPayload?> ReadPayload { get; init; } = payload => JsonSerializer.Deserialize<FanOutPayload>(payload, JsonSerializerOptions.Web);

    // Several rooms at once (issue 19, many meetings): client i joins Topics[i % count], and every tick publishes one
    // item to each room (the payload's Room is its index here). One topic by default.
    public IReadOnlyList<string> Topics { get; init; } = [Topic];

    // Who client i is: by default everyone signs in with Headers; the big meeting signs each in as a participant of its own.
    public Func<int, IReadOnlyDictionary<string, string>>? ClientHeaders { get; init; }

    public IReadOnlyDictionary<string, string> HeadersFor(int client) => ClientHeaders?.Invoke(client) ?? Headers;
}
