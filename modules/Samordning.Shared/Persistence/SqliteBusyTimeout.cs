using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Samordning.Shared.Persistence;

// Microsoft.Data.Sqlite meets a busy file by sleeping 150 ms between tries; SQLite's own busy handler, switched on
// by busy_timeout, waits in short growing steps (1, 2, 5, 10 … ms) and takes the lock soon after it is free.
// Every connection of every SQLite store gets it, so a writer that is not queued (a job, another process) waits
// briefly instead of in 150 ms sleeps.
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    /// <summary>The interceptor every SQLite module store is configured with.</summary>
    public static readonly SqliteBusyTimeout Instance = new();

    // The setting belongs to the native connection, which the pool keeps open and hands out again and again: it
    // is set once per native connection, not on every open (three opens per request on a hot write path).
    private static readonly ConditionalWeakTable<object, object> Applied = [];

    private SqliteBusyTimeout()
    {
    }

    /// <summary>Sets the busy timeout on an open SQLite connection, unless its native connection has it already.</summary>
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
        $"PRAGMA busy_timeout = {(connection is SqliteConnection sqlite ? sqlite.DefaultTimeout : 30) * 1000};");

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
