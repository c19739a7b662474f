using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Samordning.Benchmarks.Data;

namespace Samordning.Benchmarks.Scenarios.Meetings;

// The floor of the entry write: the same JSON body read over the same Kestrel server, ahead of the product
// pipeline, and the rows the product stores for a note inserted with bare ADO.NET (BenchDatabase) in one
// transaction: the entry and its first revision; on PostgreSQL also the live item on meeting:{id}, since there the
// host's live store is in the same database and the product commits the note with its live (outbox) row. (On
// SQLite the live store is another file, so the floor writes the two rows; see the scenario's description.) No
// authentication, no meeting lookup, no validation, no audit log, no broadcast: that is what the ratio measures.
// The rows are written as FloorWrites does: grouped commits on SQLite (as the product's writer of the file), all the
// statements in one round trip on PostgreSQL (the product has four: the meeting's read, its batch with BEGIN, the
// COMMIT and the live item).
internal sealed class MeetingEntryFloorEndpoint(BenchDatabase database, FloorWrites writes) : IStartupFilter
{
    public const string Path = "/benchmark-floor/meeting-entries";

    public const string Store = "meetings";

    private readonly string insertEntry = $"""
        INSERT INTO {database.Table(Store, "Entries")} ("Id", "MeetingId", "AgendaItemId", "Kind", "Text", "OwnerPersonId", "OwnerName", "DueDate",
            "ActionStatus", "OrganisationName", "OrganisationNumber", "ContributorPersonId", "Withdrawn", "AuthorPersonId",
            "AuthorName", "CreatedAt", "UpdatedAt", "SentToFeedbackAt", "Version")
        VALUES (@id, @meeting, NULL, @kind, @text, NULL, NULL, NULL, NULL, NULL, NULL, NULL, @no, @author, @authorName, @now, @now, NULL, 0)
        """;

    private readonly string insertRevision = $"""
        INSERT INTO {database.Table(Store, "EntryRevisions")} ("EntryId", "Version", "Kind", "Text", "Withdrawn", "At", "By")
        VALUES (@id, 0, @kind, @text, @no, @now, @authorName)
        """;

    // The topic's next sequence number under a transaction-scoped lock on the topic, so concurrent notes neither
    // clash nor wait longer than this statement and the commit (the product serialises per topic as well).
    private readonly string insertLive = $"""
        SELECT pg_advisory_xact_lock(hashtext(@topic));
        INSERT INTO {database.Table("host", "LiveItems")} ("Topic", "Sequence", "Type", "Payload", "At", "SourceId")
        SELECT @topic, COALESCE(MAX("Sequence"), 0) + 1, 'meeting.entry', @payload, @now, NULL
        FROM {database.Table("host", "LiveItems")} WHERE "Topic" = @topic
        """;

    public bool WritesLiveItem => database.OnPostgres;

    // The note's statements as one command.
    private string Statements => WritesLiveItem ? $"{insertEntry};\n{insertRevision};\n{insertLive}" : $"{insertEntry};\n{insertRevision}";

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
        var now = database.Instant(DateTimeOffset.UtcNow);
        var text = body.Text.Trim();
        var answer = new FloorEntry(body.Kind, text) { Id = id };

        // One write: on SQLite queued to the file's writer and committed with whatever notes queued beside it; on
        // PostgreSQL every statement in one message, one round trip and its implicit transaction.
        (string, object?)[] row =
        [
            ("@id", database.Id(id)), ("@meeting", database.Id(meetingId)), ("@kind", body.Kind), ("@text", text), ("@no", false),
            ("@author", database.Id(Author.PersonId)), ("@authorName", Author.Name), ("@now", now),
        ];
        await writes.WriteAsync(Store, Statements, cancellationToken, WritesLiveItem
            ? [.. row, ("@topic", $"meeting:{meetingId}"), ("@payload", JsonSerializer.Serialize(answer, FloorEntryJson.Default.FloorEntry))]
            : row);

        context.Response.StatusCode = StatusCodes.Status201Created;
        context.Response.Headers.Location = $"/api/meetings/{meetingId}/entries/{id}";
        await context.Response.WriteAsJsonAsync(answer, FloorEntryJson.Default.FloorEntry, cancellationToken: cancellationToken);
    }
}

internal sealed record FloorEntry(string Kind, string Text)
{
    public Guid Id { get; init; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(FloorEntry))]
internal sealed partial class FloorEntryJson : JsonSerializerContext;
