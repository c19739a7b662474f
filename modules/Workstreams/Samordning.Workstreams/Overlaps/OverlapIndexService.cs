using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Overlaps;

// Builds this node's overlap index when the node starts, in the background so that no page waits for it, then makes
// the first pair list (the KMD page) and keeps polling for changes, so a node nobody asks still converges with what
// other nodes write. Requests catch up on their own as well (OverlapFinder).
internal sealed partial class OverlapIndexService(OverlapFinder finder, IServiceScopeFactory scopes, ILogger<OverlapIndexService> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!finder.IsReady)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await finder.BuildAsync(scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>(), stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database may not answer yet: pages say the overlaps are being computed until it does.
                LogBuildFailed(logger, exception);
                await Task.Delay(Retry, stoppingToken);
            }
        }

        await finder.StartPairs();
        using var timer = new PeriodicTimer(Poll);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await finder.PollAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogPollFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Building the overlap index failed; trying again")]
    private static partial void LogBuildFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling for overlap changes failed; trying again at the next tick")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
