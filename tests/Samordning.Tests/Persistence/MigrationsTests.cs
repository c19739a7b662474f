using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Samordning.Feedback.Data;
using Samordning.Host.Data;
using Samordning.Meetings.Data;
using Samordning.Ministries.Data;
using Samordning.Notifications.Data;
using Samordning.Shared.Persistence;
using Samordning.Tests.Infrastructure;
using Samordning.Workstreams.Data;

namespace Samordning.Tests.Persistence;

// Every provider carries its own migrations for every store (ARCHITECTURE.md, Persistence): a model change without
// a migration for any provider fails here, the SQL Server script that production runs must still generate, and the
// SQLite and PostgreSQL migrations must apply to an empty database.
// One table of stores, so a new module is one line here rather than a copy of this class.
public sealed class MigrationsTests : IDisposable
{
    // Never opened: SQL Server contexts only build their model and script here.
    private const string SqlServerConnection = "Server=x;Database=y";

    private readonly string folder = Directory.CreateTempSubdirectory("samordning-migrations-").FullName;

    public static TheoryData<string> Stores =>
        [HostDbContext.Store, MinistriesDbContext.Store, WorkstreamsDbContext.Store, MeetingsDbContext.Store, FeedbackDbContext.Store, NotificationsDbContext.Store];

    [Theory]
    [MemberData(nameof(Stores))]
    public void HasPendingModelChanges_OnSqlServer_False(string store)
    {
        using var context = OnSqlServer(store);
        Assert.False(context.Database.HasPendingModelChanges());
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public void HasPendingModelChanges_OnSqlite_False(string store)
    {
        using var context = OnSqlite(store);
        Assert.False(context.Database.HasPendingModelChanges());
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public void HasPendingModelChanges_OnPostgreSql_False(string store)
    {
        using var context = OnPostgreSql(store, "Host=x;Database=y");
        Assert.False(context.Database.HasPendingModelChanges());
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Migrate_EmptyPostgreSqlDatabase_AllMigrationsAppliedInStoreSchema(string store)
    {
        var connectionString = TestDatabase.CreatePostgresDatabase($"migrations-{store}-{Guid.NewGuid()}");
        try
        {
            await using (var context = OnPostgreSql(store, connectionString))
            {
                await context.Database.MigrateAsync(TestContext.Current.CancellationToken);

                Assert.Empty(await context.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
                Assert.NotEmpty(await context.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
                var tables = await context.Database
                    .SqlQuery<string>($"SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = {store}")
                    .ToListAsync(TestContext.Current.CancellationToken);
                Assert.Contains("__EFMigrationsHistory", tables);
                Assert.Contains("AuditLog", tables);
            }
        }
        finally
        {
            TestDatabase.DropPostgresDatabase(connectionString);
        }
    }

    [Theory]
    [InlineData(HostDbContext.Store, "LiveItems")]
    [InlineData(HostDbContext.Store, "DataProtectionKeys")]
    [InlineData(MinistriesDbContext.Store, "Ministries")]
    [InlineData(MinistriesDbContext.Store, "AuditLog")]
    [InlineData(WorkstreamsDbContext.Store, "Initiatives")]
    [InlineData(MeetingsDbContext.Store, "Meetings")]
    [InlineData(MeetingsDbContext.Store, "Entries")]
    [InlineData(FeedbackDbContext.Store, "Rounds")]
    [InlineData(FeedbackDbContext.Store, "Items")]
    [InlineData(NotificationsDbContext.Store, "ReminderLog")]
    public void GenerateScript_Idempotent_CreatesTableInStoreSchema(string store, string table)
    {
        using var context = OnSqlServer(store);

        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains($"CREATE TABLE [{store}].[{table}]", script, StringComparison.Ordinal);
        Assert.Contains($"[{store}].[__EFMigrationsHistory]", script, StringComparison.Ordinal);
        // Idempotent: every migration is guarded by a look-up in the history table.
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
    }

    // The unique indexes that make reminders and mail go out once, whatever runs twice.
    [Theory]
    [InlineData(NotificationsDbContext.Store, "IX_ReminderLog_DeadlineKey_DueAt_RecipientId_Offset_Channel")]
    [InlineData(NotificationsDbContext.Store, "IX_Mail_Key")]
    public void GenerateScript_Idempotent_CreatesUniqueIndex(string store, string index)
    {
        using var context = OnSqlServer(store);

        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains($"CREATE UNIQUE INDEX [{index}]", script, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Migrate_EmptySqliteFile_AllMigrationsApplied(string store)
    {
        await using var context = OnSqlite(store);

        await context.Database.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Empty(await context.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.NotEmpty(await context.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
    }

    // A start on existing data reads the history and goes on: no migration lock, no second look (DatabaseMigrator).
    [Theory]
    [MemberData(nameof(Stores))]
    public async Task MigrateAsync_UpToDateSqliteFile_AppliesNothingWithoutTakingTheMigrationLock(string store)
    {
        await using (var first = OnSqlite(store))
        {
            Assert.NotEqual(0, await DatabaseMigrator.MigrateAsync(first, TestContext.Current.CancellationToken));
        }

        var commands = new CommandRecorder();
        await using var second = OnSqlite(store, commands);

        var applied = await DatabaseMigrator.MigrateAsync(second, TestContext.Current.CancellationToken);

        Assert.Equal(0, applied);
        Assert.NotEmpty(commands.Sql);
        Assert.DoesNotContain(commands.Sql, sql => sql.Contains("__EFMigrationsLock", StringComparison.Ordinal));
        Assert.Empty(await second.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }

    // RunningConfirmations adds CountsAsRunning and fills it for the confirmations given before: true only for a
    // running initiative still owned by the ministry that confirmed it. Applied to a database holding confirmations,
    // as production's is, not only to an empty one.
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task Migrate_RunningConfirmationsOverExistingConfirmations_FlagsExactlyTheOwnersRunningOnes(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = provider == "PostgreSql" ? TestDatabase.CreatePostgresDatabase($"migrations-running-{Guid.NewGuid()}") : null;
        try
        {
            await using var db = (WorkstreamsDbContext)(connectionString is null ? OnSqlite(WorkstreamsDbContext.Store) : OnPostgreSql(WorkstreamsDbContext.Store, connectionString));
            var migrations = db.Database.GetMigrations().ToList();
            var added = migrations.FindIndex(m => m.EndsWith("_RunningConfirmations", StringComparison.Ordinal));
            Assert.True(added > 0, "The migration and one before it exist.");
            await db.GetService<IMigrator>().MigrateAsync(migrations[added - 1], ct);

            Guid owner = Guid.NewGuid(), other = Guid.NewGuid();
            var (earlier, later) = (new ReportingRound { Title = "Vår", OpenedBy = "KDD" }, new ReportingRound { Title = "Høst", OpenedBy = "KDD" });
            Initiative Of(Phase phase) => new() { Title = $"Tiltak {phase}", OwningMinistryId = owner, OwningMinistryCode = "KDD", Phase = phase };
            var running = Of(Phase.InProgress);
            var planned = Of(Phase.Planned);
            var completed = Of(Phase.Completed);
            var stopped = Of(Phase.Stopped);
            db.Initiatives.AddRange(running, planned, completed, stopped);
            db.ReportingRounds.AddRange(earlier, later);
            await db.SaveChangesAsync(ct);

            // (round, initiative, the confirming ministry) and whether it counts as running after the migration.
            var expected = new Dictionary<(Guid Round, Guid Initiative, Guid Ministry), bool>
            {
                [(later.Id, running.Id, owner)] = true,
                [(later.Id, planned.Id, owner)] = true,
                [(earlier.Id, running.Id, other)] = false, // confirmed by a ministry that has since handed it over
                [(later.Id, completed.Id, owner)] = false,
                [(earlier.Id, stopped.Id, owner)] = false,
            };
            var table = db.Model.FindEntityType(typeof(RoundConfirmation))!;
            var name = table.GetSchema() is { } schema ? $"\"{schema}\".\"{table.GetTableName()}\"" : $"\"{table.GetTableName()}\"";

            // The table as it was before the migration: no CountsAsRunning yet. The names come from the model.
            var insert = $"INSERT INTO {name} (\"RoundId\", \"InitiativeId\", \"MinistryId\", \"ConfirmedAt\", \"PersonName\") VALUES ({{0}}, {{1}}, {{2}}, {{3}}, 'Kari')";
            foreach (var ((round, initiative, ministry), _) in expected)
            {
                await db.Database.ExecuteSqlRawAsync(insert, [round, initiative, ministry, provider == "PostgreSql" ? DateTimeOffset.UtcNow : 0L], ct);
            }

            await db.Database.MigrateAsync(ct);

            var flags = await db.RoundConfirmations.AsNoTracking()
                .Select(c => new { c.RoundId, c.InitiativeId, c.MinistryId, c.CountsAsRunning })
                .ToDictionaryAsync(c => (c.RoundId, c.InitiativeId, c.MinistryId), c => c.CountsAsRunning, ct);
            Assert.Equal(expected.OrderBy(e => e.Key), flags.OrderBy(e => e.Key));
        }
        finally
        {
            if (connectionString is not null)
            {
                TestDatabase.DropPostgresDatabase(connectionString);
            }
        }
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private sealed class CommandRecorder : DbCommandInterceptor
    {
        public List<string> Sql { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Sql.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Sql.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Sql.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }

    private static DbContext OnSqlServer(string store) => store switch
    {
        HostDbContext.Store => new HostDbContext(SqlServer<HostDbContext>(store)),
        MinistriesDbContext.Store => new MinistriesDbContext(SqlServer<MinistriesDbContext>(store)),
        WorkstreamsDbContext.Store => new WorkstreamsDbContext(SqlServer<WorkstreamsDbContext>(store)),
        MeetingsDbContext.Store => new MeetingsDbContext(SqlServer<MeetingsDbContext>(store)),
        FeedbackDbContext.Store => new FeedbackDbContext(SqlServer<FeedbackDbContext>(store)),
        NotificationsDbContext.Store => new NotificationsDbContext(SqlServer<NotificationsDbContext>(store)),
        _ => throw new ArgumentOutOfRangeException(nameof(store), store, "No such store."),
    };

    private DbContext OnSqlite(string store, CommandRecorder? recorder = null) => store switch
    {
        HostDbContext.Store => new SqliteHostDbContext(Sqlite<SqliteHostDbContext>(store, recorder)),
        MinistriesDbContext.Store => new SqliteMinistriesDbContext(Sqlite<SqliteMinistriesDbContext>(store, recorder)),
        WorkstreamsDbContext.Store => new SqliteWorkstreamsDbContext(Sqlite<SqliteWorkstreamsDbContext>(store, recorder)),
        MeetingsDbContext.Store => new SqliteMeetingsDbContext(Sqlite<SqliteMeetingsDbContext>(store, recorder)),
        FeedbackDbContext.Store => new SqliteFeedbackDbContext(Sqlite<SqliteFeedbackDbContext>(store, recorder)),
        NotificationsDbContext.Store => new SqliteNotificationsDbContext(Sqlite<SqliteNotificationsDbContext>(store, recorder)),
        _ => throw new ArgumentOutOfRangeException(nameof(store), store, "No such store."),
    };

    private static DbContext OnPostgreSql(string store, string connectionString) => store switch
    {
        HostDbContext.Store => new PostgresHostDbContext(Postgres<PostgresHostDbContext>(store, connectionString)),
        MinistriesDbContext.Store => new PostgresMinistriesDbContext(Postgres<PostgresMinistriesDbContext>(store, connectionString)),
        WorkstreamsDbContext.Store => new PostgresWorkstreamsDbContext(Postgres<PostgresWorkstreamsDbContext>(store, connectionString)),
        MeetingsDbContext.Store => new PostgresMeetingsDbContext(Postgres<PostgresMeetingsDbContext>(store, connectionString)),
        FeedbackDbContext.Store => new PostgresFeedbackDbContext(Postgres<PostgresFeedbackDbContext>(store, connectionString)),
        NotificationsDbContext.Store => new PostgresNotificationsDbContext(Postgres<PostgresNotificationsDbContext>(store, connectionString)),
        _ => throw new ArgumentOutOfRangeException(nameof(store), store, "No such store."),
    };

    private static DbContextOptions<T> Postgres<T>(string store, string connectionString) where T : DbContext =>
        new DbContextOptionsBuilder<T>()
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", store))
            .Options;

    private static DbContextOptions<T> SqlServer<T>(string store) where T : DbContext =>
        new DbContextOptionsBuilder<T>()
            .UseSqlServer(SqlServerConnection, sql => sql.MigrationsHistoryTable("__EFMigrationsHistory", store))
            .Options;

    private DbContextOptions<T> Sqlite<T>(string name, CommandRecorder? recorder = null) where T : DbContext
    {
        var options = new DbContextOptionsBuilder<T>().UseSqlite($"Data Source={Path.Combine(folder, name + ".db")};Pooling=False");
        return (recorder is null ? options : options.AddInterceptors(recorder)).Options;
    }
}
