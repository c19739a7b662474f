using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Samordning.Shared.Persistence;

// A context's SaveChanges as a write of its file's group writer. In a group it saves on the group's connection
// and transaction (the writer's savepoint around it) and accepts its changes once the group commits; alone (a
// group of one, or a context holding its own connection open) it saves as EF Core does, on its own connection.
internal sealed class SqliteSave(ModuleDbContext context, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    : SqliteWrite<int>(cancellationToken)
{
    protected override bool HasOwnConnection => true;

    protected override bool CannotJoin => context.Database.GetDbConnection().State != ConnectionState.Closed;

    protected override Task<int> WriteAsync(SqliteConnection connection, SqliteTransaction transaction) =>
        context.SaveChangesWithinAsync(connection, transaction, CancellationToken);

    protected override void OnCommitted()
    {
        if (acceptAllChangesOnSuccess)
        {
            context.ChangeTracker.AcceptAllChanges();
        }
    }

    protected override Task<int> WriteAloneAsync() => context.SaveChangesUnqueuedAsync(acceptAllChangesOnSuccess, CancellationToken);
}
