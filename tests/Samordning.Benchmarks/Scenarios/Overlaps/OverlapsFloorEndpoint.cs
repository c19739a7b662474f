using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Overlaps;

namespace Samordning.Benchmarks.Scenarios.Overlaps;

// The floor of the overlap suggestions: the product's own in-memory index (a copy, built once from the same rows)
// asked directly for the same texts, and the same answer written as JSON; before every middleware of the host.
// The index is the floor because it is the cheapest way known here to the same answer: a query that scored every
// initiative would be far slower, and no database index computes a cosine over words, tags and grams. What the
// floor leaves out is what the product adds around the lookup: authentication and the registry's claims, the DI
// scope, the read of the index's version in the database, the reader/writer lock, and the endpoint's validation.
internal sealed class OverlapsFloorEndpoint : IStartupFilter
{
    public const string Path = "/benchmark-floor/overlaps";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private OverlapIndex? index;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map(Path, floor => floor.Run(ServeAsync));
        next(app);
    };

    public async Task BuildAsync(WorkstreamsDbContext db, CancellationToken cancellationToken)
    {
        var built = new OverlapIndex();
        // In id order, as the product builds, so that among equally good candidates both keep the same ones.
        var rows = db.Initiatives.AsNoTracking().OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.OwningMinistryId, i.OwningMinistryCode, i.Title, i.Summary, Tags = i.Tags.Select(t => t.Tag).ToList() })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            built.Upsert(new OverlapSource(row.Id, row.OwningMinistryId, row.OwningMinistryCode, row.Title, row.Summary, row.Tags));
        }

        built.Settle();
        index = built;
    }

    private async Task ServeAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var tags = query["tags"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var found = index!.Find(query["title"].ToString(), query["description"].ToString(), tags, null, null, OverlapFinder.SuggestionLimit, OverlapFinder.MinimumScore);
        var answer = found.Select(m => new { m.Id, m.Title, m.MinistryCode, m.Score, Reasons = m.Reasons.Select(r => r.ToString()).ToList() }).ToList();
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, answer, Json, context.RequestAborted);
    }
}
