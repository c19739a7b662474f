using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Samordning.Benchmarks.Data;
using Samordning.Meetings.Entries;
using Samordning.Notifications.Scheduling;

namespace Samordning.Benchmarks.Scenarios.Notifications;

// The floor of the sweep: the same due reminders (deadline key, due at, recipient, offset, channel) that are not
// yet in the reminder log, selected with one bare SQL query over meetings.db with the registry and the
// notifications store attached. What is due is decided per calendar day, not per row: an action item is due at
// the end of its day, so the product's own schedule is asked once for each of the ~200 days in range and the
// answer goes into the query as a VALUES table. The query then does what the sweep does in the database: the open
// action items, their owner if active, the mail channel unless the person turned it off, minus what the log has.
// No mail rendering, no inserts: the floor selects, the subject selects and claims.
internal sealed class SweepFloor(string meetingsConnection, string ministriesFile, string notificationsFile, IReadOnlyList<ReminderOffset> policy, ReminderSchedule schedule)
{
    public async Task<HashSet<string>> SelectDueAsync(DateTimeOffset now, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var days = new List<(string Day, long DueAt, string Offset)>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var dueAt = MeetingDeadlines.EndOfDay(day);
            if (schedule.Due(policy, dueAt, now) is { } offset)
            {
                days.Add((SqliteValues.Day(day), SqliteValues.Instant(dueAt), offset.Code));
            }
        }

        var due = new HashSet<string>(StringComparer.Ordinal);
        if (days.Count == 0)
        {
            return due;
        }

        await using var connection = new SqliteConnection(meetingsConnection);
        await connection.OpenAsync(cancellationToken);

        // A pooled connection keeps what was attached to it.
        if (await Sql.CountAsync(connection, "SELECT count(*) FROM pragma_database_list WHERE name IN ('m', 'n')", cancellationToken) < 2)
        {
            await using var attach = connection.CreateCommand();
            attach.CommandText = "ATTACH DATABASE $m AS m; ATTACH DATABASE $n AS n;";
            attach.Parameters.AddWithValue("$m", ministriesFile);
            attach.Parameters.AddWithValue("$n", notificationsFile);
            await attach.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = connection.CreateCommand();
        var values = new StringBuilder();
        for (var i = 0; i < days.Count; i++)
        {
            values.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}($d{i}, $a{i}, $o{i})");
            command.Parameters.AddWithValue($"$d{i}", days[i].Day);
            command.Parameters.AddWithValue($"$a{i}", days[i].DueAt);
            command.Parameters.AddWithValue($"$o{i}", days[i].Offset);
        }

        command.CommandText = $"""
            WITH due("Day", "DueAt", "Offset") AS (VALUES {values}),
                 channel("Name") AS (VALUES ('app'), ('mail')),
                 reminder AS (
                     SELECT 'meetings.action:' || lower(e."Id") AS "Key", due."DueAt", e."OwnerPersonId" AS "Recipient", due."Offset", channel."Name" AS "Channel"
                     FROM "Entries" e
                     JOIN due ON due."Day" = e."DueDate"
                     JOIN m."People" p ON p."Id" = e."OwnerPersonId" AND p."Active" = 1
                     LEFT JOIN n."Preferences" pr ON pr."PersonId" = e."OwnerPersonId"
                     JOIN channel ON channel."Name" = 'app' OR coalesce(pr."EmailEnabled", 1) = 1
                     WHERE e."Kind" = 'ActionItem' AND e."Withdrawn" = 0 AND e."ActionStatus" = 'Open' AND e."OwnerPersonId" IS NOT NULL)
            SELECT r."Key", r."DueAt", r."Recipient", r."Offset", r."Channel"
            FROM reminder r
            WHERE NOT EXISTS (
                SELECT 1 FROM n."ReminderLog" l
                WHERE l."DeadlineKey" = r."Key" AND l."DueAt" = r."DueAt" AND l."RecipientId" = r."Recipient"
                  AND l."Offset" = r."Offset" AND l."Channel" = r."Channel")
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(Key(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }

        return due;
    }

    // One reminder log key as text, so the floor's rows and the log's rows compare as sets.
    public static string Key(string deadline, long dueAt, string recipient, string offset, string channel) =>
        string.Create(CultureInfo.InvariantCulture, $"{deadline}|{dueAt}|{Guid.Parse(recipient):N}|{offset}|{channel}");
}
