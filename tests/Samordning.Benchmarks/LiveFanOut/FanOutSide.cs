using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Samordning.Benchmarks.LiveFanOut;

// What every delivered item carries: its place in the run and when the publisher started sending it (a
// Stopwatch timestamp: publisher and clients share this process and its clock).
internal sealed record FanOutPayload(long Index, long SentAt);

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
}
