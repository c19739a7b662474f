using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Samordning.Benchmarks.LiveFanOut;

// The floor: a bare SignalR hub in this same process (its own Kestrel on 127.0.0.1), no authentication, no
// topic policy, no store; the publisher broadcasts to a group with a sequence number from a counter. It is what
// any live fan-out costs at least, so the product's latency reads against it.
internal sealed class FloorBroadcastHost : IAsyncDisposable
{
    public const string HubPath = "/floor-hub";

    private readonly WebApplication app;
    private long sequence;

    private FloorBroadcastHost(WebApplication app) => this.app = app;

    public Uri HubUrl { get; private set; } = null!;

    public static async Task<FloorBroadcastHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.MapHub<FloorHub>(HubPath);
        await app.StartAsync();
        var host = new FloorBroadcastHost(app);
        host.HubUrl = new Uri(new Uri(app.Urls.Single()), HubPath);
        return host;
    }

    public FanOutSide Side(string topic) => Side([topic]);

    // Several groups at once (issue 19, many meetings): an item goes to the group of its payload's room.
    public FanOutSide Side(IReadOnlyList<string> topics) => new(
        "bare SignalR hub in the same process: no authentication, no policy, no store; a group broadcast with a counter's sequence number",
        [HubUrl],
        topics[0],
        new Dictionary<string, string>(),
        (connection, t, ct) => connection.InvokeAsync(nameof(FloorHub.Join), t, ct),
        async (payload, ct) =>
        {
            var next = Interlocked.Increment(ref sequence);
            var topic = topics[payload.Room];
            var item = new FanOutItem(topic, next, "benchmark.item", JsonSerializer.Serialize(payload, JsonSerializerOptions.Web), DateTimeOffset.UtcNow);
            await app.Services.GetRequiredService<IHubContext<FloorHub>>().Clients.Group(topic).SendAsync("item", item, ct);
            return next;
        })
    {
        Topics = topics,
    };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    internal sealed class FloorHub : Hub
    {
        public Task Join(string topic) => Groups.AddToGroupAsync(Context.ConnectionId, topic, Context.ConnectionAborted);
    }
}
