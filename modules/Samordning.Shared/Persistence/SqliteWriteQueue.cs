using System.Collections.Concurrent;
using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Samordning.Shared.Persistence;

// SQLite lets one writer at a time into a file, and every commit is a write and a sync of its log. So this node's
// saves to one file take turns here, in order, and commit in groups: a save that finds the file idle is written
// at once, on its own connection, as any save; saves that arrive while it is written wait, and the next writer
// stores all of them in one transaction on one connection, each on its own savepoint (EF Core sets one around a
// save inside a transaction), so one commit and one sync serve them all and a save that fails (a version
// conflict, a unique key) is rolled back alone and gets its own error. Per process only, which is all SQLite
// serves (one node); several nodes use SQL Server, which locks rows and needs no queue.
internal sealed class SqliteWriteQueue
{
    private static readonly ConcurrentDictionary<string, SqliteWriteQueue> Files = new(StringComparer.Ordinal);

    private readonly Lock gate = new();
    private readonly string connectionString;
    private List<QueuedSave> queue = [];
    private bool writing;

    private SqliteWriteQueue(string connectionString) => this.connectionString = connectionString;

    public static Task<int> SaveAsync(ModuleDbContext context, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var file = Files.GetOrAdd(context.Database.GetConnectionString() ?? "", cs => new SqliteWriteQueue(cs));
        return file.EnqueueAsync(new QueuedSave(context, acceptAllChangesOnSuccess, cancellationToken));
    }

    private async Task<int> EnqueueAsync(QueuedSave save)
    {
        bool idle;
        lock (gate)
        {
            idle = !writing;
            writing = true;
            if (!idle)
            {
                queue.Add(save);
            }
        }

        if (idle)
        {
            // The file was idle: this save is written now, on the caller's own flow; whatever queued meanwhile is
            // handed to a writer of its own, so this caller does not wait for others' saves.
            await WriteAloneAsync(save);
            if (TakeQueued() is { } next)
            {
                _ = Task.Run(() => WriteQueuedAsync(next));
            }
        }

        return await save.Done.Task;
    }

    // Everything queued, or null (and the file idle) when nothing is.
    private List<QueuedSave>? TakeQueued()
    {
        lock (gate)
        {
            if (queue.Count == 0)
            {
                writing = false;
                return null;
            }

            var batch = queue;
            queue = [];
            return batch;
        }
    }

    private async Task WriteQueuedAsync(List<QueuedSave> batch)
    {
        for (var next = batch; next is not null; next = TakeQueued())
        {
            if (next.Count == 1)
            {
                await WriteAloneAsync(next[0]);
            }
            else
            {
                await WriteTogetherAsync(next);
            }
        }
    }

    private static async Task WriteAloneAsync(QueuedSave save)
    {
        try
        {
            save.Done.TrySetResult(await InFlowOf(save, () => save.Context.SaveChangesUnqueuedAsync(save.AcceptAllChangesOnSuccess, save.CancellationToken)));
        }
        catch (Exception e)
        {
            // Whatever it is belongs to the caller; the queue itself must go on.
            save.Done.TrySetException(e);
        }
    }

    private async Task WriteTogetherAsync(List<QueuedSave> batch)
    {
        // A context that holds its connection open (the caller opened it) cannot borrow the shared one: on its own.
        var alone = batch.Where(s => s.Context.Database.GetDbConnection().State != ConnectionState.Closed).ToList();
        foreach (var save in alone)
        {
            await WriteAloneAsync(save);
        }

        var together = batch.Except(alone).ToList();
        var saved = new List<(QueuedSave Save, int Count)>();
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await SqliteBusyTimeout.ApplyAsync(connection, CancellationToken.None);
            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var save in together)
            {
                try
                {
                    saved.Add((save, await InFlowOf(save, () => save.Context.SaveChangesWithinAsync(connection, transaction, save.CancellationToken))));
                }
                catch (Exception e)
                {
                    // Rolled back to the save's own savepoint; the others go on.
                    save.Done.TrySetException(e);
                }
            }

            await transaction.CommitAsync();
        }
        catch (Exception e)
        {
            // Nothing of the group was committed: each of its saves fails as a save of its own would have.
            foreach (var (save, _) in saved)
            {
                save.Done.TrySetException(e);
            }

            foreach (var save in together)
            {
                save.Done.TrySetException(e);
            }

            return;
        }

        foreach (var (save, count) in saved)
        {
            if (save.AcceptAllChangesOnSuccess)
            {
                save.Context.ChangeTracker.AcceptAllChanges();
            }

            save.Done.TrySetResult(count);
        }
    }

    // Runs a save in its caller's execution context, not the writer's: whatever the save reads from the flow (the
    // person it is audited as comes from the caller's HttpContext) must be the caller's, not another request's.
    private static Task<int> InFlowOf(QueuedSave save, Func<Task<int>> write)
    {
        if (save.Flow is null)
        {
            return write();
        }

        Task<int>? started = null;
        ExecutionContext.Run(save.Flow, _ => started = write(), null);
        return started!;
    }

    private sealed class QueuedSave(ModuleDbContext context, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        public ModuleDbContext Context { get; } = context;

        public bool AcceptAllChangesOnSuccess { get; } = acceptAllChangesOnSuccess;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public ExecutionContext? Flow { get; } = ExecutionContext.Capture();

        public TaskCompletionSource<int> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
