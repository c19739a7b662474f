using Microsoft.Data.Sqlite;
using Samordning.Shared.Persistence;

namespace Samordning.Host.Live;

// One publish's rows (adjacent, in this order) as a write of the live store's SQLite group writer: several
// requests publishing at once (two facilitators, a sweep's notifications) share one transaction and one sync.
// Each topic's sequence numbers follow the queue order, because the insert reads the topic's maximum inside the
// group's transaction. The writer's rule holds: a bad row fails only its own publish.
// Committed items go to the broadcaster from the writer, in commit order, not from each caller once it resumes:
// two callers resume in any order, and a later sequence broadcast first reached every client out of order (seen
// with 5,000 followers and notes whose writes overlapped, issue 19).
internal sealed class LiveWrite(LiveItemInsert insert, IReadOnlyList<LiveRow> rows, DateTimeOffset at, Action<long[]> committed) : SqliteWrite<long[]>(CancellationToken.None)
{
    private long[] stored = [];

    // No token: a publish that is cancelled or finishes early never takes other requests' items with it, and
    // the items of a change already committed are stored whatever its request does.
    protected override async Task<long[]> WriteAsync(SqliteConnection connection, SqliteTransaction transaction)
    {
        await using var command = insert.Create(connection, transaction);
        var sequences = new long[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            sequences[i] = await insert.RunAsync(command, rows[i], at, CancellationToken.None);
        }

        stored = sequences;
        return sequences;
    }

    protected override void OnCommitted() => committed(stored);
}
