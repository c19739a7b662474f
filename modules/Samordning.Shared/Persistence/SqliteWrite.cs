using Microsoft.Data.Sqlite;

namespace Samordning.Shared.Persistence;

/// <summary>One write queued in a <see cref="SqliteGroupWriter"/>, whatever it writes (see <see cref="SqliteWrite{TResult}"/>).</summary>
public abstract class SqliteWrite
{
    private const int Waiting = 0, Taken = 1, Withdrawn = 2;

    // The caller's flow, captured when the write is made: a write runs in it, not in the writer's, so whatever it
    // reads from the flow (the person a save is audited as comes from its request's HttpContext) is its caller's.
    private readonly ExecutionContext? flow = ExecutionContext.Capture();
    private CancellationTokenRegistration withdrawal;
    private int state;

    /// <summary>Made by <see cref="SqliteWrite{TResult}"/> only.</summary>
    private protected SqliteWrite(CancellationToken cancellationToken) => CancellationToken = cancellationToken;

    /// <summary>The caller's token: before the write's turn it withdraws the write; afterwards the write gets it.</summary>
    protected CancellationToken CancellationToken { get; }

    /// <summary>True when the write has a way of its own to write alone (<see cref="WriteOnOwnConnectionAsync"/>).</summary>
    protected virtual bool HasOwnConnection => false;

    /// <summary>True when the write cannot join a group (it holds a connection of its own open).</summary>
    protected virtual bool CannotJoin => false;

    internal bool CanWriteAlone => HasOwnConnection;

    internal bool MustWriteAlone => HasOwnConnection && CannotJoin;

    internal void Queued()
    {
        if (CancellationToken.CanBeCanceled)
        {
            withdrawal = CancellationToken.UnsafeRegister(static write => ((SqliteWrite)write!).Withdraw(), this);
        }
    }

    // The writer's turn for this write, unless its caller gave up first.
    internal bool TryTakeTurn() => Interlocked.CompareExchange(ref state, Taken, Waiting) == Waiting;

    internal Task RunInGroupAsync(SqliteConnection connection, SqliteTransaction transaction) =>
        InFlow(() => WriteInGroupAsync(connection, transaction));

    // Never throws: whatever happens belongs to the caller; the writer must go on.
    internal async Task RunAloneAsync()
    {
        try
        {
            await InFlow(WriteOnOwnConnectionAsync);
        }
        catch (Exception e)
        {
            Fail(e);
        }
    }

    internal abstract void Committed();

    internal abstract void Fail(Exception exception);

    /// <summary>Writes within the group's transaction (the writer holds a savepoint around it); kept until it commits.</summary>
    private protected abstract Task WriteInGroupAsync(SqliteConnection connection, SqliteTransaction transaction);

    /// <summary>Writes alone, as a write outside the queue would, and completes the write itself.</summary>
    private protected virtual Task WriteOnOwnConnectionAsync() => throw new NotSupportedException();

    private protected void Done() => withdrawal.Dispose();

    private void Withdraw()
    {
        if (Interlocked.CompareExchange(ref state, Withdrawn, Waiting) == Waiting)
        {
            Fail(new OperationCanceledException(CancellationToken));
        }
    }

    private Task InFlow(Func<Task> write)
    {
        if (flow is null)
        {
            return write();
        }

        Task? started = null;
        ExecutionContext.Run(flow, _ => started = write(), null);
        return started!;
    }
}

/// <summary>
/// A write queued in a <see cref="SqliteGroupWriter"/> that gives <typeparamref name="TResult"/> once committed:
/// <see cref="WriteAsync"/> writes within the group's transaction.
/// </summary>
public abstract class SqliteWrite<TResult> : SqliteWrite
{
    private readonly TaskCompletionSource<TResult> done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TResult? written;

    /// <summary>A write for the caller whose token is <paramref name="cancellationToken"/>.</summary>
    protected SqliteWrite(CancellationToken cancellationToken) : base(cancellationToken)
    {
    }

    internal Task<TResult> Completion => done.Task;

    internal override void Committed()
    {
        OnCommitted();
        Complete(written!);
    }

    internal override void Fail(Exception exception)
    {
        Done();
        if (exception is OperationCanceledException cancelled && CancellationToken.IsCancellationRequested)
        {
            done.TrySetCanceled(cancelled.CancellationToken);
        }
        else
        {
            done.TrySetException(exception);
        }
    }

    /// <summary>Writes within the group's transaction, on its connection; the result is the caller's once the group commits.</summary>
    protected abstract Task<TResult> WriteAsync(SqliteConnection connection, SqliteTransaction transaction);

    /// <summary>After the group has committed, before the caller gets the result.</summary>
    protected virtual void OnCommitted()
    {
    }

    /// <summary>Writes alone (only when <see cref="SqliteWrite.HasOwnConnection"/>); its result is the caller's at once.</summary>
    protected virtual Task<TResult> WriteAloneAsync() => throw new NotSupportedException();

    private protected override async Task WriteInGroupAsync(SqliteConnection connection, SqliteTransaction transaction) =>
        written = await WriteAsync(connection, transaction);

    private protected override async Task WriteOnOwnConnectionAsync() => Complete(await WriteAloneAsync());

    private void Complete(TResult result)
    {
        Done();
        done.TrySetResult(result);
    }
}
