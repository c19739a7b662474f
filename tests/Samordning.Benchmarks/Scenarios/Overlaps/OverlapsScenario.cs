using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Samordning.Benchmarks.Harness;
using Samordning.Benchmarks.Scenarios.Workstreams;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Overlaps;

namespace Samordning.Benchmarks.Scenarios.Overlaps;

// GET /api/workstreams/initiatives/overlaps/suggest over the realistic volume (50,000 initiatives), as a person types
// an initiative: a handful of titles and tags from the volume's own vocabulary, taken in turn. The volume's titles
// are made of 10 openings and 14 subjects, so every query shares its words with thousands of initiatives: the worst
// case for an index that finds candidates by shared words. Before measuring it times what a node pays at start: the
// full build of the overlap index from the database, and the KMD pair list (every initiative's own lookup).
// The floor (OverlapsFloorEndpoint) is the same in-memory index queried directly.
internal sealed class OverlapsScenario(WorkstreamsVolume volume) : IScenario
{
    private const string SubjectPath = "/api/workstreams/initiatives/overlaps/suggest";

    private static readonly string[] Queries =
    [
        "title=Digital+s%C3%B8knad+om+bost%C3%B8tte&tags=digitalisering",
        "title=Pilot+for+barnehageplasser+i+distriktene&tags=fors%C3%B8k",
        "title=Felles+l%C3%B8sning+for+energimerking+av+bygg&description=Energimerking+av+alle+offentlige+bygg&tags=klima",
        "title=Kompetanseprogram+for+beredskap&tags=kompetanse,klima",
        "title=Automatisert+behandling+av+tollsaker+og+tolltjenester&tags=kunstig+intelligens",
        "title=Brukerreise+for+foreldrepenger+og+kontantst%C3%B8tte&tags=tjenestedesign",
    ];

    private readonly OverlapsFloorEndpoint floor = new();
    private HttpClient client = null!;
    private int next;
    private string prepared = "";

    public string Name => "overlaps";

    public string Subject => $"GET {SubjectPath}?title=…&tags=… (6 queries in turn) through the host pipeline over {volume.Initiatives}, as the seeded coordinator: authentication, the index's version check in the database, the lookup with reasons, JSON{prepared}";

    public string Floor => $"GET {OverlapsFloorEndpoint.Path}?…: the same in-memory overlap index (a copy built for the floor) queried directly for the same texts, the same JSON, no authentication, no DI scope or database read, same Kestrel server";

    public double Aim => 0.5;

    public double? P95AimMilliseconds => 50;

    public void ConfigureHost(IServiceCollection services) => services.AddSingleton<IStartupFilter>(floor);

    public async Task PrepareAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        client = context.Client;
        await volume.EnsureAsync(context.Services, cancellationToken);
        var finder = context.Services.GetRequiredService<OverlapFinder>();
        await finder.WhenReadyAsync(cancellationToken);

        // The volume was written after the node started: its catch-up is a full build of its own; then none runs.
        await finder.PollAsync(cancellationToken);

        // What a node starting on this volume does in the background: the full build, then the pair list.
        await using (var scope = context.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>();
            var started = Stopwatch.GetTimestamp();
            await finder.BuildAsync(db, cancellationToken);
            var build = Stopwatch.GetElapsedTime(started);
            started = Stopwatch.GetTimestamp();
            var pairs = await finder.PairsAsync(db, wait: true, cancellationToken);
            var pairTime = Stopwatch.GetElapsedTime(started);
            started = Stopwatch.GetTimestamp();
            await floor.BuildAsync(db, cancellationToken);
            prepared = string.Create(CultureInfo.InvariantCulture,
                $"; at start the index build took {build.TotalSeconds:0.0} s and the KMD pair list {pairTime.TotalSeconds:0.0} s ({pairs?.Hits.Count ?? 0:N0} pairs)");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[overlaps] index build {build.TotalSeconds:0.00} s, pair list {pairTime.TotalSeconds:0.00} s ({pairs?.Hits.Count ?? 0:N0} pairs), floor's copy {Stopwatch.GetElapsedTime(started).TotalSeconds:0.00} s"));
        }

        var list = Stopwatch.GetTimestamp();
        await BenchmarkRequests.GetAsync(client, "/api/workstreams/overlaps", cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[overlaps] GET /api/workstreams/overlaps (kept list, 200 pairs with reasons) {Stopwatch.GetElapsedTime(list).TotalMilliseconds:0} ms"));

        foreach (var query in Queries)
        {
            var subject = await BenchmarkRequests.GetJsonAsync(client, $"{SubjectPath}?{query}", cancellationToken);
            var floorAnswer = await BenchmarkRequests.GetJsonAsync(client, $"{OverlapsFloorEndpoint.Path}?{query}", cancellationToken);
            if (subject is not JsonArray { Count: > 0 })
            {
                throw new ScenarioFailedException($"No suggestions for {query}: {subject.ToJsonString()}");
            }

            BenchmarkRequests.ExpectSame($"suggestions for {query}", Comparable(subject), Comparable(floorAnswer));
        }
    }

    public Task RunSubjectAsync(CancellationToken cancellationToken) =>
        BenchmarkRequests.GetAsync(client, $"{SubjectPath}?{Next()}", cancellationToken);

    public Task RunFloorAsync(CancellationToken cancellationToken) =>
        BenchmarkRequests.GetAsync(client, $"{OverlapsFloorEndpoint.Path}?{Next()}", cancellationToken);

    // Ids and scores in order: the reasons are in the reader's language, which the floor (before the host's
    // localisation) does not know.
    private static JsonObject Comparable(JsonNode answer) => new()
    {
        ["ids"] = new JsonArray([.. answer.AsArray().Select(s => JsonValue.Create(s!["id"]!.GetValue<Guid>()))]),
        ["scores"] = new JsonArray([.. answer.AsArray().Select(s => JsonValue.Create(s!["score"]!.GetValue<double>()))]),
    };

    private string Next() => Queries[(int)((uint)Interlocked.Increment(ref next) % Queries.Length)];
}
