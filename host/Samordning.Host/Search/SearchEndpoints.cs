using Microsoft.AspNetCore.Http.HttpResults;

namespace Samordning.Host.Search;

// The search belongs to the host, which merges what every module's ISearchSource finds; its API takes no module's name.
internal static class SearchEndpoints
{
    public static IServiceCollection AddSiteSearch(this IServiceCollection services) => services.AddScoped<SiteSearch>();

    public static void MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", async Task<Results<Ok<SearchResults>, ValidationProblem, ProblemHttpResult>> (
                [AsParameters] SearchRequest request, HttpContext http, SiteSearch search, CancellationToken ct) =>
                (await search.SearchAsync(request, http.User, ct)).ToOk())
            .RequireAuthorization()
            .WithTags("Search")
            .WithSummary("Searches initiatives, workstreams, meetings and what was decided and noted in them, input, people, agencies and ministries; "
                + "only what the caller may read. Norwegian-aware (æøå, inflections, compounds), ranked, highlighted with <mark> in HTML-encoded "
                + "text; filter by kind (repeatable), ministryId and workstreamId; paged (pageSize at most 50, the best 200 hits).");

        app.MapGet("/api/search/kinds", (SiteSearch search) => TypedResults.Ok(search.Kinds.Select(k => new { k.Name, Label = k.Label.ToString() })))
            .RequireAuthorization()
            .WithTags("Search")
            .WithSummary("The kinds of hit search can filter by, with their names in the request's language.");
    }
}
