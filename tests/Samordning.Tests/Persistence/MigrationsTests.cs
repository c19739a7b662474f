using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Samordning.Host.Data;
using Samordning.Ministries.Data;

namespace Samordning.Tests.Persistence;

// Both providers carry their own migrations (ARCHITECTURE.md, Persistence): a model change without a migration
// for either provider fails here, and the SQL Server script that production runs must still generate.
public sealed class MigrationsTests : IDisposable
{
    // Never opened: SQL Server contexts only build their model and script here.
    private const string SqlServerConnection = "Server=x;Database=y";

    private readonly string _folder = Directory.CreateTempSubdirectory("samordning-migrations-").FullName;

    [Fact]
    public void HasPendingModelChanges_MinistriesOnSqlServer_False()
    {
        using var context = MinistriesOnSqlServer();
        Assert.False(context.Database.HasPendingModelChanges());
    }

    [Fact]
    public void HasPendingModelChanges_MinistriesOnSqlite_False()
    {
        using var context = new SqliteMinistriesDbContext(Sqlite<SqliteMinistriesDbContext>("ministries"));
        Assert.False(context.Database.HasPendingModelChanges());
    }

    [Fact]
    public void HasPendingModelChanges_HostOnSqlServer_False()
    {
        using var context = HostOnSqlServer();
        Assert.False(context.Database.HasPendingModelChanges());
    }

    [Fact]
    public void HasPendingModelChanges_HostOnSqlite_False()
    {
        using var context = new SqliteHostDbContext(Sqlite<SqliteHostDbContext>("host"));
        Assert.False(context.Database.HasPendingModelChanges());
    }

    [Fact]
    public void GenerateScript_MinistriesIdempotent_CreatesTablesInModuleSchema()
    {
        using var context = MinistriesOnSqlServer();

        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [ministries].[Ministries]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [ministries].[AuditLog]", script, StringComparison.Ordinal);
        Assert.Contains("[ministries].[__EFMigrationsHistory]", script, StringComparison.Ordinal);
        // Idempotent: every migration is guarded by a look-up in the history table.
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
    }

    [Fact]
    public void GenerateScript_HostIdempotent_CreatesTablesInHostSchema()
    {
        using var context = HostOnSqlServer();

        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [host].[LiveItems]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [host].[DataProtectionKeys]", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_EmptySqliteFile_AllMigrationsApplied()
    {
        await using var context = new SqliteMinistriesDbContext(Sqlite<SqliteMinistriesDbContext>("applied"));

        await context.Database.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Empty(await context.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.NotEmpty(await context.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static MinistriesDbContext MinistriesOnSqlServer() =>
        new(new DbContextOptionsBuilder<MinistriesDbContext>()
            .UseSqlServer(SqlServerConnection, sql => sql.MigrationsHistoryTable("__EFMigrationsHistory", MinistriesDbContext.Store))
            .Options);

    private static HostDbContext HostOnSqlServer() =>
        new(new DbContextOptionsBuilder<HostDbContext>()
            .UseSqlServer(SqlServerConnection, sql => sql.MigrationsHistoryTable("__EFMigrationsHistory", HostDbContext.Store))
            .Options);

    private DbContextOptions<T> Sqlite<T>(string name) where T : DbContext =>
        new DbContextOptionsBuilder<T>().UseSqlite($"Data Source={Path.Combine(_folder, name + ".db")};Pooling=False").Options;
}
