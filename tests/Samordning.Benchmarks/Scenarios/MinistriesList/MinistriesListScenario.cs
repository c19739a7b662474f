using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Benchmarks.Data;
using Samordning.Benchmarks.Harness;
using Samordning.Benchmarks.Hosting;

namespace Samordning.Benchmarks.Scenarios.MinistriesList;

// GET /api/ministries through the whole host, against the same rows from the bare query served over the same
// HTTP transport (MinistriesFloorEndpoint). Both sides pay for the client, the socket, Kestrel and the JSON
// writer alike, so the ratio isolates what our stack adds on top of the query itself.
internal sealed class MinistriesListScenario : IScenario
{
    private const string SubjectPath = "/api/ministries";

    // Made inactive before measuring, so the comparison also shows both sides apply the same filter.
    private const string InactiveCode = "LMD";

    private HttpClient client = null!;
    private string library = "raw Microsoft.Data.Sqlite";

    public string Name => "ministries-list";

    public string Subject => $"GET {SubjectPath} through the host pipeline (auth, claims transformation, EF Core), as the seeded coordinator";

    public string Floor => $"GET {MinistriesFloorEndpoint.Path}: the same rows from a {library} query, System.Text.Json, same Kestrel server, ahead of the host pipeline";

    public double Aim => 0.5;

    public void ConfigureHost(IServiceCollection services) =>
        services.AddSingleton<IStartupFilter>(sp => new MinistriesFloorEndpoint(sp.GetRequiredService<BenchDatabase>()));

    public async Task PrepareAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        client = context.Client;
        var database = context.Services.GetRequiredService<BenchDatabase>();
        library = database.Library;
        await DeactivateAsync(database, cancellationToken);

        var subject = await GetRowsAsync(SubjectPath, cancellationToken);
        var floor = await GetRowsAsync(MinistriesFloorEndpoint.Path, cancellationToken);
        if (subject.Count == 0)
        {
            throw new ScenarioFailedException("The ministries list is empty; the seed data did not load.");
        }

        if (subject.Exists(row => row.Code == InactiveCode))
        {
            throw new ScenarioFailedException($"The subject lists the inactive ministry {InactiveCode}.");
        }

        if (!subject.SequenceEqual(floor))
        {
            var firstDifference = subject.Zip(floor).Select((pair, index) => (pair, index)).FirstOrDefault(p => p.pair.First != p.pair.Second);
            throw new ScenarioFailedException(
                $"Subject and floor return different rows (subject {subject.Count}, floor {floor.Count}; first difference at " +
                $"{(firstDifference.pair.First is null ? "the end" : $"row {firstDifference.index}: {firstDifference.pair.First} vs {firstDifference.pair.Second}")}).");
        }

        // The subject must really pass through authentication and the registry: without a person it is refused.
        await ExpectStatusAsync(null, HttpStatusCode.Unauthorized, cancellationToken);
        await ExpectStatusAsync("ukjent@example.no", HttpStatusCode.Forbidden, cancellationToken);
    }

    public Task RunSubjectAsync(CancellationToken cancellationToken) => BenchmarkRequests.GetAsync(client, SubjectPath, cancellationToken);

    public Task RunFloorAsync(CancellationToken cancellationToken) => BenchmarkRequests.GetAsync(client, MinistriesFloorEndpoint.Path, cancellationToken);

    private async Task<List<MinistryRow>> GetRowsAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        BenchmarkAuthentication.AddCoordinator(request);
        using var response = await client.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new ScenarioFailedException($"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return await response.Content.ReadFromJsonAsync(MinistryRowJson.Default.ListMinistryRow, cancellationToken)
            ?? throw new ScenarioFailedException($"GET {path} returned no JSON.");
    }

    private async Task ExpectStatusAsync(string? email, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(SubjectPath, UriKind.Relative));
        if (email is not null)
        {
            request.Headers.Add(BenchmarkAuthenticationHandler.EmailHeader, email);
        }

        using var response = await client.SendAsync(request, cancellationToken);
        if (response.StatusCode != expected)
        {
            throw new ScenarioFailedException(
                $"GET {SubjectPath} as {email ?? "nobody"} answered {(int)response.StatusCode}, not {(int)expected}: the benchmark would not measure the real authorization.");
        }
    }

    // Benchmark data in the run's own temporary folder: a direct update is enough, no audit trail is wanted.
    private static async Task DeactivateAsync(BenchDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(MinistriesFloorEndpoint.Store, cancellationToken);
        await using var command = await database.CommandAsync(
            connection, $"""UPDATE {database.Table(MinistriesFloorEndpoint.Store, "Ministries")} SET "Active" = @no WHERE "Code" = @code""", cancellationToken,
            parameters: [("@no", false), ("@code", InactiveCode)]);
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new ScenarioFailedException($"The seed data has no ministry {InactiveCode} to make inactive.");
        }
    }
}
