using System.Collections.Concurrent;

namespace Samordning.Shared.Persistence;

// SQLite lets one writer at a time into a file, and a writer that finds it busy waits in a busy handler (see
// SqliteBusyTimeout) rather than in a queue. So this node's saves to one file take turns here, asynchronously and
// in order: under concurrent writers (live notes, a deadline rush) each save finds the file free instead of
// colliding and waiting. Per process only, which is all SQLite serves (one node); several nodes use SQL Server,
// which locks rows and needs no queue.
internal static class SqliteWriteQueue
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Files = new(StringComparer.Ordinal);

    public static async Task<T> RunAsync<T>(string file, Func<Task<T>> write, CancellationToken cancellationToken)
    {
        var turn = Files.GetOrAdd(file, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(cancellationToken);
        try
        {
            return await write();
        }
        finally
        {
            turn.Release();
        }
    }
}
