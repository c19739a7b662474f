using Samordning.Shared.Live;
using Samordning.Ministries.Data;

namespace Samordning.Ministries.People;

internal sealed class CreatePerson : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/ministries/people", async (PersonRequest request, MinistriesDbContext db, ILiveUpdates live, CancellationToken ct) =>
                (await HandleAsync(db, live, request, ct)).ToCreated(p => $"/api/ministries/people/{p.Id}"))
            .RequireAuthorization(Policies.ManageRegistry)
            .WithTags("People")
            .WithSummary("Adds a person, with roles and ministry (administrators and coordinators).");

    public static async Task<Outcome<PersonDetails>> HandleAsync(MinistriesDbContext db, ILiveUpdates live, PersonRequest request, CancellationToken cancellationToken)
    {
        var errors = await PersonRequest.ValidateAsync(request, db, null, cancellationToken);
        if (errors.Any)
        {
            return Outcome.Invalid<PersonDetails>(errors);
        }

        var person = new Person { Name = "", Email = "" };
        request.ApplyTo(person);
        db.People.Add(person);
        await db.SaveChangesAsync(cancellationToken);
        await RegistryLive.PublishChangedAsync(live, "person", person.Id, person.Name, cancellationToken);
        return Outcome.Ok((await GetPerson.HandleAsync(db, person.Id, cancellationToken))!);
    }
}
