using Samordning.Ministries.Data;

namespace Samordning.Ministries.Ministries;

internal sealed record MinistryListItem(Guid Id, string Code, string NameNb, string NameEn, bool Active, int AgencyCount, long Version);

internal sealed class ListMinistries : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/ministries", async (string? q, bool? includeInactive, MinistriesDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await HandleAsync(db, q, includeInactive ?? false, ct)))
            .WithTags("Ministries")
            .WithSummary("Ministries, optionally filtered by a search text over code and names.");

    public static async Task<List<MinistryListItem>> HandleAsync(MinistriesDbContext db, string? search, bool includeInactive, CancellationToken cancellationToken)
    {
        var query = db.Ministries.AsNoTracking();
        if (!includeInactive)
        {
            query = query.Where(m => m.Active);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim().ToLowerInvariant();
            query = query.Where(m => m.SearchText.Contains(text));
        }

        return await query
            .OrderBy(m => m.Code)
            .Select(m => new MinistryListItem(m.Id, m.Code, m.NameNb, m.NameEn, m.Active, m.Agencies.Count, m.Version))
            .ToListAsync(cancellationToken);
    }
}
