using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Benchmarks.Harness;
using Samordning.Benchmarks.Hosting;
using Samordning.Shared.Persistence;

namespace Samordning.Benchmarks.Scenarios.Meetings;

// POST a note to the seeded live meeting through /api/meetings/{id}/entries as its facilitator (authentication,
// registry claims, meeting lookup, validation, entry + revision + audit through EF Core, then the live store and the
// broadcast on meeting:{id}), against the same two rows inserted with bare ADO.NET over the same Kestrel server.
internal sealed class MeetingEntryWriteScenario : IScenario
{
    public const string FacilitatorSubject = "demo-fasilitator";
    public const string FacilitatorEmail = "sigrid.fasilitator@kmd.example.no";

    private const string Body = """{"kind":"Note","text":"Benchmark: notat fra møtet"}""";

    private HttpClient client = null!;
    private MeetingEntryFloorEndpoint floor = null!;
    private Guid meetingId;

    public string Name => "meetings-entry-write";

    public string Subject => "POST /api/meetings/{id}/entries (a note, as the live meeting's facilitator): store, then live publish and broadcast";

    public string Floor => $"POST {MeetingEntryFloorEndpoint.Path}/{{id}}: the entry and its revision inserted with raw Microsoft.Data.Sqlite in one transaction, same file, same Kestrel, ahead of the pipeline";

    public double Aim => 0.5;

    private string SubjectPath => $"/api/meetings/{meetingId}/entries";

    private string FloorPath => $"{MeetingEntryFloorEndpoint.Path}/{meetingId}";

    public void ConfigureHost(IServiceCollection services) =>
        services.AddSingleton<IStartupFilter>(sp => floor = new MeetingEntryFloorEndpoint(sp.GetRequiredService<IConfiguration>()));

    public async Task PrepareAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        client = context.Client;
        var connectionString = DatabaseSettings.From(context.Services.GetRequiredService<IConfiguration>()).SqliteConnectionString("meetings");
        meetingId = await LiveMeetingAsync(connectionString, cancellationToken);

        var subjectId = await PostAsync(SubjectPath, cancellationToken);
        var subjectRow = await StoredAsync(connectionString, subjectId, cancellationToken);
        floor.Author = (Guid.Parse((string)subjectRow[4]!), (string)subjectRow[5]!);
        var floorId = await PostAsync(FloorPath, cancellationToken);
        var floorRow = await StoredAsync(connectionString, floorId, cancellationToken);

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
    public static async Task<Guid> LiveMeetingAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Id" FROM "Meetings" WHERE "Status" = 'Live' ORDER BY "StartsAt" LIMIT 1""";
        return await command.ExecuteScalarAsync(cancellationToken) is string id
            ? Guid.Parse(id)
            : throw new ScenarioFailedException("The seed data has no live meeting.");
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

    private static async Task<object?[]> StoredAsync(string connectionString, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT e."MeetingId", e."Kind", e."Text", e."Withdrawn", e."AuthorPersonId", e."AuthorName", e."Version",
                   e."CreatedAt" = e."UpdatedAt",
                   (SELECT COUNT(*) FROM "EntryRevisions" AS r WHERE r."EntryId" = e."Id" AND r."Version" = 0 AND r."Text" = e."Text" AND r."By" = e."AuthorName")
            FROM "Entries" AS e WHERE e."Id" = $id
            """;
        command.Parameters.AddWithValue("$id", id.ToString().ToUpperInvariant());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new ScenarioFailedException($"Entry {id} was answered as created but is not stored.");
        }

        var values = new object?[reader.FieldCount];
        reader.GetValues(values);
        return values;
    }
}
