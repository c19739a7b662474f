using Microsoft.EntityFrameworkCore;
using Samordning.Shared.Persistence;
using Samordning.Tests.Infrastructure;

namespace Samordning.Tests.Shared.Persistence;

// The one test for "someone stored this key first", against the suite's database: a SQLite file in the first pass,
// PostgreSQL (or SQL Server) in the server pass, so every provider's error numbers are checked where it runs.
// A NOT NULL failure is the same constraint class on SQLite (19) and must not count as a unique violation.
public sealed class UniqueViolationTests : IAsyncLifetime
{
    private readonly string key = $"unique-violation-{Guid.NewGuid():N}";
    private string connectionString = "";
    private string? folder;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        if (TestDatabase.OnServer)
        {
            connectionString = TestDatabase.CreateServerDatabase(key);
        }
        else
        {
            folder = Directory.CreateTempSubdirectory("samordning-unique-").FullName;
            connectionString = $"Data Source={Path.Combine(folder, "unique.db")};Pooling=false";
        }

        await using var db = Context();
        await db.Database.EnsureCreatedAsync(Ct);
        db.Rows.Add(new KeyedRow { Key = "taken" });
        await db.SaveChangesAsync(Ct);
    }

    public ValueTask DisposeAsync()
    {
        if (TestDatabase.OnServer)
        {
            TestDatabase.DropServerDatabase(connectionString);
        }
        else
        {
            Directory.Delete(folder!, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Is_SameKeyStoredTwice_True()
    {
        var failure = await SaveFailureAsync(new KeyedRow { Key = "taken" });

        Assert.True(UniqueViolation.Is(failure), $"{TestDatabase.Provider}: {failure.InnerException?.Message}");
    }

    [Fact]
    public async Task Is_NullInRequiredColumn_False()
    {
        var failure = await SaveFailureAsync(new KeyedRow { Key = null! });

        Assert.False(UniqueViolation.Is(failure), $"{TestDatabase.Provider}: {failure.InnerException?.Message}");
    }

    [Fact]
    public void Is_NoProviderException_False() =>
        Assert.False(UniqueViolation.Is(new DbUpdateException("No inner exception.")));

    private async Task<DbUpdateException> SaveFailureAsync(KeyedRow row)
    {
        await using var db = Context();
        db.Rows.Add(row);
        return await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
    }

    private KeyedContext Context()
    {
        var options = new DbContextOptionsBuilder<KeyedContext>();
        _ = TestDatabase.Provider switch
        {
            "PostgreSql" => options.UseNpgsql(connectionString),
            "SqlServer" => options.UseSqlServer(connectionString),
            _ => options.UseSqlite(connectionString),
        };
        return new KeyedContext(options.Options);
    }

    private sealed class KeyedRow
    {
        public int Id { get; set; }

        public string Key { get; set; } = "";
    }

    private sealed class KeyedContext(DbContextOptions<KeyedContext> options) : DbContext(options)
    {
        public DbSet<KeyedRow> Rows => Set<KeyedRow>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) =>
            modelBuilder.Entity<KeyedRow>().HasIndex(r => r.Key).IsUnique();
    }
}
