using Samordning.Ministries.Data;

namespace Samordning.Ministries.Agencies;

internal sealed class CreateAgency : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/ministries/agencies", async (AgencyRequest request, MinistriesDbContext db, IOutbox outbox, CancellationToken ct) =>
                (await HandleAsync(db, outbox, request, ct)).ToCreated(a => $"/api/ministries/agencies/{a.Id}"))
            .RequireAuthorization(Policies.ManageRegistry)
            .WithTags("Agencies")
            .WithSummary("Adds an agency to a ministry (administrators and coordinators).");

    public static async Task<Outcome<AgencyDetails>> HandleAsync(MinistriesDbContext db, IOutbox outbox, AgencyRequest request, CancellationToken cancellationToken)
    {
        var errors = await AgencyRequest.ValidateAsync(request, db, null, cancellationToken);
        if (errors.Any)
        {
            return Outcome.Invalid<AgencyDetails>(errors);
        }

        var agency = new Agency { NameNb = "" };
        request.ApplyTo(agency);
        db.Agencies.Add(agency);
        RegistryLive.Stage(db, "agency", () => (agency.Id, agency.NameNb));
        await db.SaveChangesAsync(cancellationToken);
        await outbox.DeliverAsync(db, cancellationToken);
        var code = await db.Ministries.Where(m => m.Id == agency.MinistryId).Select(m => m.Code).FirstAsync(cancellationToken);
        return Outcome.Ok(AgencyDetails.From(agency, code));
    }
}
