using Samordning.Ministries.Data;

namespace Samordning.Ministries.People;

internal sealed class ListPeople : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/ministries/people", async (string? q, Guid? ministryId, string? role, MinistriesDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await HandleAsync(db, q, ministryId, role, ct)))
            .WithTags("People")
            .WithSummary("People in the registry, optionally of one ministry, with one role, matching a search over name, e-mail and title.");

    public static async Task<List<PersonDetails>> HandleAsync(
        MinistriesDbContext db, string? search, Guid? ministryId, string? role, CancellationToken cancellationToken)
    {
        var query = db.People.AsQueryable();
        if (ministryId is { } id)
        {
            query = query.Where(p => p.MinistryId == id);
        }

        if (!string.IsNullOrWhiteSpace(role))
        {
            var flag = PersonRolesExtensions.FromName(role);
            query = query.Where(p => (p.Roles & flag) == flag && flag != PersonRoles.None);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim().ToLowerInvariant();
            query = query.Where(p => p.SearchText.Contains(text));
        }

        return await query.OrderBy(p => p.Name).Take(500).ToDetailsAsync(cancellationToken);
    }
}
