using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Samordning.Feedback.Data;

namespace Samordning.Tests.Feedback;

// The Feedback store carries migrations for both providers (ARCHITECTURE.md, Persistence).
public sealed class FeedbackMigrationsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("samordning-feedback-migrations-").FullName;

    [Fact]
    public void HasPendingModelChanges_FeedbackOnSqlServer_False()
    {
        using var context = OnSqlServer();
        Assert.False(context.Database.HasPendingModelChanges());
    }

    [Fact]
    public void HasPendingModelChanges_FeedbackOnSqlite_False()
    {
        using var context = new SqliteFeedbackDbContext(Sqlite());
        Assert.False(context.Database.HasPendingModelChanges());
    }

    [Fact]
    public void GenerateScript_FeedbackIdempotent_CreatesTablesInModuleSchema()
    {
        using var context = OnSqlServer();

        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [feedback].[Items]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [feedback].[Rounds]", script, StringComparison.Ordinal);
        Assert.Contains("[feedback].[__EFMigrationsHistory]", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_EmptySqliteFile_AllMigrationsApplied()
    {
        await using var context = new SqliteFeedbackDbContext(Sqlite());

        await context.Database.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Empty(await context.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static FeedbackDbContext OnSqlServer() =>
        new(new DbContextOptionsBuilder<FeedbackDbContext>()
            .UseSqlServer("Server=x;Database=y", sql => sql.MigrationsHistoryTable("__EFMigrationsHistory", FeedbackDbContext.Store))
            .Options);

    private DbContextOptions<SqliteFeedbackDbContext> Sqlite() =>
        new DbContextOptionsBuilder<SqliteFeedbackDbContext>().UseSqlite($"Data Source={Path.Combine(_folder, "feedback.db")};Pooling=False").Options;
}
