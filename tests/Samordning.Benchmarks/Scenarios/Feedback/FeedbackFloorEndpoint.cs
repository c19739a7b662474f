using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Samordning.Benchmarks.Data;
using Samordning.Shared.Persistence;

namespace Samordning.Benchmarks.Scenarios.Feedback;

// The floor of a public submission: the same form body read over the same Kestrel server, ahead of the product
// pipeline, and the same row inserted with bare Microsoft.Data.Sqlite into the same feedback.db, answered with the
// same redirect to the receipt. No antiforgery, rate limiting, round lookup, validation or idempotency check.
internal sealed class FeedbackFloorEndpoint(IConfiguration configuration) : IStartupFilter
{
    public const string Path = "/benchmark-floor/feedback";

    private const string Insert = """
        INSERT INTO "Items" ("Id", "Reference", "RoundId", "Channel", "Source", "ReceivedAt", "ContributorType", "OrganisationName",
            "OrganisationNumber", "ContributorName", "ContributorEmail", "MinistryId", "Text", "ConsentToPublish", "ConsentToPublishName",
            "Published", "Exempt", "ExemptionBasis", "HandlerPersonId", "HandlerName", "Status", "Assessment", "IdempotencyToken",
            "MeetingEntryId", "AnonymisedAt", "Version")
        VALUES ($id, $reference, $round, 'WebForm', 'Innspillsside', $now, $type, $organisation, NULL, NULL, NULL, NULL, $text, 0, 0,
            0, 0, NULL, NULL, NULL, 'Received', NULL, $token, NULL, NULL, 0)
        """;

    private readonly string connectionString = DatabaseSettings.From(configuration).SqliteConnectionString("feedback");

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map(Path, floor => floor.Run(ServeAsync));
        next(app);
    };

    private async Task ServeAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var roundId = Guid.Parse(context.Request.Path.Value!.AsSpan(1));
        var form = await context.Request.ReadFormAsync(cancellationToken);
        var reference = "INN-" + RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 8);
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = Insert;
            command.Parameters.AddWithValue("$id", SqliteValues.Text(Guid.CreateVersion7()));
            command.Parameters.AddWithValue("$reference", reference);
            command.Parameters.AddWithValue("$round", SqliteValues.Text(roundId));
            command.Parameters.AddWithValue("$now", SqliteValues.Instant(DateTimeOffset.UtcNow));
            command.Parameters.AddWithValue("$type", form["Input.ContributorType"].ToString());
            command.Parameters.AddWithValue("$organisation", form["Input.OrganisationName"].ToString().Trim());
            command.Parameters.AddWithValue("$text", form["Input.Text"].ToString().Trim());
            command.Parameters.AddWithValue("$token", form["Input.Token"].ToString());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        context.Response.Redirect($"/innspill/kvittering/{reference}");
    }
}
