using Samordning.Ministries.Data;

namespace Samordning.Ministries.Ministries;

internal sealed class CreateMinistry : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/ministries", async (MinistryRequest request, MinistriesDbContext db, IOutbox outbox, CancellationToken ct) =>
                (await HandleAsync(db, outbox, request, ct)).ToCreated(m => $"/api/ministries/{m.Id}"))
            .RequireAuthorization(Policies.ManageRegistry)
            .WithTags("Ministries")
            .WithSummary("Adds a ministry (administrators and coordinators).");

    public static async Task<Outcome<MinistryDetails>> HandleAsync(MinistriesDbContext db, IOutbox outbox, MinistryRequest request, CancellationToken cancellationToken)
    {
        var errors = await MinistryRequest.ValidateAsync(request, db, null, cancellationToken);
        if (errors.Any)
        {
            return Outcome.Invalid<MinistryDetails>(errors);
        }

        var ministry = new Ministry { Code = "", NameNb = "", NameEn = "" };
        request.ApplyTo(ministry);
        db.Ministries.Add(ministry);
        RegistryLive.Stage(db, "ministry", () => (ministry.Id, ministry.NameNb));
        await db.SaveChangesAsync(cancellationToken);
        await outbox.DeliverAsync(db, cancellationToken);
        return Outcome.Ok(MinistryDetails.From(ministry));
    }
}
