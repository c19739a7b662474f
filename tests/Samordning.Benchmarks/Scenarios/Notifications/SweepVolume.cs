using System.Globalization;
using Samordning.Benchmarks.Data;

namespace Samordning.Benchmarks.Scenarios.Notifications;

// The sweep's 50,000 open deadlines, as rows in a module's own store rather than a source the benchmark makes up:
// open action items in the Meetings store, which the product's own IDeadlineSource (Meetings' MeetingDeadlines)
// reads with EF Core, so the subject pays for the real source query. Their owners are the seeded people plus 500
// more in the registry, some with e-mail reminders off or a daily digest (the Notifications store's preferences),
// so the registry lookups, preferences and both channels are exercised. Written with BulkRows, values as EF Core
// stores them on the run's provider, one transaction per store.
internal static class SweepVolume
{
    public const int OpenDeadlines = 50_000;
    public const int ExtraPeople = 500;

    // Due dates run from two weeks back to about six months ahead of the pinned morning, one every ~4 deadlines
    // a day: about a tenth are due on the first sweep (the overdue ones and those due within 7 days).
    public const int DaysBack = 14;
    public const int DaysAhead = 180;

    private static readonly string[] PersonColumns =
        ["Id", "Name", "Email", "Subject", "Title", "MinistryId", "AgencyId", "Roles", "Active", "PreferredLanguage", "Version", "SearchText"];

    private static readonly string[] EntryColumns =
    [
        "Id", "MeetingId", "AgendaItemId", "Kind", "Text", "OwnerPersonId", "OwnerName", "DueDate", "ActionStatus", "OrganisationName",
        "OrganisationNumber", "ContributorPersonId", "Withdrawn", "AuthorPersonId", "AuthorName", "CreatedAt", "UpdatedAt", "SentToFeedbackAt", "Version",
    ];

    public static async Task<int> CreateAsync(BenchDatabase database, DateOnly today, CancellationToken cancellationToken)
    {
        var people = await AddPeopleAsync(database, cancellationToken);
        List<Guid> meetingIds;
        await using (var connection = await database.OpenAsync("meetings", cancellationToken))
        {
            meetingIds = await database.ListAsync(connection, $"""SELECT "Id" FROM {database.Table("meetings", "Meetings")} ORDER BY "Id" """, r => BenchDatabase.ReadId(r.GetValue(0)), cancellationToken);
        }

        if (meetingIds.Count == 0)
        {
            throw new Harness.ScenarioFailedException("The Meetings store has no meeting to hang the action items on (is demo data seeding off?).");
        }

        var entries = new BulkRows(database, "meetings");
        var now = DateTimeOffset.UtcNow;
        var span = DaysBack + DaysAhead;
        for (var i = 0; i < OpenDeadlines; i++)
        {
            var (id, name) = people[i % people.Count];
            entries.Add("Entries", EntryColumns,
                Guid.CreateVersion7(), meetingIds[i % meetingIds.Count], null, "ActionItem",
                string.Create(CultureInfo.InvariantCulture, $"Oppfølgingspunkt {i}: lever innspill til kapittel {(i % 12) + 1}"),
                id, name, today.AddDays((int)((i * 7919L) % span) - DaysBack), "Open", null,
                null, null, false, null, "Benchmark", now, now, null, 0L);
        }

        await entries.WriteAsync(cancellationToken);
        return people.Count;
    }

    private static async Task<List<(Guid Id, string Name)>> AddPeopleAsync(BenchDatabase database, CancellationToken cancellationToken)
    {
        var registry = new BulkRows(database, "ministries");
        for (var i = 0; i < ExtraPeople; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"Sveip Person {i}");
            var email = string.Create(CultureInfo.InvariantCulture, $"sveip.person{i}@bench.example.no");

            // A few who have left (every fiftieth): their action items stay open, and nobody is reminded.
            registry.Add("People", PersonColumns,
                Guid.CreateVersion7(), name, email, null, "Rådgiver", null, null, 0, i % 50 != 49, i % 4 == 0 ? "en" : "nb", 1L,
                $"{name} {email} rådgiver".ToLowerInvariant());
        }

        await registry.WriteAsync(cancellationToken);
        List<(Guid Id, string Name)> people;
        await using (var connection = await database.OpenAsync("ministries", cancellationToken))
        {
            people = await database.ListAsync(connection, $"""SELECT "Id", "Name" FROM {database.Table("ministries", "People")} ORDER BY "Id" """,
                r => (BenchDatabase.ReadId(r.GetValue(0)), r.GetString(1)), cancellationToken);
        }

        // Every tenth person has e-mail reminders off, every seventh wants a daily digest. The run's own set-up:
        // whatever the demo data chose is replaced.
        await using (var connection = await database.OpenAsync("notifications", cancellationToken))
        {
            await using var clear = await database.CommandAsync(connection, $"""DELETE FROM {database.Table("notifications", "Preferences")}""", cancellationToken);
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        var preferences = new BulkRows(database, "notifications");
        for (var i = 0; i < people.Count; i++)
        {
            if (i % 10 == 3 || i % 7 == 5)
            {
                preferences.Add("Preferences", ["PersonId", "EmailEnabled", "DailyDigest"], people[i].Id, i % 10 != 3, i % 7 == 5);
            }
        }

        await preferences.WriteAsync(cancellationToken);
        return people;
    }
}
