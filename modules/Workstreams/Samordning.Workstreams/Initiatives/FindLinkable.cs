using System.Security.Claims;
using Samordning.Workstreams.Contracts;

namespace Samordning.Workstreams.Initiatives;

// The type-ahead behind every module's initiative picker (issue 16): a few initiatives the person may link to,
// matching what they type. A contact person finds only their ministry's (InitiativeAccess.Linkable); those who may
// link nothing find nothing.
internal sealed class FindLinkable : IEndpoint
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 25;
    public const int MaxQueryLength = 200;

    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/workstreams/initiatives/linkable", async Task<Results<Ok<IReadOnlyList<InitiativeInfo>>, ValidationProblem>> (
                string? q, int? limit, ClaimsPrincipal user, IInitiativeDirectory directory, CancellationToken ct) =>
            {
                var errors = new FieldErrors().MaxLength("q", q, new("Søketeksten", "The search text"), MaxQueryLength);
                if (limit is < 1 or > MaxLimit)
                {
                    errors.Add("limit", new($"Antallet må være fra 1 til {MaxLimit}.", $"The number must be from 1 to {MaxLimit}."));
                }

                return errors.Any
                    ? Problems.Validation(errors)
                    : TypedResults.Ok(await directory.FindLinkableAsync(user, q, ownMinistryOnly: false, limit ?? DefaultLimit, ct));
            })
            .WithTags("Initiatives")
            .WithSummary("Initiatives I may link things to whose title, summary, tags or ministry contain every word of q; for pickers' type-ahead.");
}
