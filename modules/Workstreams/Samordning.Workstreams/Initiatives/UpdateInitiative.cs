namespace Samordning.Workstreams.Initiatives;

internal sealed class UpdateInitiative : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/workstreams/initiatives/{id:guid}", async (Guid id, InitiativeRequest request, InitiativeServices deps, CancellationToken ct) =>
                (await HandleAsync(deps, id, request, ct)).ToOk())
            .WithTags("Initiatives")
            .WithSummary("Changes an initiative and records the change as a dated progress entry. Send the version you read; a stale version gets 409 with the current state.");

    public static async Task<Outcome<InitiativeDetails>> HandleAsync(InitiativeServices deps, Guid id, InitiativeRequest request, CancellationToken cancellationToken)
    {
        var initiative = await deps.Db.Initiatives.WithChildren().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (initiative is null)
        {
            return Outcome.NotFound<InitiativeDetails>();
        }

        // Both the ministry it belongs to now and the one it would move to must be the editor's.
        if (!InitiativeAccess.CanEdit(deps.User.Principal, initiative)
            || (request.OwningMinistryId is { } target && !InitiativeAccess.CanCreateFor(deps.User.Principal, target)))
        {
            return Outcome.Forbidden<InitiativeDetails>();
        }

        var (errors, resolved) = await request.ValidateAsync(deps.Db, deps.Directory, cancellationToken, editing: initiative.Id);
        if (errors.Any)
        {
            return Outcome.Invalid<InitiativeDetails>(errors);
        }

        return await InitiativeChanges.UpdateAsync(
            deps, initiative, request.Version, () => request.ApplyTo(initiative, resolved!, deps.Clock.UtcNow), request.Note, cancellationToken);
    }
}
