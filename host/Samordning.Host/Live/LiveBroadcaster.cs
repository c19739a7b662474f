using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Samordning.Shared.Live;
using Samordning.Shared.Observability;

namespace Samordning.Host.Live;

// Broadcasting, off the request path. A publish stores its items and hands them here; the request returns
// without waiting for any client. SignalR writes a group message to each connection in turn and completes when
// the slowest has taken it, and a connection that stops reading (a cut network, a stateful-reconnect buffer no
// one acknowledges) takes nothing until it is dropped: awaited per item, it would hold every later item for
// everyone. So the pump starts each send and goes on to the next: SignalR writes to every connection that can
// take the message at once while the pump runs, in order, and only the stuck connection's writes wait, each for
// at most SendTimeout; a write that times out makes SignalR drop that connection, whose client reconnects and
// fetches what it missed by sequence. Bounded everywhere: the queue (a full queue drops the item, which the
// clients fetch by sequence, rather than hold a writer) and the sends in flight. A failed send (Redis away) is
// logged and left to the clients' catch-up: the item is stored, the writer's request has already succeeded.
internal sealed partial class LiveBroadcaster : BackgroundService
{
    private readonly IHubContext<LiveHub> hub;
    private readonly ILogger<LiveBroadcaster> logger;
    private readonly Channel<LiveItem> queue;
    private readonly SemaphoreSlim inFlight;
    private readonly TimeSpan sendTimeout;
    private readonly SamordningMetrics metrics;

    public LiveBroadcaster(IHubContext<LiveHub> hub, IConfiguration configuration, SamordningMetrics metrics, ILogger<LiveBroadcaster> logger)
    {
        this.hub = hub;
        this.logger = logger;
        this.metrics = metrics;
        sendTimeout = TimeSpan.FromSeconds(configuration.GetValue("Live:SendTimeoutSeconds", 5.0));
        inFlight = new SemaphoreSlim(configuration.GetValue("Live:MaxSendsInFlight", 4096));
        queue = Channel.CreateBounded<LiveItem>(
            new BoundedChannelOptions(configuration.GetValue("Live:BroadcastQueueLength", 10_000))
            {
                FullMode = BoundedChannelFullMode.DropWrite,
                SingleReader = true,
            },
            item => LogDropped(logger, item.Topic, item.Sequence));
    }

    /// <summary>Queues a stored item for broadcasting; never waits.</summary>
    public void Enqueue(LiveItem item) => queue.Writer.TryWrite(item);

    public override void Dispose()
    {
        inFlight.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var item in queue.Reader.ReadAllAsync(stoppingToken))
        {
            await inFlight.WaitAsync(stoppingToken);
            metrics.LiveMessage(item.Topic);

            // Not awaited: the synchronous part of the send (the writes every ready connection takes at once)
            // runs here, in queue order; what is left waits for slow connections on its own.
            _ = SendAsync(item);
        }
    }

    private async Task SendAsync(LiveItem item)
    {
        using var timeout = new CancellationTokenSource(sendTimeout);
        try
        {
            await hub.Clients.Group(item.Topic).SendAsync(LiveHub.ItemMethod, item, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            LogTooSlow(logger, item.Topic, item.Sequence);
        }
        catch (Exception e)
        {
            LogFailed(logger, e, item.Topic, item.Sequence);
        }
        finally
        {
            inFlight.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live item {Topic} #{Sequence} not broadcast: the broadcast queue is full. Clients fetch it by sequence.")]
    private static partial void LogDropped(ILogger logger, string topic, long sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live item {Topic} #{Sequence}: a connection too slow to take it was dropped; its client fetches it by sequence.")]
    private static partial void LogTooSlow(ILogger logger, string topic, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live item {Topic} #{Sequence} not broadcast; it is stored, and clients fetch it by sequence.")]
    private static partial void LogFailed(ILogger logger, Exception exception, string topic, long sequence);
}
