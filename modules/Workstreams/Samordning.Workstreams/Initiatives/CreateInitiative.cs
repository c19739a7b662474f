using Samordning.Ministries.Contracts;
using Samordning.Shared.Time;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Initiatives;

internal sealed class CreateInitiative : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/workstreams/initiatives", async (InitiativeRequest request, InitiativeServices deps, CancellationToken ct) =>
                (await HandleAsync(deps, request, ct)).ToCreated(i => $"/api/workstreams/initiatives/{i.Id}"))
            .WithTags("Initiatives")
            .WithSummary("Registers an initiative for a ministry (its contact persons and coordinators).");

    public static async Task<Outcome<InitiativeDetails>> HandleAsync(InitiativeServices deps, InitiativeRequest request, CancellationToken cancellationToken)
    {
        if (!InitiativeAccess.CanCreateAny(deps.User.Principal)
            || (request.OwningMinistryId is { } ministryId && !InitiativeAccess.CanCreateFor(deps.User.Principal, ministryId)))
        {
            return Outcome.Forbidden<InitiativeDetails>();
        }

        var (errors, resolved) = await request.ValidateAsync(deps.Db, deps.Directory, cancellationToken);
        if (errors.Any)
        {
            return Outcome.Invalid<InitiativeDetails>(errors);
        }

        var initiative = new Initiative { Title = "", OwningMinistryCode = "" };
        request.ApplyTo(initiative, resolved!, deps.Clock.UtcNow);
        return await InitiativeChanges.CreateAsync(deps, initiative, request.Note, cancellationToken);
    }
}

// What the initiative use cases need, bundled so endpoints and pages ask for one thing.
internal sealed record InitiativeServices(WorkstreamsDbContext Db, IMinistryDirectory Directory, ICurrentUser User, IClock Clock, IOutbox Outbox);
