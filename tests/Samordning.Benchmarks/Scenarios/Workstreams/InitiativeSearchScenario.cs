using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Benchmarks.Harness;

namespace Samordning.Benchmarks.Scenarios.Workstreams;

// The initiative list searched by its text box alone (q), a page of 50, newest change first: a title the volume gives
// about one initiative in 140 (one subject and object of its titles), so a few hundred hits at 50,000 and some 40 at
// 5,000. The second page where the volume gives one (from 20,000 initiatives), else the first: the same query either way.
internal sealed class InitiativeSearchScenario(WorkstreamsVolume volume) : IScenario
{
    private string Filter => $"?q=pilot%20for%20fiskerikvoter&page={Page}&pageSize=50";

    private int Page => volume.Spec.Initiatives >= 20_000 ? 2 : 1;

    private HttpClient client = null!;

    public string Name => "workstreams-initiatives-searched";

    public string Subject => $"GET /api/workstreams/initiatives{Filter} through the host pipeline over {volume.Initiatives}";

    public string Floor => $"GET {WorkstreamsFloorEndpoints.InitiativesPath}{Filter}: the best hand-written count and page for the same answer (a substring of the search text, tested on the initiatives the suffix index says can hold it), bare ADO.NET, same Kestrel server";

    public double Aim => 0.4;

    public void ConfigureHost(IServiceCollection services) => WorkstreamsFloorEndpoints.AddTo(services);

    public async Task PrepareAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        client = context.Client;
        await volume.EnsureAsync(context.Services, cancellationToken);
        var subject = await BenchmarkRequests.GetJsonAsync(client, SubjectPath, cancellationToken);
        var floor = await BenchmarkRequests.GetJsonAsync(client, FloorPath, cancellationToken);
        var total = subject["total"]?.GetValue<int>() ?? 0;
        if (total < 20 || subject["items"] is not JsonArray items || items.Count != Math.Min(50, total - ((Page - 1) * 50)))
        {
            throw new ScenarioFailedException($"The searched list is not a full page {Page} of a list of some length: {subject.ToJsonString()[..Math.Min(300, subject.ToJsonString().Length)]}");
        }

        BenchmarkRequests.ExpectSame("searched initiative pages", subject, floor);
    }

    public Task RunSubjectAsync(CancellationToken cancellationToken) => BenchmarkRequests.GetAsync(client, SubjectPath, cancellationToken);

    public Task RunFloorAsync(CancellationToken cancellationToken) => BenchmarkRequests.GetAsync(client, FloorPath, cancellationToken);

    private string SubjectPath => $"/api/workstreams/initiatives{Filter}";

    private string FloorPath => $"{WorkstreamsFloorEndpoints.InitiativesPath}{Filter}";
}
