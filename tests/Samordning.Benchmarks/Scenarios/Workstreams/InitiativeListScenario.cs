using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Benchmarks.Harness;

namespace Samordning.Benchmarks.Scenarios.Workstreams;

// The filtered initiative list over the realistic volume, with a filter a coordinator uses every day: one
// ministry (owning or collaborating), one phase, the second page of 50, newest change first. The floor is the best
// hand-written count and page for the same answer, on the listings' index (WorkstreamsFloorEndpoints), in bare ADO.NET.
internal sealed class InitiativeListScenario(WorkstreamsVolume volume) : IScenario
{
    private string subjectPath = "";
    private string floorPath = "";
    private HttpClient client = null!;

    public string Name => "workstreams-initiatives-filtered";

    public string Subject => $"GET /api/workstreams/initiatives?ministryId=(third-largest owner)&phase=InProgress&page=2&pageSize=50 through the host pipeline over {volume.Initiatives}";

    public string Floor => $"GET {WorkstreamsFloorEndpoints.InitiativesPath} with the same filter: the count from one range of the listings' index and the page walking it, bare ADO.NET queries (Microsoft.Data.Sqlite, or Npgsql with prepared commands), System.Text.Json, same Kestrel server";

    public double Aim => 0.4;

    public void ConfigureHost(IServiceCollection services) => WorkstreamsFloorEndpoints.AddTo(services);

    public async Task PrepareAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        client = context.Client;
        var summary = await volume.EnsureAsync(context.Services, cancellationToken);
        var ministry = summary.MinistriesByInitiatives[2];
        var filter = $"?ministryId={ministry.Id}&phase=InProgress&page=2&pageSize=50";
        subjectPath = $"/api/workstreams/initiatives{filter}";
        floorPath = $"{WorkstreamsFloorEndpoints.InitiativesPath}{filter}";

        var subject = await BenchmarkRequests.GetJsonAsync(client, subjectPath, cancellationToken);
        var floor = await BenchmarkRequests.GetJsonAsync(client, floorPath, cancellationToken);
        if (subject["items"] is not JsonArray { Count: 50 } || subject["total"]?.GetValue<int>() is not > 100)
        {
            throw new ScenarioFailedException($"The filtered list for {ministry.Code} is not a full second page of a long list: {subject.ToJsonString()[..Math.Min(300, subject.ToJsonString().Length)]}");
        }

        BenchmarkRequests.ExpectSame("initiative pages", subject, floor);
    }

    public Task RunSubjectAsync(CancellationToken cancellationToken) => BenchmarkRequests.GetAsync(client, subjectPath, cancellationToken);

    public Task RunFloorAsync(CancellationToken cancellationToken) => BenchmarkRequests.GetAsync(client, floorPath, cancellationToken);
}
