using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Samordning.Workstreams.Data;

namespace Samordning.Tests.Workstreams;

// The module's real model and SQLite migrations on an in-memory database, for unit tests of handlers and rules
// that query it; the connection lives as long as the test. The database is named and shared, so that a test of
// concurrent readers can give each its own connection (a SqliteConnection serves one caller at a time). Not pooled:
// a pooled connection would keep the database after the test.
internal sealed class InMemoryWorkstreamsDb : IAsyncDisposable
{
    private readonly string connectionString = $"Data Source=workstreams-{Guid.NewGuid():N};Mode=Memory;Cache=Shared;Pooling=False";
    private readonly SqliteConnection connection;

    private InMemoryWorkstreamsDb() => connection = new(connectionString);

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

    // A context that opens a connection of its own to the same database, for callers running at the same time.
    public WorkstreamsDbContext ContextOnItsOwnConnection() =>
        new SqliteWorkstreamsDbContext(new DbContextOptionsBuilder<SqliteWorkstreamsDbContext>().UseSqlite(connectionString).Options);

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
