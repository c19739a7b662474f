using Samordning.Ministries.Data;

namespace Samordning.Ministries.Ministries;

internal sealed record MinistryListItem(Guid Id, string Code, string NameNb, string NameEn, bool Active, int AgencyCount, long Version, string? NameNn = null);

internal sealed class ListMinistries : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/ministries", async (string? q, bool? includeInactive, MinistriesDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await HandleAsync(db, q, includeInactive ?? false, ct)))
            .WithTags("Ministries")
            .WithSummary("Ministries, optionally filtered by a search text over code and names.");

    // The list without a search is what every page and picker asks for: compiled once, so a request skips EF Core's
    // expression-tree hashing and query-cache lookup. Two queries rather than a parameter, so each keeps its plain SQL.
    // A projection is never tracked, so AsNoTracking is not needed there.
    private static readonly Func<MinistriesDbContext, IAsyncEnumerable<MinistryListItem>> Active =
        EF.CompileAsyncQuery((MinistriesDbContext db) => db.Ministries
            .Where(m => m.Active)
            .OrderBy(m => m.Code)
            .Select(m => new MinistryListItem(m.Id, m.Code, m.NameNb, m.NameEn, m.Active, m.Agencies.Count, m.Version, m.NameNn)));

    private static readonly Func<MinistriesDbContext, IAsyncEnumerable<MinistryListItem>> All =
        EF.CompileAsyncQuery((MinistriesDbContext db) => db.Ministries
            .OrderBy(m => m.Code)
            .Select(m => new MinistryListItem(m.Id, m.Code, m.NameNb, m.NameEn, m.Active, m.Agencies.Count, m.Version, m.NameNn)));

    public static async Task<List<MinistryListItem>> HandleAsync(MinistriesDbContext db, string? search, bool includeInactive, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            var items = new List<MinistryListItem>();
            await foreach (var item in (includeInactive ? All : Active)(db).WithCancellation(cancellationToken))
            {
                items.Add(item);
            }

            return items;
        }

        var query = db.Ministries.AsNoTracking();
        if (!includeInactive)
        {
            query = query.Where(m => m.Active);
        }

        var text = search.Trim().ToLowerInvariant();
        return await query
            .Where(m => m.SearchText.Contains(text))
            .OrderBy(m => m.Code)
            .Select(m => new MinistryListItem(m.Id, m.Code, m.NameNb, m.NameEn, m.Active, m.Agencies.Count, m.Version, m.NameNn))
            .ToListAsync(cancellationToken);
    }
}
