using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Samordning.Meetings.Data;

namespace Samordning.Tests.Meetings;

// The Meetings store carries migrations for both providers; a model change without them fails here.
public sealed class MeetingsMigrationsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("samordning-meetings-migrations-").FullName;

    [Fact]
    public void HasPendingModelChanges_MeetingsOnSqlServer_False()
    {
        using var context = OnSqlServer();
        Assert.False(context.Database.HasPendingModelChanges());
    }

    [Fact]
    public void HasPendingModelChanges_MeetingsOnSqlite_False()
    {
        using var context = OnSqlite();
        Assert.False(context.Database.HasPendingModelChanges());
    }

    [Fact]
    public void GenerateScript_MeetingsIdempotent_CreatesTablesInModuleSchema()
    {
        using var context = OnSqlServer();

        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [meetings].[Meetings]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [meetings].[Entries]", script, StringComparison.Ordinal);
        Assert.Contains("[meetings].[__EFMigrationsHistory]", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_EmptySqliteFile_AllMigrationsApplied()
    {
        await using var context = OnSqlite();

        await context.Database.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Empty(await context.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static MeetingsDbContext OnSqlServer() =>
        new(new DbContextOptionsBuilder<MeetingsDbContext>()
            .UseSqlServer("Server=x;Database=y", sql => sql.MigrationsHistoryTable("__EFMigrationsHistory", MeetingsDbContext.Store))
            .Options);

    private SqliteMeetingsDbContext OnSqlite() =>
        new(new DbContextOptionsBuilder<SqliteMeetingsDbContext>().UseSqlite($"Data Source={Path.Combine(_folder, "meetings.db")};Pooling=False").Options);
}
