namespace Samordning.Host.Outbox;

// The Outbox section. DeliverAtOnce=false leaves every row to the background job (the same delivery code, only
// later): for a test that kills the host between the commit and the delivery, and to measure the difference.
internal sealed class OutboxSettings
{
    public bool DeliverAtOnce { get; init; } = true;

    public bool RunWorker { get; init; } = true;

    public int PollMilliseconds { get; init; } = 1000;

    public int BatchSize { get; init; } = 100;

    public static OutboxSettings From(IConfiguration configuration) =>
        configuration.GetSection("Outbox").Get<OutboxSettings>() ?? new OutboxSettings();
}
