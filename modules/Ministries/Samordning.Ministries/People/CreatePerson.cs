using Samordning.Ministries.Data;

namespace Samordning.Ministries.People;

internal sealed class CreatePerson : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/ministries/people", async (PersonRequest request, MinistriesDbContext db, IOutbox outbox, CancellationToken ct) =>
                (await HandleAsync(db, outbox, request, ct)).ToCreated(p => $"/api/ministries/people/{p.Id}"))
            .RequireAuthorization(Policies.ManageRegistry)
            .WithTags("People")
            .WithSummary("Adds a person, with roles and ministry (administrators and coordinators).");

    public static async Task<Outcome<PersonDetails>> HandleAsync(MinistriesDbContext db, IOutbox outbox, PersonRequest request, CancellationToken cancellationToken)
    {
        var errors = await PersonRequest.ValidateAsync(request, db, null, cancellationToken);
        if (errors.Any)
        {
            return Outcome.Invalid<PersonDetails>(errors);
        }

        var person = new Person { Name = "", Email = "" };
        request.ApplyTo(person);
        db.People.Add(person);
        RegistryLive.Stage(db, "person", () => (person.Id, person.Name));
        await db.SaveChangesAsync(cancellationToken);
        await outbox.DeliverAsync(db, cancellationToken);
        return Outcome.Ok((await GetPerson.HandleAsync(db, person.Id, cancellationToken))!);
    }
}
