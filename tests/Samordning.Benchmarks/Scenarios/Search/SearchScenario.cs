using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Benchmarks.Data;
using Samordning.Benchmarks.Harness;
using Samordning.Benchmarks.Scenarios.Workstreams;

namespace Samordning.Benchmarks.Scenarios.Search;

// GET /api/search over the realistic volume (50,000 initiatives with the registry, workstreams, meetings and 100,000 input items),
// as the coordinator, for a word in about one initiative title in fourteen, inflected as people type it
// ("barnehageplassene" finds "barnehageplass"): every store is searched, the first page of 20 of some 3,500 hits
// ("more than 200").
// The floor (SearchFloorEndpoint) asks the same index (SQLite: FTS5 MATCH; PostgreSQL: the prefix tsquery on the GIN suffix index,
// the initiatives' count on their narrow table) with bare ADO.NET.
internal sealed class SearchScenario(WorkstreamsVolume volume, Feedback.InputVolume input) : IScenario
{
    private const string Query = "barnehageplassene";
    private const string SubjectPath = $"/api/search?q={Query}&pageSize=20";
    private const string FloorPath = $"{SearchFloorEndpoint.Path}?q={Query}";

    private HttpClient client = null!;

    public string Name => "search";

    public string Subject => $"GET {SubjectPath} through the host pipeline over {volume.Initiatives}, every module's ISearchSource, ranking and highlighting, as the coordinator";

    public string Floor => $"GET {FloorPath}: the best hand-written query on the same full-text index of every searched table (SQLite FTS5 MATCH, PostgreSQL prefix tsquery on the GIN suffix index, the initiatives counted on their narrow table of vectors), first 20 and count up to what is shown per table, bare ADO.NET with the stores' connection settings, same Kestrel server";

    public double Aim => 0.5;

    public double? P95AimMilliseconds => 50;

    public void ConfigureHost(IServiceCollection services) =>
        services.AddSingleton<IStartupFilter>(sp => new SearchFloorEndpoint(sp.GetRequiredService<BenchDatabase>()));

    public async Task PrepareAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        client = context.Client;
        // The initiatives and, after them, the input register at the same volume (two items per initiative).
        await input.EnsureAsync(context.Services, cancellationToken);
        var subject = await BenchmarkRequests.GetJsonAsync(client, SubjectPath, cancellationToken);
        var floor = await BenchmarkRequests.GetJsonAsync(client, FloorPath, cancellationToken);
        if (subject["items"] is not JsonArray { Count: 20 } items || subject["more"]?.GetValue<bool>() is not true)
        {
            throw new ScenarioFailedException($"The search is not a full first page of a long list: {subject.ToJsonString()[..Math.Min(300, subject.ToJsonString().Length)]}");
        }

        var found = new JsonObject { ["total"] = subject["total"]!.GetValue<int>(), ["more"] = true, ["ids"] = new JsonArray([.. items.Select(i => JsonValue.Create(i!["id"]!.GetValue<Guid>()))]) };
        BenchmarkRequests.ExpectSame("hits", found, floor, "ids");
    }

    public Task RunSubjectAsync(CancellationToken cancellationToken) => BenchmarkRequests.GetAsync(client, SubjectPath, cancellationToken);

    public Task RunFloorAsync(CancellationToken cancellationToken) => BenchmarkRequests.GetAsync(client, FloorPath, cancellationToken);
}
