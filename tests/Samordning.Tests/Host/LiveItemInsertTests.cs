using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Host.Data;
using Samordning.Host.Live;
using Samordning.Tests.Infrastructure;
using SQLitePCL;

namespace Samordning.Tests.Host;

// The live insert takes each topic's next sequence number in the statement itself. Its cost must not grow with the
// items a topic already holds: a meeting's topic gathers thousands of notes. Counted in SQLite's virtual-machine
// steps for one insert (deterministic, unlike a time), on a topic of 10 items and on one of 5,000.
[Trait("Provider", "Sqlite")]
public sealed class LiveItemInsertTests(SamordningFactory factory) : IClassFixture<SamordningFactory>
{
    [Fact]
    public async Task Insert_TopicWithManyItems_CostsNoMoreStepsThanASmallOne()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = db.Database.GenerateCreateScript();
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await FillAsync(connection, "meeting:small", 10);
        await FillAsync(connection, "meeting:large", 5_000);
        await using var command = LiveItemInsert.For(db).Create(connection, transaction: null);

        var (smallSequence, smallSteps) = InsertCountingSteps(connection, command.CommandText, "meeting:small");
        var (largeSequence, largeSteps) = InsertCountingSteps(connection, command.CommandText, "meeting:large");

        Assert.Equal(11, smallSequence);
        Assert.Equal(5_001, largeSequence);
        // A seek to the topic's last entry costs the same whatever the topic holds; a scan costs thousands more.
        Assert.InRange(largeSteps, 1, smallSteps + 20);
    }

    private static async Task FillAsync(SqliteConnection connection, string topic, int items)
    {
        await using var fill = connection.CreateCommand();
        fill.CommandText = """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @items)
            INSERT INTO "LiveItems" ("Topic", "Sequence", "Type", "Payload", "At") SELECT @topic, i, 'test', '{}', '2026-12-06 12:00:00+00:00' FROM n
            """;
        fill.Parameters.AddWithValue("@items", items);
        fill.Parameters.AddWithValue("@topic", topic);
        await fill.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    // Prepares the statement through SQLite itself, runs it once and reads how many steps its program took.
    private static (long Sequence, int Steps) InsertCountingSteps(SqliteConnection connection, string sql, string topic)
    {
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement));
        using (statement)
        {
            Bind(statement, "@topic", topic);
            Bind(statement, "@type", "test");
            Bind(statement, "@payload", "{}");
            Bind(statement, "@at", "2026-12-06 12:00:00+00:00");
            Assert.Equal(raw.SQLITE_OK, raw.sqlite3_bind_null(statement, raw.sqlite3_bind_parameter_index(statement, "@source")));
            Assert.Equal(raw.SQLITE_ROW, raw.sqlite3_step(statement));
            var sequence = raw.sqlite3_column_int64(statement, 0);
            Assert.Equal(raw.SQLITE_DONE, raw.sqlite3_step(statement));
            return (sequence, raw.sqlite3_stmt_status(statement, raw.SQLITE_STMTSTATUS_VM_STEP, 0));
        }
    }

    private static void Bind(sqlite3_stmt statement, string name, string value) =>
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_bind_text(statement, raw.sqlite3_bind_parameter_index(statement, name), value));
}
