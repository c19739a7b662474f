using Samordning.Ministries.Data;

namespace Samordning.Ministries.Ministries;

internal sealed class UpdateMinistry : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/ministries/{id:guid}", async (Guid id, MinistryRequest request, MinistriesDbContext db, IOutbox outbox, CancellationToken ct) =>
                (await HandleAsync(db, outbox, id, request, ct)).ToOk())
            .RequireAuthorization(Policies.ManageRegistry)
            .WithTags("Ministries")
            .WithSummary("Changes a ministry. Send the version you read; a stale version gets 409 with the current state.");

    public static async Task<Outcome<MinistryDetails>> HandleAsync(MinistriesDbContext db, IOutbox outbox, Guid id, MinistryRequest request, CancellationToken cancellationToken)
    {
        var ministry = await db.Ministries.Include(m => m.Agencies).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (ministry is null)
        {
            return Outcome.NotFound<MinistryDetails>();
        }

        var errors = await MinistryRequest.ValidateAsync(request, db, id, cancellationToken);
        if (errors.Any)
        {
            return Outcome.Invalid<MinistryDetails>(errors);
        }

        var outcome = await Concurrency.SaveAsync(db, ministry, request.Version, () =>
        {
            request.ApplyTo(ministry);
            RegistryLive.Stage(db, "ministry", () => (id, ministry.NameNb));
        }, MinistryDetails.From, cancellationToken);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            await outbox.DeliverAsync(db, cancellationToken);
        }

        return outcome;
    }
}
