using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Benchmarks.Data;
using Samordning.Benchmarks.Harness;
using Samordning.Benchmarks.Hosting;
using Samordning.Shared.Persistence;

namespace Samordning.Benchmarks.Scenarios.Meetings;

// POST a note to the seeded live meeting through /api/meetings/{id}/entries as its facilitator (authentication,
// registry claims, meeting lookup, validation, entry + revision + audit through EF Core, then the live store and the
// broadcast on meeting:{id}), against the same rows inserted with bare ADO.NET over the same Kestrel server.
internal sealed class MeetingEntryWriteScenario : IScenario
{
    public const string FacilitatorSubject = "demo-fasilitator";
    public const string FacilitatorEmail = "sigrid.fasilitator@kmd.example.no";

    private const string Body = """{"kind":"Note","text":"Benchmark: notat fra møtet"}""";

    private HttpClient client = null!;
    private MeetingEntryFloorEndpoint floor = null!;
    private BenchDatabase database = null!;
    private Guid meetingId;

    public string Name => "meetings-entry-write";

    public string Subject => "POST /api/meetings/{id}/entries (a note, as the live meeting's facilitator): store, then live publish and broadcast";

    public string Floor => $"POST {MeetingEntryFloorEndpoint.Path}/{{id}}: the entry and its revision{(floor.WritesLiveItem ? " and the live item" : "")} inserted with {database.Library} in one transaction ({(database.OnPostgres ? "one round trip" : "grouped commits on the file's writer")}), {database.Where}, same Kestrel, ahead of the pipeline";

    public double Aim => 0.5;

    private string SubjectPath => $"/api/meetings/{meetingId}/entries";

    private string FloorPath => $"{MeetingEntryFloorEndpoint.Path}/{meetingId}";

    public void ConfigureHost(IServiceCollection services) =>
        services.AddSingleton<IStartupFilter>(sp => floor = new MeetingEntryFloorEndpoint(sp.GetRequiredService<BenchDatabase>(), new FloorWrites(sp.GetRequiredService<BenchDatabase>(), sp.GetRequiredService<SqliteWriters>())));

    public async Task PrepareAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        client = context.Client;
        database = context.Services.GetRequiredService<BenchDatabase>();
        meetingId = await LiveMeetingAsync(database, cancellationToken);

        var liveBefore = await LiveItemsAsync(cancellationToken);
        var subjectId = await PostAsync(SubjectPath, cancellationToken);
        var subjectRow = await StoredAsync(subjectId, cancellationToken);
        floor.Author = (BenchDatabase.ReadId(subjectRow[4]), (string)subjectRow[5]!);
        var floorId = await PostAsync(FloorPath, cancellationToken);
        var floorRow = await StoredAsync(floorId, cancellationToken);

        // Each side stored one live item for its note (where the floor writes one: on PostgreSQL).
        if (floor.WritesLiveItem && await LiveItemsAsync(cancellationToken) - liveBefore != 2)
        {
            throw new ScenarioFailedException("Subject and floor did not store one live item each for their notes.");
        }

        // The same row apart from the id and the time it was written: meeting, kind, text, author, version,
        // not withdrawn, and one revision each.
        if (!subjectRow.SequenceEqual(floorRow))
        {
            throw new ScenarioFailedException(
                $"Subject and floor stored different entries: [{string.Join(", ", subjectRow)}] vs [{string.Join(", ", floorRow)}].");
        }

        // The facilitator policy is really applied: the coordinator does not facilitate this meeting.
        using var refused = Request(SubjectPath, coordinator: true);
        using var response = await client.SendAsync(refused, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Forbidden)
        {
            throw new ScenarioFailedException($"POST {SubjectPath} as the coordinator answered {(int)response.StatusCode}, not 403.");
        }
    }

    public Task RunSubjectAsync(CancellationToken cancellationToken) => SendAsync(SubjectPath, cancellationToken);

    public Task RunFloorAsync(CancellationToken cancellationToken) => SendAsync(FloorPath, cancellationToken);

    public static HttpRequestMessage Request(string path, bool coordinator = false, string body = Body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (coordinator)
        {
            BenchmarkAuthentication.AddCoordinator(request);
        }
        else
        {
            request.Headers.Add(BenchmarkAuthenticationHandler.SubjectHeader, FacilitatorSubject);
            request.Headers.Add(BenchmarkAuthenticationHandler.EmailHeader, FacilitatorEmail);
        }

        return request;
    }

    // The seeded workshop is the one live meeting, facilitated by the seeded facilitator.
    public static async Task<Guid> LiveMeetingAsync(BenchDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(MeetingEntryFloorEndpoint.Store, cancellationToken);
        await using var command = await database.CommandAsync(connection,
            $"""SELECT "Id" FROM {database.Table(MeetingEntryFloorEndpoint.Store, "Meetings")} WHERE "Status" = 'Live' ORDER BY "StartsAt" LIMIT 1""", cancellationToken);
        return await command.ExecuteScalarAsync(cancellationToken) is { } id and not DBNull
            ? BenchDatabase.ReadId(id)
            : throw new ScenarioFailedException("The seed data has no live meeting.");
    }

    private async Task<long> LiveItemsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync("host", cancellationToken);
        await using var command = await database.CommandAsync(connection,
            $"""SELECT COUNT(*) FROM {database.Table("host", "LiveItems")} WHERE "Topic" = @topic""", cancellationToken, parameters: ("@topic", $"meeting:{meetingId}"));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task SendAsync(string path, CancellationToken cancellationToken)
    {
        using var request = Request(path);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new HttpRequestException($"POST {path} answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        await response.Content.CopyToAsync(Stream.Null, cancellationToken);
    }

    private async Task<Guid> PostAsync(string path, CancellationToken cancellationToken)
    {
        using var request = Request(path);
        using var response = await client.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new ScenarioFailedException($"POST {path} answered {(int)response.StatusCode}: {body}");
        }

        return Guid.Parse((string?)JsonNode.Parse(body)?["id"] ?? throw new ScenarioFailedException($"POST {path} returned no id: {body}"));
    }

    private async Task<object[]> StoredAsync(Guid id, CancellationToken cancellationToken)
    {
        const string store = MeetingEntryFloorEndpoint.Store;
        await using var connection = await database.OpenAsync(store, cancellationToken);
        await using var command = await database.CommandAsync(connection, $"""
            SELECT e."MeetingId", e."Kind", e."Text", e."Withdrawn", e."AuthorPersonId", e."AuthorName", e."Version",
                   e."CreatedAt" = e."UpdatedAt",
                   (SELECT COUNT(*) FROM {database.Table(store, "EntryRevisions")} AS r WHERE r."EntryId" = e."Id" AND r."Version" = 0 AND r."Text" = e."Text" AND r."By" = e."AuthorName")
            FROM {database.Table(store, "Entries")} AS e WHERE e."Id" = @id
            """, cancellationToken, parameters: ("@id", database.Id(id)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new ScenarioFailedException($"Entry {id} was answered as created but is not stored.");
        }

        var values = new object[reader.FieldCount];
        reader.GetValues(values);
        return values;
    }
}
