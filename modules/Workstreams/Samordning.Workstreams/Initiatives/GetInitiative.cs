namespace Samordning.Workstreams.Initiatives;

internal sealed class GetInitiative : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/workstreams/initiatives/{id:guid}", async Task<Results<Ok<InitiativeDetails>, ProblemHttpResult>> (Guid id, InitiativeServices deps, CancellationToken ct) =>
                await HandleAsync(deps, id, ct) is { } initiative ? TypedResults.Ok(initiative) : Problems.NotFound())
            .WithTags("Initiatives")
            .WithSummary("One initiative.");

    public static async Task<InitiativeDetails?> HandleAsync(InitiativeServices deps, Guid id, CancellationToken cancellationToken)
    {
        var initiative = await deps.Db.Initiatives.AsNoTracking().WithChildren().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        return initiative is null ? null : InitiativeDetails.From(initiative);
    }
}
