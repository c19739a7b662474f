using Samordning.Ministries.Data;

namespace Samordning.Ministries.People;

internal sealed class UpdatePerson : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/ministries/people/{id:guid}", async (Guid id, PersonRequest request, MinistriesDbContext db, IOutbox outbox, CancellationToken ct) =>
                (await HandleAsync(db, outbox, id, request, ct)).ToOk())
            .RequireAuthorization(Policies.ManageRegistry)
            .WithTags("People")
            .WithSummary("Changes a person. Send the version you read; a stale version gets 409 with the current state.");

    public static async Task<Outcome<PersonDetails>> HandleAsync(MinistriesDbContext db, IOutbox outbox, Guid id, PersonRequest request, CancellationToken cancellationToken)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
        {
            return Outcome.NotFound<PersonDetails>();
        }

        var errors = await PersonRequest.ValidateAsync(request, db, id, cancellationToken);
        if (errors.Any)
        {
            return Outcome.Invalid<PersonDetails>(errors);
        }

        var saved = await Concurrency.SaveAsync(db, person, request.Version, () =>
        {
            request.ApplyTo(person);
            RegistryLive.Stage(db, "person", () => (id, person.Name));
        }, p => p.Id, cancellationToken);
        if (saved.Kind == OutcomeKind.Ok)
        {
            await outbox.DeliverAsync(db, cancellationToken);
        }

        return saved.Kind switch
        {
            OutcomeKind.Ok => Outcome.Ok((await GetPerson.HandleAsync(db, id, cancellationToken))!),
            OutcomeKind.Conflict => Outcome.Conflict((await GetPerson.HandleAsync(db, id, cancellationToken))!),
            OutcomeKind.Invalid => Outcome.Invalid<PersonDetails>(saved.Errors!),
            _ => Outcome.NotFound<PersonDetails>(),
        };
    }
}
