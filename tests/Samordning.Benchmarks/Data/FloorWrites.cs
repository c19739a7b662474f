using System.Data.Common;
using Microsoft.Data.Sqlite;
using Samordning.Shared.Persistence;

namespace Samordning.Benchmarks.Data;

// How a write floor commits, the best way known on each provider. On SQLite one writer at a time gets into a file
// and every commit syncs its log, so a good engineer queues the writes in process and commits whatever queued
// together in one transaction: the floor hands its statements to the host's own writer of the file (SqliteWriters,
// the same queue the product's saves use, so floor and subject never meet in SQLite's busy handler either). On
// PostgreSQL the statements go in one command, one round trip, in the implicit transaction of that one message.
internal sealed class FloorWrites(BenchDatabase database, SqliteWriters writers)
{
    public Task WriteAsync(string store, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        if (database.OnPostgres)
        {
            return OnServerAsync(store, sql, parameters, cancellationToken);
        }

        return writers.For(database.SqliteConnectionString(store)).WriteAsync(new Statements(database, sql, parameters, cancellationToken));
    }

    private async Task OnServerAsync(string store, string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(store, cancellationToken);
        await using var command = await database.CommandAsync(connection, sql, cancellationToken, null, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // The floor's statements as one write of the file's group (the writer holds a savepoint around it).
    private sealed class Statements(BenchDatabase database, string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
        : SqliteWrite<int>(cancellationToken)
    {
        protected override async Task<int> WriteAsync(SqliteConnection connection, SqliteTransaction transaction)
        {
            await using DbCommand command = await database.CommandAsync(connection, sql, CancellationToken, transaction, parameters);
            return await command.ExecuteNonQueryAsync(CancellationToken);
        }
    }
}
