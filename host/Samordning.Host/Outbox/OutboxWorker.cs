namespace Samordning.Host.Outbox;

// Every node runs it: a pass at start-up (what a crash left), then one every PollMilliseconds. Passes on several
// nodes claim rows before delivering them, so they do not step on each other.
internal sealed partial class OutboxWorker(OutboxDispatcher dispatcher, OutboxSettings settings, ILogger<OutboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Max(50, settings.PollMilliseconds)));
        do
        {
            try
            {
                await dispatcher.RunPassAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox pass failed.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
