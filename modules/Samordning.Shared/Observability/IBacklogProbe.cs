namespace Samordning.Shared.Observability;

/// <summary>
/// Measures a queue the application keeps in a database (the outbox, the mail queue), for the gauges
/// <c>samordning.{Queue}.depth</c> and <c>samordning.{Queue}.oldest_age</c>. The host asks every probe now and
/// then, off the exporter's thread, and only while something collects the gauges.
/// </summary>
public interface IBacklogProbe
{
    /// <summary>The queue's name in the instruments' names: <c>outbox</c>, <c>mail.queue</c>.</summary>
    string Queue { get; }

    /// <summary>How many items wait, and since when the oldest has.</summary>
    /// <param name="cancellationToken">Cancelled when the sample takes too long.</param>
    Task<Backlog> MeasureAsync(CancellationToken cancellationToken);
}

/// <summary>A queue's depth and the creation time of its oldest waiting item (null when empty).</summary>
/// <param name="Depth">Items waiting.</param>
/// <param name="Oldest">When the oldest waiting item was created.</param>
public readonly record struct Backlog(long Depth, DateTimeOffset? Oldest);
