namespace Samordning.Shared.Jobs;

/// <summary>A job the host registers with Hangfire. Found by the host's Scrutor scan.</summary>
public interface IRecurringJob
{
    /// <summary>Stable id, shown in the Hangfire dashboard.</summary>
    string Id { get; }

    /// <summary>Cron expression, evaluated in Europe/Oslo time.</summary>
    string Cron { get; }

    /// <summary>Runs once. Must be safe to run twice or concurrently (Hangfire delivers at least once).</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
