using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Benchmarks.Data;
using Samordning.Benchmarks.Harness;
using Samordning.Shared.Persistence;

namespace Samordning.Benchmarks.Scenarios.Feedback;

// Issue 5's deadline rush: anonymous submissions without attachments to the open public round through the real
// public form (POST /innspill/{id} with the antiforgery cookie and token from the form page and a fresh idempotency
// token each), against the same row inserted with bare ADO.NET. The host's public rate limit is raised for the
// benchmark through configuration (RateLimiting:PublicPermitsPerMinute), nothing else.
internal sealed partial class FeedbackDeadlineRushScenario : IScenario
{
    private const int CheckedBurst = 200;

    // The subject's tokens from the warm-up on carry this prefix, so the stored rows of the measured run can be
    // counted apart from the checks before it and from the floor's rows in the same table.
    private const string MeasuredTokenPrefix = "measured-";

    private readonly System.Collections.Concurrent.ConcurrentBag<string> measuredReceipts = [];
    private HttpClient client = null!;
    private BenchDatabase database = null!;
    private string antiforgery = "";
    private Guid roundId;

    public string Name => "feedback-deadline-rush";

    public string Subject => "POST /innspill/{id} (the public form, antiforgery token, idempotency token, no attachments), anonymous";

    public string Floor => $"POST {FeedbackFloorEndpoint.Path}/{{id}}: the same form body, the row inserted with {database.Library}{(database.OnPostgres ? "" : " on the file's writer (grouped commits)")}, {database.Where}, same Kestrel, ahead of the pipeline";

    public double Aim => 0.5;

    public double? P95AimMilliseconds => 200;

    private string SubjectPath => $"/innspill/{roundId}";

    private string FloorPath => $"{FeedbackFloorEndpoint.Path}/{roundId}";

    public void ConfigureHost(IServiceCollection services) =>
        services.AddSingleton<IStartupFilter>(sp => new FeedbackFloorEndpoint(sp.GetRequiredService<BenchDatabase>(), new FloorWrites(sp.GetRequiredService<BenchDatabase>(), sp.GetRequiredService<SqliteWriters>())));

    public async Task PrepareAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        database = context.Services.GetRequiredService<BenchDatabase>();
        roundId = await OpenPublicRoundAsync(cancellationToken);

        // A client of its own with cookies, as a browser: the antiforgery cookie goes with every post.
        client = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), UseProxy = false, AllowAutoRedirect = false })
        {
            BaseAddress = context.Client.BaseAddress,
        };
        var page = await client.GetStringAsync(new Uri(SubjectPath, UriKind.Relative), cancellationToken);
        antiforgery = TokenField().Match(page) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new ScenarioFailedException($"GET {SubjectPath} has no antiforgery token.");

        // A burst at once: every receipt is a stored row and every stored row had a receipt; the same for the floor.
        foreach (var (path, side) in new[] { (SubjectPath, "subject"), (FloorPath, "floor") })
        {
            var tokens = Enumerable.Range(0, CheckedBurst).Select(_ => Guid.NewGuid().ToString("N")).ToArray();
            var receipts = await Task.WhenAll(tokens.Select(token => SubmitAsync(path, token, cancellationToken)));
            var stored = await CountAsync(tokens, cancellationToken);
            if (receipts.Distinct().Count() != CheckedBurst || stored != CheckedBurst)
            {
                throw new ScenarioFailedException($"The {side} gave {receipts.Distinct().Count()} receipts for {CheckedBurst} submissions and stored {stored}.");
            }
        }

        // The idempotency token is honoured: the same form again gets the same receipt and no second row.
        var again = Guid.NewGuid().ToString("N");
        if (await SubmitAsync(SubjectPath, again, cancellationToken) != await SubmitAsync(SubjectPath, again, cancellationToken)
            || await CountAsync([again], cancellationToken) != 1)
        {
            throw new ScenarioFailedException("The same form posted twice did not get one receipt and one row.");
        }
    }

    public async Task RunSubjectAsync(CancellationToken cancellationToken) =>
        measuredReceipts.Add(await SubmitAsync(SubjectPath, MeasuredTokenPrefix + Guid.NewGuid().ToString("N"), cancellationToken));

    // Stored = receipts for the measured run itself: every receipt the subject answered is a distinct stored row
    // with a measured token, and no measured token was stored without a receipt (a post that timed out or failed
    // after its row was written would show here).
    public async Task VerifyAsync(CancellationToken cancellationToken)
    {
        var receipts = measuredReceipts.Select(r => r["/innspill/kvittering/".Length..]).ToArray();
        await using var connection = await database.OpenAsync(FeedbackFloorEndpoint.Store, cancellationToken);
        await using var command = await database.CommandAsync(connection, $"""
            SELECT COUNT(*), COUNT(CASE WHEN {database.InList("\"Reference\"", "@receipts")} THEN 1 END)
            FROM {database.Table(FeedbackFloorEndpoint.Store, "Items")} WHERE "IdempotencyToken" LIKE @prefix || '%'
            """, cancellationToken, parameters: [("@receipts", database.List(receipts)), ("@prefix", MeasuredTokenPrefix)]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (stored, matching, distinct) = (reader.GetInt64(0), reader.GetInt64(1), receipts.Distinct(StringComparer.Ordinal).Count());
        Console.WriteLine($"[{Name}] measured run (warm-up and rounds): {receipts.Length} receipts, {distinct} distinct, {stored} rows stored, {matching} of them with a receipt's reference");
        if (stored != receipts.Length || distinct != receipts.Length || matching != receipts.Length)
        {
            throw new ScenarioFailedException($"The subject answered {receipts.Length} receipts ({distinct} distinct) during the measured run, and {stored} rows were stored ({matching} with those references).");
        }
    }

    public Task RunFloorAsync(CancellationToken cancellationToken) => SubmitAsync(FloorPath, Guid.NewGuid().ToString("N"), cancellationToken);

    // Returns the receipt's address.
    private async Task<string> SubmitAsync(string path, string token, CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.ContributorType"] = "Organisation",
            ["Input.OrganisationName"] = "Benchmark AS",
            ["Input.Text"] = "Innspill sendt like før fristen.",
            ["Input.Token"] = token,
            ["__RequestVerificationToken"] = antiforgery,
        });
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location is not { } receipt
            || !receipt.OriginalString.StartsWith("/innspill/kvittering/", StringComparison.Ordinal))
        {
            throw new HttpRequestException($"POST {path} answered {(int)response.StatusCode}, not a redirect to a receipt.", null, response.StatusCode);
        }

        return receipt.OriginalString;
    }

    private async Task<Guid> OpenPublicRoundAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(FeedbackFloorEndpoint.Store, cancellationToken);
        await using var command = await database.CommandAsync(connection, $"""
            SELECT "Id" FROM {database.Table(FeedbackFloorEndpoint.Store, "Rounds")} WHERE "IsPublic" AND "OpensAt" <= @now AND "Deadline" > @now ORDER BY "Deadline" LIMIT 1
            """, cancellationToken, parameters: ("@now", database.Instant(DateTimeOffset.UtcNow)));
        return await command.ExecuteScalarAsync(cancellationToken) is { } id and not DBNull
            ? BenchDatabase.ReadId(id)
            : throw new ScenarioFailedException("The seed data has no open public round.");
    }

    private async Task<long> CountAsync(string[] tokens, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(FeedbackFloorEndpoint.Store, cancellationToken);
        await using var command = await database.CommandAsync(connection,
            $"""SELECT COUNT(*) FROM {database.Table(FeedbackFloorEndpoint.Store, "Items")} WHERE {database.InList("\"IdempotencyToken\"", "@tokens")}""",
            cancellationToken, parameters: ("@tokens", database.List(tokens)));
        return (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="([^"]+)"|<input[^>]*value="([^"]+)"[^>]*name="__RequestVerificationToken""")]
    private static partial Regex TokenField();
}
