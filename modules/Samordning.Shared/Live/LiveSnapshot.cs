namespace Samordning.Shared.Live;

/// <summary>
/// What a live page renders: its data and the topic's sequence number, read in the one safe order. The sequence is
/// read first, then the data: a change committed between the two reads is then on the page, or it was published
/// after the sequence the page renders and the client applies it. Read the other way round, such a change is on
/// neither.
/// </summary>
/// <param name="Sequence">The topic's last sequence number when the page started reading; render it for the client.</param>
/// <param name="Data">The page's data, read after the sequence.</param>
public sealed record LiveSnapshot<T>(long Sequence, T Data);

/// <summary>Reads a live page's data with <see cref="LiveSnapshot{T}"/>.</summary>
public static class LiveSnapshotExtensions
{
    /// <summary>Reads the topic's last sequence number, then the data with <paramref name="read"/>.</summary>
    public static async Task<LiveSnapshot<T>> ReadAsync<T>(
        this ILiveUpdates live, string topic, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(read);
        var sequence = await live.GetLastSequenceAsync(topic, cancellationToken);
        return new LiveSnapshot<T>(sequence, await read(cancellationToken));
    }
}
