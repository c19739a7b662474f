using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Samordning.Benchmarks.Data;
using Samordning.Benchmarks.Harness;

namespace Samordning.Benchmarks.Scenarios.Feedback;

// The input register's list as the KMD team reads it (GET /api/feedback/items, what the register page shows), as
// the coordinator, over two input items per initiative: either filtered as the team works a round (the open round
// with the most input, what is still received: feedback-register-list) or searched by a word found in about one
// text in fourteen (feedback-register-search), the first page of 100 with the total.
// The floor (RegisterFloorEndpoint) gives the same page from bare ADO.NET on the module's own indexes.
internal sealed class RegisterScenario(InputVolume volume, bool searched) : IScenario
{
    private HttpClient client = null!;
    private string subjectPath = "";
    private string floorPath = "";

    public string Name => searched ? "feedback-register-search" : "feedback-register-list";

    public string Subject => searched
        ? $"GET /api/feedback/items?search={InputData.SearchWord} over {volume.Items}: the register's search (reference, or organisation or text holding the word), count up to 300 (\"at least\" past it) and first page of 100, as the coordinator"
        : $"GET /api/feedback/items?roundId=(the largest open round)&status=Received over {volume.Items}: count and first page of 100, as the coordinator";

    public string Floor => searched
        ? $"GET {RegisterFloorEndpoint.Path}?search=: on PostgreSQL first a walk of the newest 6,000 rows; then the module's full-text suffix index's candidates counted up to 2,001 (SQLite FTS5 up to 20,001; PostgreSQL GIN); few: those, checked with the product's own substring test; many: a walk of the (ReceivedAt DESC, Id) index with the test (on SQLite against the candidates' rowids up to 20,000), stopping at 301 hits; capped count and page in one statement, bare ADO.NET, same Kestrel server"
        : $"GET {RegisterFloorEndpoint.Path}?roundId=&status=: count and page on the (RoundId, Status, ReceivedAt DESC, Id) index, the page's workstreams by item, bare ADO.NET, same Kestrel server";

    public double Aim => 0.5;

    public double? P95AimMilliseconds => 50;

    public void ConfigureHost(IServiceCollection services) =>
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, RegisterFloorEndpoint>());

    public async Task PrepareAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        client = context.Client;
        var summary = await volume.EnsureAsync(context.Services, cancellationToken);
        var filter = searched ? $"?search={InputData.SearchWord}" : $"?roundId={summary.LargestOpenRound}&status=Received";
        subjectPath = $"/api/feedback/items{filter}";
        floorPath = $"{RegisterFloorEndpoint.Path}{filter}";

        var subject = await BenchmarkRequests.GetJsonAsync(client, subjectPath, cancellationToken);
        var floor = await BenchmarkRequests.GetJsonAsync(client, floorPath, cancellationToken);
        // The search's word is in about one text in fourteen: past 4,200 items its total is the cap, "at least".
        if (subject["items"] is not JsonArray { Count: 100 } items || subject["total"]?.GetValue<int>() is not > 100
            || (searched && summary.Items > 20_000 && subject["totalIsAtLeast"]?.GetValue<bool>() is not true))
        {
            throw new ScenarioFailedException($"The register is not a full first page of a long list: {subject.ToJsonString()[..Math.Min(300, subject.ToJsonString().Length)]}");
        }

        // The API promises no order of an item's workstreams.
        foreach (var item in items.Concat(floor["items"]?.AsArray() ?? []))
        {
            if (item?["workstreamIds"] is JsonArray ids)
            {
                var sorted = ids.Select(i => i!.GetValue<Guid>()).Order().ToList();
                item["workstreamIds"] = new JsonArray([.. sorted.Select(i => JsonValue.Create(i))]);
            }
        }

        BenchmarkRequests.ExpectSame("register pages", subject, floor);
    }

    public Task RunSubjectAsync(CancellationToken cancellationToken) => BenchmarkRequests.GetAsync(client, subjectPath, cancellationToken);

    public Task RunFloorAsync(CancellationToken cancellationToken) => BenchmarkRequests.GetAsync(client, floorPath, cancellationToken);
}
