using System.Globalization;
using Samordning.Benchmarks.Data;
using Samordning.Benchmarks.Hosting;
using Samordning.Benchmarks.Scenarios.Meetings;

namespace Samordning.Benchmarks.Scenarios.WholeDay;

// One contact person: who they are, their ministry, and the running initiatives of that ministry they work through,
// with the version of each they last saw (so an update says what it changes), kept from the warm-up to the day.
internal sealed record ContactPerson(WholeDayPerson Person, Guid MinistryId, string MinistryCode, IReadOnlyList<InitiativeVersion> Initiatives)
{
    public System.Collections.Concurrent.ConcurrentDictionary<Guid, long> Versions { get; } = new(Initiatives.Select(i => KeyValuePair.Create(i.Id, i.Version)));
}

internal sealed record InitiativeVersion(Guid Id, string Phase, int Progress, long Version);

// Who takes part in the day and what they work on, written into the host's own stores before it starts: a contact
// person of their own for each of the 15 ministries owning most initiatives (registered people with the
// ContactPerson role, as the registry's page would store them), the live meeting's participants (registered people
// on its list, as big-meeting adds them), the open reporting round and the open public feedback round.
internal sealed record WholeDayCast(
    IReadOnlyList<ContactPerson> Contacts,
    WholeDayPerson Coordinator,
    WholeDayPerson Facilitator,
    IReadOnlyList<WholeDayPerson> Participants,
    Guid LiveMeeting,
    Guid ReportingRound,
    Guid PublicRound,
    Guid BusiestMinistry)
{
    public const int Ministries = 15;
    public const int MeetingParticipants = 300;

    private const int RoleContactPerson = 2;
    private const int InitiativesPerContact = 200;

    private static readonly string[] PersonColumns =
        ["Id", "Name", "Email", "Subject", "Title", "MinistryId", "AgencyId", "Roles", "Active", "PreferredLanguage", "Version", "SearchText"];

    private static readonly string[] ParticipantColumns =
        ["Id", "MeetingId", "Kind", "PersonId", "MinistryId", "Name", "OrganisationNumber", "RegisteredAt", "Attended"];

    // Known before the data is: the identity provider of a host process needs its accounts when it starts.
    public static IReadOnlyList<WholeDayPerson> Accounts =>
        [.. Enumerable.Range(0, Ministries).Select(Contact), .. Enumerable.Range(0, MeetingParticipants).Select(Participant)];

    // The seeded coordinator and facilitator (appsettings.Development.json: already accounts of the bundled provider).
    public static WholeDayPerson SeededCoordinator { get; } = new(BenchmarkAuthentication.CoordinatorSubject, BenchmarkAuthentication.CoordinatorEmail, "Kari Nordmann");

    public static WholeDayPerson SeededFacilitator { get; } = new("demo-fasilitator", MeetingEntryWriteScenario.FacilitatorEmail, "Sigrid Lie");

    // Everyone who signs in during the day, when they sign in through the provider (out of process).
    public static IReadOnlyList<WholeDayPerson> SignsIn => [SeededCoordinator, SeededFacilitator, .. Accounts];

    public static async Task<WholeDayCast> CastAsync(BenchDatabase database, IReadOnlyList<(Guid Id, string Code)> ministriesByInitiatives, CancellationToken cancellationToken)
    {
        var registry = new BulkRows(database, "ministries");
        var contacts = new List<ContactPerson>();
        await using (var connection = await database.OpenAsync("workstreams", cancellationToken))
        {
            foreach (var (index, (ministryId, code)) in ministriesByInitiatives.Take(Ministries).Index())
            {
                var person = Contact(index);
                registry.Add("People", PersonColumns,
                    Guid.CreateVersion7(), person.Name, person.Email, person.Subject, "Seniorrådgiver", ministryId, null, RoleContactPerson, true, "nb", 1L,
                    $"{person.Name} {person.Email} seniorrådgiver".ToLowerInvariant());
                var initiatives = await database.ListAsync(connection, $"""
                    SELECT "Id", "Phase", "Progress", "Version" FROM {database.Table("workstreams", "Initiatives")}
                    WHERE "OwningMinistryId" = @p0 AND "Phase" NOT IN ('Completed', 'Stopped') ORDER BY "Id" LIMIT {InitiativesPerContact}
                    """, r => new InitiativeVersion(BenchDatabase.ReadId(r.GetValue(0)), r.GetString(1), Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture), Convert.ToInt64(r.GetValue(3), CultureInfo.InvariantCulture)),
                    cancellationToken, ministryId);
                contacts.Add(new ContactPerson(person, ministryId, code, initiatives));
            }
        }

        var meeting = await MeetingEntryWriteScenario.LiveMeetingAsync(database, cancellationToken);
        var participants = new BulkRows(database, "meetings");
        var people = new List<WholeDayPerson>();
        for (var i = 0; i < MeetingParticipants; i++)
        {
            var person = Participant(i);
            var id = Guid.CreateVersion7();
            registry.Add("People", PersonColumns, id, person.Name, person.Email, person.Subject, "Rådgiver", null, null, 0, true, "nb", 1L, $"{person.Name} {person.Email}".ToLowerInvariant());
            participants.Add("Participants", ParticipantColumns, Guid.CreateVersion7(), meeting, "Person", id, null, person.Name, null, null, false);
            people.Add(person);
        }

        await registry.WriteAsync(cancellationToken);
        await participants.WriteAsync(cancellationToken);

        return new WholeDayCast(
            contacts,
            SeededCoordinator,
            SeededFacilitator,
            people,
            meeting,
            await SingleIdAsync(database, "workstreams", $"""SELECT "Id" FROM {database.Table("workstreams", "ReportingRounds")} WHERE "ClosedAt" IS NULL ORDER BY "Id" LIMIT 1""", "open reporting round", cancellationToken),
            await SingleIdAsync(database, "feedback", $"""SELECT "Id" FROM {database.Table("feedback", "Rounds")} WHERE "IsPublic" AND "OpensAt" <= @p0 AND "Deadline" > @p0 ORDER BY "Deadline" LIMIT 1""", "open public round", cancellationToken, DateTimeOffset.UtcNow),
            ministriesByInitiatives[0].Id);
    }

    private static WholeDayPerson Contact(int index) => new(
        string.Create(CultureInfo.InvariantCulture, $"bench-contact-{index}"),
        string.Create(CultureInfo.InvariantCulture, $"kontakt{index}@bench.example.no"),
        string.Create(CultureInfo.InvariantCulture, $"Kontaktperson {index}"));

    private static WholeDayPerson Participant(int index) => new(
        string.Create(CultureInfo.InvariantCulture, $"bench-dayparticipant-{index}"),
        string.Create(CultureInfo.InvariantCulture, $"dagdeltaker{index}@bench.example.no"),
        string.Create(CultureInfo.InvariantCulture, $"Dagdeltaker {index}"));

    private static async Task<Guid> SingleIdAsync(BenchDatabase database, string store, string sql, string what, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var connection = await database.OpenAsync(store, cancellationToken);
        var ids = await database.ListAsync(connection, sql, r => BenchDatabase.ReadId(r.GetValue(0)), cancellationToken, parameters);
        return ids.Count == 1 ? ids[0] : throw new Harness.ScenarioFailedException($"The seed data has no {what}.");
    }
}
