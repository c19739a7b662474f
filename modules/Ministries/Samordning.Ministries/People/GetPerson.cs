using Samordning.Ministries.Data;

namespace Samordning.Ministries.People;

internal sealed class GetPerson : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/ministries/people/{id:guid}", async Task<Results<Ok<PersonDetails>, ProblemHttpResult>> (Guid id, MinistriesDbContext db, CancellationToken ct) =>
                await HandleAsync(db, id, ct) is { } person ? TypedResults.Ok(person) : Problems.NotFound())
            .WithTags("People")
            .WithSummary("One person.");

    public static async Task<PersonDetails?> HandleAsync(MinistriesDbContext db, Guid id, CancellationToken cancellationToken) =>
        (await db.People.Where(p => p.Id == id).ToDetailsAsync(cancellationToken)).FirstOrDefault();
}
