using Samordning.Ministries.Data;

namespace Samordning.Ministries.Agencies;

internal sealed class GetAgency : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/ministries/agencies/{id:guid}", async Task<Results<Ok<AgencyDetails>, ProblemHttpResult>> (Guid id, MinistriesDbContext db, CancellationToken ct) =>
                await HandleAsync(db, id, ct) is { } agency ? TypedResults.Ok(agency) : Problems.NotFound())
            .WithTags("Agencies")
            .WithSummary("One agency.");

    public static Task<AgencyDetails?> HandleAsync(MinistriesDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Agencies.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new AgencyDetails(a.Id, a.MinistryId, a.Ministry!.Code, a.NameNb, a.NameEn, a.OrganisationNumber, a.Active, a.Version))
            .FirstOrDefaultAsync(cancellationToken);
}
