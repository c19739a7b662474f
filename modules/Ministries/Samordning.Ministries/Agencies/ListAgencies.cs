using Samordning.Ministries.Data;

namespace Samordning.Ministries.Agencies;

internal sealed class ListAgencies : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/ministries/agencies", async (string? q, Guid? ministryId, MinistriesDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await HandleAsync(db, q, ministryId, ct)))
            .WithTags("Agencies")
            .WithSummary("Agencies, optionally of one ministry and filtered by a search text over names and organisation number.");

    public static async Task<List<AgencyDetails>> HandleAsync(MinistriesDbContext db, string? search, Guid? ministryId, CancellationToken cancellationToken)
    {
        var query = db.Agencies.AsNoTracking();
        if (ministryId is { } id)
        {
            query = query.Where(a => a.MinistryId == id);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim().ToLowerInvariant();
            query = query.Where(a => a.SearchText.Contains(text));
        }

        return await query
            .OrderBy(a => a.Ministry!.Code).ThenBy(a => a.NameNb)
            .Select(a => new AgencyDetails(a.Id, a.MinistryId, a.Ministry!.Code, a.NameNb, a.NameEn, a.OrganisationNumber, a.Active, a.Version))
            .ToListAsync(cancellationToken);
    }
}
