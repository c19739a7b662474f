using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Samordning.Shared.Persistence;

namespace Samordning.Host.Live;

// Group commit for the live store on SQLite. SQLite takes one writer per file, and each commit is a write and a
// sync of the log: when several requests publish at once (two facilitators, a sweep's notifications), one writer
// takes everything queued for the file and stores it in one transaction, then the next batch, until the queue is
// empty. Each topic's sequence numbers follow the queue order, because the insert reads the topic's maximum
// inside the same transaction. Per process, like SQLite itself serves one node; SQL Server stores item by item.
internal sealed class SqliteLiveBatches
{
    private static readonly ConcurrentDictionary<string, SqliteLiveBatches> Files = new(StringComparer.Ordinal);

    private readonly Lock gate = new();
    private readonly string connectionString;
    private readonly LiveItemInsert insert;
    private List<Pending> queue = [];
    private bool writing;

    private SqliteLiveBatches(string connectionString, LiveItemInsert insert) => (this.connectionString, this.insert) = (connectionString, insert);

    public static SqliteLiveBatches For(string connectionString, LiveItemInsert insert) =>
        Files.GetOrAdd(connectionString, file => new SqliteLiveBatches(file, insert));

    /// <summary>Stores the rows (adjacent, in this order) in the next batch; returns their sequence numbers.</summary>
    public Task<long[]> StoreAsync(IReadOnlyList<LiveRow> rows, DateTimeOffset at)
    {
        var pending = new Pending(rows, at);
        bool start;
        lock (gate)
        {
            queue.Add(pending);
            start = !writing;
            writing = true;
        }

        if (start)
        {
            // The writer runs on its own, not on the request that started it: a request that is cancelled or
            // finishes early never takes other requests' items down with it.
            _ = Task.Run(WriteQueuedAsync);
        }

        return pending.Stored.Task;
    }

    private async Task WriteQueuedAsync()
    {
        while (true)
        {
            List<Pending> batch;
            lock (gate)
            {
                if (queue.Count == 0)
                {
                    writing = false;
                    return;
                }

                batch = queue;
                queue = [];
            }

            await WriteAsync(batch);
        }
    }

    // The whole batch in one transaction. Should it fail (rolled back), each publisher's rows get a transaction of
    // their own, so one bad item fails only its own publish; unless the file stayed busy beyond the timeout, which
    // would only repeat for each of them.
    private async Task WriteAsync(List<Pending> batch)
    {
        if (await TryWriteAsync(batch) is not { } failure)
        {
            return;
        }

        foreach (var pending in batch)
        {
            if (failure is SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_BUSY })
            {
                pending.Stored.TrySetException(failure);
            }
            else if (await TryWriteAsync([pending]) is { } own)
            {
                pending.Stored.TrySetException(own);
            }
        }
    }

    private async Task<Exception?> TryWriteAsync(IReadOnlyList<Pending> batch)
    {
        try
        {
            var stored = await InsertAsync(batch);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Stored.TrySetResult(stored[i]);
            }

            return null;
        }
        catch (Exception e)
        {
            // A constraint, a full disk, a file busy beyond the timeout: the transaction was rolled back. Whatever
            // it is, it goes to the publishers waiting for this batch; the writer itself must never stop on it,
            // or every later publish would wait forever.
            return e;
        }
    }

    private async Task<long[][]> InsertAsync(IReadOnlyList<Pending> batch)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await SqliteBusyTimeout.ApplyAsync(connection, CancellationToken.None);

        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = insert.Create(connection, transaction);
        var stored = new long[batch.Count][];
        for (var i = 0; i < batch.Count; i++)
        {
            var pending = batch[i];
            stored[i] = new long[pending.Rows.Count];
            for (var j = 0; j < pending.Rows.Count; j++)
            {
                stored[i][j] = await insert.RunAsync(command, pending.Rows[j], pending.At, CancellationToken.None);
            }
        }

        await transaction.CommitAsync();
        return stored;
    }

    private sealed class Pending(IReadOnlyList<LiveRow> rows, DateTimeOffset at)
    {
        public IReadOnlyList<LiveRow> Rows { get; } = rows;

        public DateTimeOffset At { get; } = at;

        public TaskCompletionSource<long[]> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
