using Samordning.Ministries.Data;

namespace Samordning.Ministries.Agencies;

internal sealed class UpdateAgency : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/ministries/agencies/{id:guid}", async (Guid id, AgencyRequest request, MinistriesDbContext db, IOutbox outbox, CancellationToken ct) =>
                (await HandleAsync(db, outbox, id, request, ct)).ToOk())
            .RequireAuthorization(Policies.ManageRegistry)
            .WithTags("Agencies")
            .WithSummary("Changes an agency. Send the version you read; a stale version gets 409 with the current state.");

    public static async Task<Outcome<AgencyDetails>> HandleAsync(MinistriesDbContext db, IOutbox outbox, Guid id, AgencyRequest request, CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (agency is null)
        {
            return Outcome.NotFound<AgencyDetails>();
        }

        var errors = await AgencyRequest.ValidateAsync(request, db, id, cancellationToken);
        if (errors.Any)
        {
            return Outcome.Invalid<AgencyDetails>(errors);
        }

        // The agency may move to another ministry, so look codes up rather than follow the navigation.
        var codes = await db.Ministries.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Code, cancellationToken);
        var outcome = await Concurrency.SaveAsync(
            db, agency, request.Version, () =>
            {
                request.ApplyTo(agency);
                RegistryLive.Stage(db, "agency", () => (id, agency.NameNb));
            }, a => AgencyDetails.From(a, codes[a.MinistryId]), cancellationToken);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            await outbox.DeliverAsync(db, cancellationToken);
        }

        return outcome;
    }
}
