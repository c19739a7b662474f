using Samordning.Ministries.Data;

namespace Samordning.Ministries.Ministries;

internal sealed class GetMinistry : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/ministries/{id:guid}", async Task<Results<Ok<MinistryDetails>, ProblemHttpResult>> (Guid id, MinistriesDbContext db, CancellationToken ct) =>
                await HandleAsync(db, id, ct) is { } ministry ? TypedResults.Ok(ministry) : Problems.NotFound())
            .WithTags("Ministries")
            .WithSummary("One ministry with its agencies.");

    public static async Task<MinistryDetails?> HandleAsync(MinistriesDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var ministry = await db.Ministries.AsNoTracking().Include(m => m.Agencies).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        return ministry is null ? null : MinistryDetails.From(ministry);
    }
}
