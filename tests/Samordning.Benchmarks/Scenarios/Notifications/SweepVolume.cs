using System.Globalization;
using Microsoft.Data.Sqlite;
using Samordning.Benchmarks.Data;

namespace Samordning.Benchmarks.Scenarios.Notifications;

// The sweep's 50,000 open deadlines, as rows in a module's own store rather than a source the benchmark makes up:
// open action items in meetings.db, which the product's own IDeadlineSource (Meetings' MeetingDeadlines) reads
// with EF Core, so the subject pays for the real source query. Their owners are the seeded people plus 500 more
// in ministries.db, some with e-mail reminders off or a daily digest (notifications.db preferences), so the
// registry lookups, preferences and both channels are exercised. Bare Microsoft.Data.Sqlite, one transaction
// per file, values written as EF Core stores them (upper-case text Guids, binary DateTimeOffset, 'yyyy-MM-dd').
internal static class SweepVolume
{
    public const int OpenDeadlines = 50_000;
    public const int ExtraPeople = 500;

    // Due dates run from two weeks back to about six months ahead of the pinned morning, one every ~4 deadlines
    // a day: about a tenth are due on the first sweep (the overdue ones and those due within 7 days).
    public const int DaysBack = 14;
    public const int DaysAhead = 180;

    public static async Task<int> CreateAsync(string meetings, string ministries, string notifications, DateOnly today, CancellationToken cancellationToken)
    {
        var people = await AddPeopleAsync(ministries, notifications, cancellationToken);
        await using var connection = new SqliteConnection(meetings);
        await connection.OpenAsync(cancellationToken);
        var meetingIds = await Sql.ListAsync(connection, """SELECT "Id" FROM "Meetings" ORDER BY "Id" """, [], r => r.GetString(0), cancellationToken);
        if (meetingIds.Count == 0)
        {
            throw new Harness.ScenarioFailedException("meetings.db has no meeting to hang the action items on (is demo data seeding off?).");
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO "Entries" ("Id", "MeetingId", "AgendaItemId", "Kind", "Text", "OwnerPersonId", "OwnerName", "DueDate",
                "ActionStatus", "OrganisationName", "OrganisationNumber", "ContributorPersonId", "Withdrawn", "AuthorPersonId",
                "AuthorName", "CreatedAt", "UpdatedAt", "SentToFeedbackAt", "Version")
            VALUES ($id, $meeting, NULL, 'ActionItem', $text, $owner, $ownerName, $due, 'Open', NULL, NULL, NULL, 0, NULL,
                'Benchmark', $now, $now, NULL, 0)
            """;
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var meeting = insert.Parameters.Add("$meeting", SqliteType.Text);
        var text = insert.Parameters.Add("$text", SqliteType.Text);
        var owner = insert.Parameters.Add("$owner", SqliteType.Text);
        var ownerName = insert.Parameters.Add("$ownerName", SqliteType.Text);
        var due = insert.Parameters.Add("$due", SqliteType.Text);
        insert.Parameters.AddWithValue("$now", SqliteValues.Instant(DateTimeOffset.UtcNow));
        await insert.PrepareAsync(cancellationToken);
        var span = DaysBack + DaysAhead;
        for (var i = 0; i < OpenDeadlines; i++)
        {
            var person = people[i % people.Count];
            id.Value = SqliteValues.Text(Guid.CreateVersion7());
            meeting.Value = meetingIds[i % meetingIds.Count];
            text.Value = string.Create(CultureInfo.InvariantCulture, $"Oppfølgingspunkt {i}: lever innspill til kapittel {(i % 12) + 1}");
            owner.Value = person.Id;
            ownerName.Value = person.Name;
            due.Value = SqliteValues.Day(today.AddDays((int)((i * 7919L) % span) - DaysBack));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return people.Count;
    }

    private static async Task<List<(string Id, string Name)>> AddPeopleAsync(string ministries, string notifications, CancellationToken cancellationToken)
    {
        await using var registry = new SqliteConnection(ministries);
        await registry.OpenAsync(cancellationToken);
        await using (var transaction = (SqliteTransaction)await registry.BeginTransactionAsync(cancellationToken))
        {
            await using var insert = registry.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO "People" ("Id", "Name", "Email", "Subject", "Title", "MinistryId", "AgencyId", "Roles", "Active", "PreferredLanguage", "Version", "SearchText")
                VALUES ($id, $name, $email, NULL, 'Rådgiver', NULL, NULL, 0, $active, $language, 1, $search)
                """;
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            var name = insert.Parameters.Add("$name", SqliteType.Text);
            var email = insert.Parameters.Add("$email", SqliteType.Text);
            var active = insert.Parameters.Add("$active", SqliteType.Integer);
            var language = insert.Parameters.Add("$language", SqliteType.Text);
            var search = insert.Parameters.Add("$search", SqliteType.Text);
            for (var i = 0; i < ExtraPeople; i++)
            {
                id.Value = SqliteValues.Text(Guid.CreateVersion7());
                name.Value = string.Create(CultureInfo.InvariantCulture, $"Sveip Person {i}");
                email.Value = string.Create(CultureInfo.InvariantCulture, $"sveip.person{i}@bench.example.no");

                // A few who have left: their action items stay open, and nobody is reminded.
                active.Value = i % 50 == 49 ? 0 : 1;
                language.Value = i % 4 == 0 ? "en" : "nb";
                search.Value = $"{name.Value} {email.Value} rådgiver".ToLowerInvariant();
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var people = await Sql.ListAsync(registry, """SELECT "Id", "Name" FROM "People" ORDER BY "Id" """, [], r => (r.GetString(0), r.GetString(1)), cancellationToken);

        // Every tenth person has e-mail reminders off, every seventh wants a daily digest.
        await using var store = new SqliteConnection(notifications);
        await store.OpenAsync(cancellationToken);
        await using var preferences = store.CreateCommand();
        preferences.CommandText = """INSERT OR REPLACE INTO "Preferences" ("PersonId", "EmailEnabled", "DailyDigest") VALUES ($id, $email, $digest)""";
        var person = preferences.Parameters.Add("$id", SqliteType.Text);
        var enabled = preferences.Parameters.Add("$email", SqliteType.Integer);
        var digest = preferences.Parameters.Add("$digest", SqliteType.Integer);
        for (var i = 0; i < people.Count; i++)
        {
            if (i % 10 == 3 || i % 7 == 5)
            {
                person.Value = people[i].Item1;
                enabled.Value = i % 10 == 3 ? 0 : 1;
                digest.Value = i % 7 == 5 ? 1 : 0;
                await preferences.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        return people;
    }
}
