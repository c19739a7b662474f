using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Samordning.Shared.Persistence;

// A statement without change tracking (ExecuteUpdate, ExecuteDelete) as a write of its file's group writer (see
// ModuleDbContext.ExecuteWriteAsync): in a group on the group's connection and transaction, alone as EF Core runs it.
internal sealed class SqliteStatement(ModuleDbContext context, Func<CancellationToken, Task<int>> statement, CancellationToken cancellationToken)
    : SqliteWrite<int>(cancellationToken)
{
    protected override bool HasOwnConnection => true;

    protected override bool CannotJoin => context.Database.GetDbConnection().State != ConnectionState.Closed;

    protected override Task<int> WriteAsync(SqliteConnection connection, SqliteTransaction transaction) =>
        context.WithinAsync(connection, transaction, () => statement(CancellationToken), CancellationToken);

    protected override Task<int> WriteAloneAsync() => statement(CancellationToken);
}
