using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Samordning.Benchmarks.Data;

namespace Samordning.Benchmarks.Scenarios.Feedback;

// The floor of a public submission: the same form body read over the same Kestrel server, ahead of the product
// pipeline, and the same row inserted with bare ADO.NET (BenchDatabase) into the module's store, answered with the
// same redirect to the receipt. No antiforgery, rate limiting, round lookup, validation or idempotency check.
// On SQLite the insert queues on the file's writer (FloorWrites) and commits with the submissions queued beside it,
// as the product's save does, instead of meeting the other submissions in SQLite's busy handler.
internal sealed class FeedbackFloorEndpoint(BenchDatabase database, FloorWrites writes) : IStartupFilter
{
    public const string Path = "/benchmark-floor/feedback";

    public const string Store = "feedback";

    private readonly string insert = $"""
        INSERT INTO {database.Table(Store, "Items")} ("Id", "Reference", "RoundId", "Channel", "Source", "ReceivedAt", "ContributorType", "OrganisationName",
            "OrganisationNumber", "ContributorName", "ContributorEmail", "MinistryId", "Text", "ConsentToPublish", "ConsentToPublishName",
            "Published", "Exempt", "ExemptionBasis", "HandlerPersonId", "HandlerName", "Status", "Assessment", "IdempotencyToken",
            "MeetingEntryId", "AnonymisedAt", "Version")
        VALUES (@id, @reference, @round, 'WebForm', 'Innspillsside', @now, @type, @organisation, NULL, NULL, NULL, NULL, @text, @no, @no,
            @no, @no, NULL, NULL, NULL, 'Received', NULL, @token, NULL, NULL, 0)
        """;

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
        await writes.WriteAsync(Store, insert, cancellationToken,
            ("@id", database.Id(Guid.CreateVersion7())), ("@reference", reference), ("@round", database.Id(roundId)),
            ("@now", database.Instant(DateTimeOffset.UtcNow)), ("@type", form["Input.ContributorType"].ToString()),
            ("@organisation", form["Input.OrganisationName"].ToString().Trim()), ("@text", form["Input.Text"].ToString().Trim()),
            ("@token", form["Input.Token"].ToString()), ("@no", false));

        context.Response.Redirect($"/innspill/kvittering/{reference}");
    }
}
