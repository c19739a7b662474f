using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Benchmarks.Harness;

namespace Samordning.Benchmarks.Scenarios.Workstreams;

// The initiative list searched by its text box alone (q), the second page of 50, newest change first: a title the
// volume gives about one initiative in 140 (one subject and object of its titles), so a few hundred hits at 50,000.
internal sealed class InitiativeSearchScenario(WorkstreamsVolume volume) : IScenario
{
    private const string Filter = "?q=pilot%20for%20fiskerikvoter&page=2&pageSize=50";

    private HttpClient client = null!;

    public string Name => "workstreams-initiatives-searched";

    public string Subject => $"GET /api/workstreams/initiatives{Filter} through the host pipeline over {volume.Initiatives}";

    public string Floor => $"GET {WorkstreamsFloorEndpoints.InitiativesPath}{Filter}: the best hand-written count and page for the same answer (a substring of the search text), bare ADO.NET, same Kestrel server";

    public double Aim => 0.4;

    public void ConfigureHost(IServiceCollection services) => WorkstreamsFloorEndpoints.AddTo(services);

    public async Task PrepareAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        client = context.Client;
        await volume.EnsureAsync(context.Services, cancellationToken);
        var subject = await BenchmarkRequests.GetJsonAsync(client, SubjectPath, cancellationToken);
        var floor = await BenchmarkRequests.GetJsonAsync(client, FloorPath, cancellationToken);
        if (subject["items"] is not JsonArray { Count: 50 } || subject["total"]?.GetValue<int>() is not > 100)
        {
            throw new ScenarioFailedException($"The searched list is not a full second page of a long list: {subject.ToJsonString()[..Math.Min(300, subject.ToJsonString().Length)]}");
        }

        BenchmarkRequests.ExpectSame("searched initiative pages", subject, floor);
    }

    public Task RunSubjectAsync(CancellationToken cancellationToken) => BenchmarkRequests.GetAsync(client, SubjectPath, cancellationToken);

    public Task RunFloorAsync(CancellationToken cancellationToken) => BenchmarkRequests.GetAsync(client, FloorPath, cancellationToken);

    private static string SubjectPath => $"/api/workstreams/initiatives{Filter}";

    private static string FloorPath => $"{WorkstreamsFloorEndpoints.InitiativesPath}{Filter}";
}
