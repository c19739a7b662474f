using System.Data.Common;
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

    /// <summary>The statement, for connections opened outside EF Core (the host's live store writer).</summary>
    public const string Pragma = "PRAGMA busy_timeout = 30000;";

    private SqliteBusyTimeout()
    {
    }

    /// <inheritdoc />
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
