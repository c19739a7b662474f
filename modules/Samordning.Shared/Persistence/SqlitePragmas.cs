using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Samordning.Shared.Persistence;

// The per-connection settings every connection of every SQLite store gets, once per native connection:
// - busy_timeout: Microsoft.Data.Sqlite meets a busy file by sleeping 150 ms between tries; SQLite's own busy handler
//   waits in short growing steps (1, 2, 5, 10 … ms) and takes the lock soon after it is free, so a writer that is not
//   queued (a job, another process) waits briefly instead of in 150 ms sleeps.
// - temp_store = MEMORY: a statement that needs two temporary tables (an IN list and an ORDER BY … LIMIT, as every
//   search source's page) otherwise gives them a file-backed cache: on one connection in a process of its own that
//   cost 0.5–0.6 ms of CPU a statement (mostly growing and shrinking the heap) against 0.02–0.03 ms in memory
//   (docs/decisions.md). What they hold is a page of rows or a set of ids, small beside the process.
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>The interceptor every SQLite module store is configured with.</summary>
    public static readonly SqlitePragmas Instance = new();

    // The setting belongs to the native connection, which the pool keeps open and hands out again and again: it
    // is set once per native connection, not on every open (three opens per request on a hot write path).
    private static readonly ConditionalWeakTable<object, object> Applied = [];

    private SqlitePragmas()
    {
    }

    /// <summary>Sets the pragmas on an open SQLite connection, unless its native connection has them already.</summary>
    public static async Task ApplyAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (HasIt(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Pragma(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(connection);
    }

    /// <inheritdoc />
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (HasIt(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragma(connection);
        command.ExecuteNonQuery();
        Remember(connection);
    }

    /// <inheritdoc />
    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ApplyAsync(connection, cancellationToken);

    // The connection string's timeout (Database:SqliteBusyTimeoutSeconds), which Microsoft.Data.Sqlite keeps too.
    private static string Pragma(DbConnection connection) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"PRAGMA busy_timeout = {(connection is SqliteConnection sqlite ? sqlite.DefaultTimeout : 30) * 1000}; PRAGMA temp_store = MEMORY;");

    private static bool HasIt(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && Applied.TryGetValue(handle, out _);

    private static void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            Applied.AddOrUpdate(handle, handle);
        }
    }
}
