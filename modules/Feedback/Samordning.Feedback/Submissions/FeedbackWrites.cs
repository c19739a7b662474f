using Samordning.Feedback.Data;

namespace Samordning.Feedback.Submissions;

// SQLite lets one writer at a time into a file, and Microsoft.Data.Sqlite answers a busy file by sleeping 150 ms
// before it tries again; in a deadline rush those sleeps were the slowest submissions (p99 756 ms with 8 at once).
// On SQLite the public form's writes therefore queue here, asynchronously and in order, and each finds the file
// free. SQL Server locks rows, not the database, so there is no queue there. Within one process only, which is
// all SQLite serves (one node); another writer to feedback.db waits in SQLite's busy handler (SqliteBusyTimeout).
internal sealed class FeedbackWrites(bool oneAtATime) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task SaveAsync(FeedbackDbContext db, CancellationToken cancellationToken)
    {
        if (!oneAtATime)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}
