using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Samordning.Notifications.Data;

namespace Samordning.Tests.Notifications;

// The Notifications store's migrations for both providers, as for the other modules (Persistence/MigrationsTests).
public sealed class NotificationsMigrationsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("samordning-notifications-migrations-").FullName;

    [Fact]
    public void HasPendingModelChanges_OnSqlServer_False()
    {
        using var context = OnSqlServer();
        Assert.False(context.Database.HasPendingModelChanges());
    }

    [Fact]
    public void HasPendingModelChanges_OnSqlite_False()
    {
        using var context = OnSqlite();
        Assert.False(context.Database.HasPendingModelChanges());
    }

    [Fact]
    public void GenerateScript_Idempotent_ReminderLogWithItsUniqueKeyInTheSchema()
    {
        using var context = OnSqlServer();

        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [notifications].[ReminderLog]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_ReminderLog_DeadlineKey_DueAt_RecipientId_Offset_Channel]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Mail_Key]", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_EmptySqliteFile_AllMigrationsApplied()
    {
        await using var context = OnSqlite();

        await context.Database.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Empty(await context.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static NotificationsDbContext OnSqlServer() =>
        new(new DbContextOptionsBuilder<NotificationsDbContext>()
            .UseSqlServer("Server=x;Database=y", sql => sql.MigrationsHistoryTable("__EFMigrationsHistory", NotificationsDbContext.Store))
            .Options);

    private SqliteNotificationsDbContext OnSqlite() =>
        new(new DbContextOptionsBuilder<SqliteNotificationsDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_folder, "notifications.db")};Pooling=False").Options);
}
