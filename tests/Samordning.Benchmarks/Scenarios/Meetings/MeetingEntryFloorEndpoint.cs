using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Samordning.Benchmarks.Data;
using Samordning.Shared.Persistence;

namespace Samordning.Benchmarks.Scenarios.Meetings;

// The floor of the entry write: the same JSON body read over the same Kestrel server, ahead of the product
// pipeline, and the same two rows the product stores (the entry and its first revision) inserted with bare
// Microsoft.Data.Sqlite in one transaction into the same meetings.db. No authentication, no meeting lookup, no
// validation, no audit log, no live store or broadcast: that is what the ratio measures.
internal sealed class MeetingEntryFloorEndpoint(IConfiguration configuration) : IStartupFilter
{
    public const string Path = "/benchmark-floor/meeting-entries";

    private const string InsertEntry = """
        INSERT INTO "Entries" ("Id", "MeetingId", "AgendaItemId", "Kind", "Text", "OwnerPersonId", "OwnerName", "DueDate",
            "ActionStatus", "OrganisationName", "OrganisationNumber", "ContributorPersonId", "Withdrawn", "AuthorPersonId",
            "AuthorName", "CreatedAt", "UpdatedAt", "SentToFeedbackAt", "Version")
        VALUES ($id, $meeting, NULL, $kind, $text, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, $author, $authorName, $now, $now, NULL, 0)
        """;

    private const string InsertRevision = """
        INSERT INTO "EntryRevisions" ("EntryId", "Version", "Kind", "Text", "Withdrawn", "At", "By")
        VALUES ($id, 0, $kind, $text, 0, $now, $authorName)
        """;

    private readonly string connectionString = DatabaseSettings.From(configuration).SqliteConnectionString("meetings");

    // Who the floor writes as: the facilitator the subject posts as, set by the scenario once it knows the id.
    public (Guid PersonId, string Name) Author { get; set; }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map(Path, floor => floor.Run(ServeAsync));
        next(app);
    };

    private async Task ServeAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var meetingId = Guid.Parse(context.Request.Path.Value!.AsSpan(1));
        var body = await context.Request.ReadFromJsonAsync(FloorEntryJson.Default.FloorEntry, cancellationToken)
            ?? throw new InvalidOperationException("No body.");
        var id = Guid.CreateVersion7();
        var now = SqliteValues.Instant(DateTimeOffset.UtcNow);
        var text = body.Text.Trim();

        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using (var entry = connection.CreateCommand())
            {
                entry.Transaction = transaction;
                entry.CommandText = InsertEntry;
                entry.Parameters.AddWithValue("$id", SqliteValues.Text(id));
                entry.Parameters.AddWithValue("$meeting", SqliteValues.Text(meetingId));
                entry.Parameters.AddWithValue("$kind", body.Kind);
                entry.Parameters.AddWithValue("$text", text);
                entry.Parameters.AddWithValue("$author", SqliteValues.Text(Author.PersonId));
                entry.Parameters.AddWithValue("$authorName", Author.Name);
                entry.Parameters.AddWithValue("$now", now);
                await entry.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var revision = connection.CreateCommand())
            {
                revision.Transaction = transaction;
                revision.CommandText = InsertRevision;
                revision.Parameters.AddWithValue("$id", SqliteValues.Text(id));
                revision.Parameters.AddWithValue("$kind", body.Kind);
                revision.Parameters.AddWithValue("$text", text);
                revision.Parameters.AddWithValue("$authorName", Author.Name);
                revision.Parameters.AddWithValue("$now", now);
                await revision.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        context.Response.StatusCode = StatusCodes.Status201Created;
        context.Response.Headers.Location = $"/api/meetings/{meetingId}/entries/{id}";
        await context.Response.WriteAsJsonAsync(new FloorEntry(body.Kind, text) { Id = id }, FloorEntryJson.Default.FloorEntry, cancellationToken: cancellationToken);
    }
}

internal sealed record FloorEntry(string Kind, string Text)
{
    public Guid Id { get; init; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(FloorEntry))]
internal sealed partial class FloorEntryJson : JsonSerializerContext;
