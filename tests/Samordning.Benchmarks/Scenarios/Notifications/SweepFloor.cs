using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Samordning.Benchmarks.Data;
using Samordning.Meetings.Entries;
using Samordning.Notifications.Scheduling;

namespace Samordning.Benchmarks.Scenarios.Notifications;

// The floor of the sweep: the same due reminders (deadline key, due at, recipient, offset, channel) that are not
// yet in the reminder log, selected with one bare SQL query over the Meetings store joined with the registry and
// the Notifications store (on SQLite their files attached to meetings.db, on PostgreSQL their schemas in the one
// database). What is due is decided per calendar day, not per row: an action item is due at the end of its day,
// so the product's own schedule is asked once for each of the ~200 days in range and the answer goes into the
// query as a VALUES table. The query then does what the sweep does in the database: the open action items, their
// owner if active, the mail channel unless the person turned it off, minus what the log has. No mail rendering,
// no inserts: the floor selects, the subject selects and claims.
// The query starts from the due days and finds each day's open action items on a partial index of their due dates
// (CreateIndexAsync). Without it every plan reads all 50,000 entries (SQLite read them once per channel and compared
// each with every due day): 0.11-0.14 s of CPU against 0.01 s with the index, on a copy with 50,000 action items.
internal sealed class SweepFloor(BenchDatabase database, string ministriesFile, string notificationsFile, IReadOnlyList<ReminderOffset> policy, ReminderSchedule schedule)
{
    // The open action items by due date: what a reminder query needs, and only those rows. The product has no such
    // index (its source reads every open action item up to its horizon); it should have it and ask for the due days.
    public async Task CreateIndexAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync("meetings", cancellationToken);
        var entries = database.Table("meetings", "Entries");
        // On PostgreSQL the table's statistics are brought up to date after the bulk insert too, as a good engineer
        // would; on SQLite no statistics are written, since they would change the product's plans in the same file.
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            CREATE INDEX IF NOT EXISTS "IX_Entries_DueDate_OpenActions" ON {entries} ("DueDate")
            WHERE "Kind" = 'ActionItem' AND "ActionStatus" = 'Open' AND NOT "Withdrawn";
            {(database.OnPostgres ? $"ANALYZE {entries};" : "")}
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<HashSet<string>> SelectDueAsync(DateTimeOffset now, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var parameters = new List<(string Name, object? Value)>();
        var values = new StringBuilder();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var dueAt = MeetingDeadlines.EndOfDay(day);
            if (schedule.Due(policy, dueAt, now) is { } offset)
            {
                var i = parameters.Count / 3;
                values.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}(@d{i}, @a{i}, @o{i})");
                parameters.Add(($"@d{i}", database.Day(day)));
                parameters.Add(($"@a{i}", database.Instant(dueAt)));
                parameters.Add(($"@o{i}", offset.Code));
            }
        }

        var due = new HashSet<string>(StringComparer.Ordinal);
        if (parameters.Count == 0)
        {
            return due;
        }

        await using var connection = await database.OpenAsync("meetings", cancellationToken);
        await AttachOnSqliteAsync(connection, cancellationToken);
        await using var command = await database.CommandAsync(connection, $"""
            WITH due("Day", "DueAt", "Offset") AS (VALUES {values}),
                 channel("Name") AS (VALUES ('app'), ('mail')),
                 reminder AS (
                     SELECT 'meetings.action:' || lower(CAST(e."Id" AS TEXT)) AS "Key", due."DueAt", e."OwnerPersonId" AS "Recipient", due."Offset", channel."Name" AS "Channel"
                     FROM {Table("meetings", "Entries")} e
                     JOIN due ON due."Day" = e."DueDate"
                     JOIN {Table("ministries", "People")} p ON p."Id" = e."OwnerPersonId" AND p."Active"
                     LEFT JOIN {Table("notifications", "Preferences")} pr ON pr."PersonId" = e."OwnerPersonId"
                     JOIN channel ON channel."Name" = 'app' OR coalesce(pr."EmailEnabled", TRUE)
                     WHERE e."Kind" = 'ActionItem' AND NOT e."Withdrawn" AND e."ActionStatus" = 'Open' AND e."OwnerPersonId" IS NOT NULL)
            SELECT r."Key", r."DueAt", r."Recipient", r."Offset", r."Channel"
            FROM reminder r
            WHERE NOT EXISTS (
                SELECT 1 FROM {Table("notifications", "ReminderLog")} l
                WHERE l."DeadlineKey" = r."Key" AND l."DueAt" = r."DueAt" AND l."RecipientId" = r."Recipient"
                  AND l."Offset" = r."Offset" AND l."Channel" = r."Channel")
            """, cancellationToken, null, [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(Key(reader.GetString(0), BenchDatabase.ReadInstant(reader, 1), BenchDatabase.ReadId(reader.GetValue(2)), reader.GetString(3), reader.GetString(4)));
        }

        return due;
    }

    // One reminder log key as text, so the floor's rows and the log's rows compare as sets.
    public static string Key(string deadline, DateTimeOffset dueAt, Guid recipient, string offset, string channel) =>
        string.Create(CultureInfo.InvariantCulture, $"{deadline}|{dueAt.UtcTicks}|{recipient:N}|{offset}|{channel}");

    // On SQLite the other stores are files attached as m and n; on PostgreSQL they are schemas of the same database.
    private string Table(string store, string table) => (database.OnPostgres, store) switch
    {
        (true, _) => database.Table(store, table),
        (false, "ministries") => $"m.\"{table}\"",
        (false, "notifications") => $"n.\"{table}\"",
        _ => $"\"{table}\"",
    };

    private async Task AttachOnSqliteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // A pooled connection keeps what was attached to it.
        if (connection is not SqliteConnection sqlite
            || await database.CountAsync(sqlite, "SELECT count(*) FROM pragma_database_list WHERE name IN ('m', 'n')", cancellationToken) == 2)
        {
            return;
        }

        await using var attach = sqlite.CreateCommand();
        attach.CommandText = "ATTACH DATABASE $m AS m; ATTACH DATABASE $n AS n;";
        attach.Parameters.AddWithValue("$m", ministriesFile);
        attach.Parameters.AddWithValue("$n", notificationsFile);
        await attach.ExecuteNonQueryAsync(cancellationToken);
    }
}
