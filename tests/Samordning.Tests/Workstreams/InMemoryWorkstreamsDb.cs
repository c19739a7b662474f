using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Samordning.Workstreams.Data;

namespace Samordning.Tests.Workstreams;

// The module's real model and SQLite migrations on an in-memory database, for unit tests of handlers and rules
// that query it; the connection lives as long as the test.
internal sealed class InMemoryWorkstreamsDb : IAsyncDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");

    private InMemoryWorkstreamsDb()
    {
    }

    public static async Task<InMemoryWorkstreamsDb> CreateAsync(CancellationToken cancellationToken)
    {
        var db = new InMemoryWorkstreamsDb();
        await db.connection.OpenAsync(cancellationToken);
        await using var context = db.Context();
        await context.Database.MigrateAsync(cancellationToken);
        return db;
    }

    public WorkstreamsDbContext Context() =>
        new SqliteWorkstreamsDbContext(new DbContextOptionsBuilder<SqliteWorkstreamsDbContext>().UseSqlite(connection).Options);

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
