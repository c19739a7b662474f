using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Samordning.Shared.Persistence;

/// <summary>
/// Many new rows of a module's own tables in one transaction, on every provider: the one seam for bulk inserts.
/// </summary>
/// <remarks>
/// Rows come in groups, and a group's first row decides it. On SQLite the rows are bound and stepped through
/// SQLite's own API (<see cref="SqliteBulkInsert"/>), as a write of the file's <see cref="SqliteGroupWriter"/> when
/// the context queues its saves, and a group whose first row collides with a unique key (someone else stored it)
/// is skipped whole: its answer is false. On PostgreSQL each table is one binary COPY
/// (<see cref="PostgresBulkInsert"/>); on SQL Server SaveChanges batches the inserts itself. On both servers such a
/// collision fails the whole call as a unique violation, for the caller to store the groups again in smaller
/// parts. Any other failure stores nothing and throws a <see cref="DbUpdateException"/>, as SaveChanges does.
/// Not for audited or versioned entities: on SQLite the AuditingInterceptor does not run.
/// </remarks>
public static class BulkInserts
{
    /// <summary>Inserts <paramref name="groups"/> in one transaction; answers which groups were stored.</summary>
    public static async Task<bool[]> InsertAsync(DbContext db, IReadOnlyList<object[]> groups, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(groups);
        if (db.Database.IsNpgsql())
        {
            await PostgresBulkInsert.InsertAsync(db, groups, cancellationToken);
            return [.. groups.Select(_ => true)];
        }

        if (!db.Database.IsSqlite())
        {
            db.AddRange(groups.SelectMany(g => g));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return [.. groups.Select(_ => true)];
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        if (db is ModuleDbContext { SqliteWriter: { } writer } && db.Database.CurrentTransaction is null)
        {
            return await writer.WriteAsync(new Write(db, groups, cancellationToken));
        }

        // Not queued (or within the caller's transaction): the context's own connection and a transaction that
        // takes the file itself, waiting in SQLite's busy handler, as any save outside the queue.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var ownTransaction = db.Database.CurrentTransaction is null;
            await using var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            var stored = SqliteBulkInsert.Insert(db, (SqliteConnection)db.Database.GetDbConnection(), groups, cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return stored;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // In the group's transaction on the writer's connection; the writer's savepoint rolls a failure back alone.
    private sealed class Write(DbContext db, IReadOnlyList<object[]> groups, CancellationToken cancellationToken) : SqliteWrite<bool[]>(cancellationToken)
    {
        protected override Task<bool[]> WriteAsync(SqliteConnection connection, SqliteTransaction transaction) =>
            Task.FromResult(SqliteBulkInsert.Insert(db, connection, groups, CancellationToken));
    }
}
