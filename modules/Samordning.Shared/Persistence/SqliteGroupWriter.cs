using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Samordning.Shared.Persistence;

/// <summary>
/// This node's one writer to one SQLite file (see <see cref="SqliteWriters"/>): every write to the file queues here
/// and is committed in a group with whatever queued alongside it.
/// </summary>
/// <remarks>
/// SQLite lets one writer at a time into a file, and every commit is a write and a sync of its log. So the writes
/// take turns in the order they came, and the writer takes everything queued at once into one transaction on one
/// connection: one commit and one sync serve them all.
/// <para>The failure rule, the same for every kind of write: each write in a group runs on a savepoint of its
/// own, so a write that fails (a version conflict, a unique key, a bad value) is rolled back to its savepoint
/// and fails alone with its own error while the rest of the group goes on and commits. Should the transaction
/// itself be lost (the commit fails, or SQLite rolled everything back on a full disk or an I/O error), nothing
/// of the group is stored and every write in it fails with that error; those not yet run are written in the next
/// group. A caller whose cancellation comes before its turn is removed and sees it cancelled; once its turn has
/// come, the token goes to its write. On shutdown the queue is closed and drained: a write already queued is
/// written, a write that comes later fails with <see cref="ObjectDisposedException"/>. Nothing is dropped silently.</para>
/// </remarks>
public sealed class SqliteGroupWriter : IAsyncDisposable
{
    private const string Savepoint = "samordning_write";

    private readonly Channel<SqliteWrite> queue = Channel.CreateUnbounded<SqliteWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string connectionString;
    private readonly Task writer;

    internal SqliteGroupWriter(string connectionString)
    {
        this.connectionString = connectionString;
        writer = Task.Run(WriteQueuedAsync);
    }

    /// <summary>Queues <paramref name="write"/>; the task ends once its group has committed, or with its failure.</summary>
    public Task<TResult> WriteAsync<TResult>(SqliteWrite<TResult> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        write.Queued();
        if (!queue.Writer.TryWrite(write))
        {
            write.Fail(new ObjectDisposedException(nameof(SqliteGroupWriter), "The host is shutting down; the write was not queued."));
        }

        return write.Completion;
    }

    /// <summary>Closes the queue and waits until everything queued before is written.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writer;
    }

    private async Task WriteQueuedAsync()
    {
        var group = new List<SqliteWrite>();
        while (await queue.Reader.WaitToReadAsync())
        {
            while (queue.Reader.TryRead(out var write))
            {
                if (write.TryTakeTurn())
                {
                    group.Add(write);
                }
            }

            // A group whose transaction was lost hands back the writes it had not run yet.
            while (group.Count > 0)
            {
                group = await WriteGroupAsync(group);
            }
        }
    }

    // The writes of a group on one transaction; returns those not run because the transaction was lost.
    private async Task<List<SqliteWrite>> WriteGroupAsync(List<SqliteWrite> queued)
    {
        // A write that holds a connection of its own open cannot join the group, and a group of one that can
        // write as any write would needs no other connection: each is written first, alone, on its own.
        var alone = queued.Count == 1 && queued[0].CanWriteAlone ? queued : [.. queued.Where(w => w.MustWriteAlone)];
        foreach (var write in alone)
        {
            await write.RunAloneAsync();
        }

        var group = alone.Count == 0 ? queued : [.. queued.Except(alone)];
        var written = new List<SqliteWrite>();

        // A write that failed on its savepoint hears of it once the group has committed (or was lost): a caller
        // that answers a unique key's clash by reading the row that won (a form posted twice at once) must find
        // that row committed, and it may be in this very group.
        var failed = new List<(SqliteWrite Write, Exception Error)>();
        var next = 0;
        var lost = false;
        try
        {
            if (group.Count == 0)
            {
                return [];
            }

            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await SqlitePragmas.ApplyAsync(connection, CancellationToken.None);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            for (; next < group.Count; next++)
            {
                var write = group[next];
                await transaction.SaveAsync(Savepoint);
                try
                {
                    await write.RunInGroupAsync(connection, transaction);
                    await transaction.ReleaseAsync(Savepoint);
                    written.Add(write);
                }
                catch (Exception e)
                {
                    if (connection.Handle is { } handle && SQLitePCL.raw.sqlite3_get_autocommit(handle) != 0)
                    {
                        // SQLite rolled the whole transaction back (a full disk, an I/O error): the group is lost.
                        write.Fail(e);
                        (next, lost) = (next + 1, true);
                        throw;
                    }

                    await transaction.RollbackAsync(Savepoint);
                    await transaction.ReleaseAsync(Savepoint);
                    failed.Add((write, e));
                }
            }

            await transaction.CommitAsync();
        }
        catch (Exception e)
        {
            // Nothing of the group was stored: each write that was in it fails with the group's error, visibly.
            foreach (var write in written)
            {
                write.Fail(e);
            }

            if (lost)
            {
                return group[next..];
            }

            // The file could not be opened, or the commit failed: every write of the group fails with it.
            foreach (var write in group)
            {
                write.Fail(e);
            }

            return [];
        }
        finally
        {
            foreach (var (write, error) in failed)
            {
                write.Fail(error);
            }
        }

        foreach (var write in written)
        {
            write.Committed();
        }

        return [];
    }
}
