using Samordning.Ministries.Contracts;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Workstreams;

internal sealed class ListWorkstreams : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/workstreams", async (WorkstreamsDbContext db, CancellationToken ct) => TypedResults.Ok(await HandleAsync(db, ct)))
            .WithTags("Workstreams")
            .WithSummary("The white paper's workstreams, by chapter, with how many initiatives contribute to each.");

    public static Task<List<WorkstreamDetails>> HandleAsync(WorkstreamsDbContext db, CancellationToken cancellationToken) =>
        db.Workstreams.AsNoTracking()
            .OrderBy(w => w.Chapter ?? int.MaxValue).ThenBy(w => w.TitleNb)
            .Select(w => new WorkstreamDetails(
                w.Id, w.Chapter, w.TitleNb, w.TitleEn, w.Description, w.OwnerPersonId, w.OwnerName, w.Status, w.TargetDate,
                db.Set<InitiativeWorkstream>().Count(iw => iw.WorkstreamId == w.Id), w.Version, w.TitleNn))
            .ToListAsync(cancellationToken);
}

internal sealed class GetWorkstream : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapGet("/workstreams/{id:guid}", async Task<Results<Ok<WorkstreamDetails>, ProblemHttpResult>> (Guid id, WorkstreamsDbContext db, CancellationToken ct) =>
                await HandleAsync(db, id, ct) is { } workstream ? TypedResults.Ok(workstream) : Problems.NotFound())
            .WithTags("Workstreams")
            .WithSummary("One workstream.");

    public static async Task<WorkstreamDetails?> HandleAsync(WorkstreamsDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var workstream = await db.Workstreams.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        return workstream is null ? null : WorkstreamDetails.From(workstream, await CountAsync(db, id, cancellationToken));
    }

    public static Task<int> CountAsync(WorkstreamsDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Set<InitiativeWorkstream>().CountAsync(iw => iw.WorkstreamId == id, cancellationToken);
}

internal sealed class CreateWorkstream : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/workstreams", async (WorkstreamRequest request, WorkstreamsDbContext db, IMinistryDirectory directory, CancellationToken ct) =>
                (await HandleAsync(db, directory, request, ct)).ToCreated(w => $"/api/workstreams/{w.Id}"))
            .RequireAuthorization(Policies.Coordinator)
            .WithTags("Workstreams")
            .WithSummary("Adds a workstream (coordinators).");

    public static async Task<Outcome<WorkstreamDetails>> HandleAsync(WorkstreamsDbContext db, IMinistryDirectory directory, WorkstreamRequest request, CancellationToken cancellationToken)
    {
        var (errors, owner) = await request.ValidateAsync(db, directory, null, cancellationToken);
        if (errors.Any)
        {
            return Outcome.Invalid<WorkstreamDetails>(errors);
        }

        var workstream = new Workstream { TitleNb = "" };
        request.ApplyTo(workstream, owner);
        db.Workstreams.Add(workstream);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(WorkstreamDetails.From(workstream, 0));
    }
}

internal sealed class UpdateWorkstream : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPut("/workstreams/{id:guid}", async (Guid id, WorkstreamRequest request, WorkstreamsDbContext db, IMinistryDirectory directory, CancellationToken ct) =>
                (await HandleAsync(db, directory, id, request, ct)).ToOk())
            .RequireAuthorization(Policies.Coordinator)
            .WithTags("Workstreams")
            .WithSummary("Changes a workstream (coordinators). A stale version gets 409 with the current state.");

    public static async Task<Outcome<WorkstreamDetails>> HandleAsync(
        WorkstreamsDbContext db, IMinistryDirectory directory, Guid id, WorkstreamRequest request, CancellationToken cancellationToken)
    {
        var workstream = await db.Workstreams.FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (workstream is null)
        {
            return Outcome.NotFound<WorkstreamDetails>();
        }

        var (errors, owner) = await request.ValidateAsync(db, directory, id, cancellationToken);
        if (errors.Any)
        {
            return Outcome.Invalid<WorkstreamDetails>(errors);
        }

        var count = await GetWorkstream.CountAsync(db, id, cancellationToken);
        return await Concurrency.SaveAsync(db, workstream, request.Version, () => request.ApplyTo(workstream, owner), w => WorkstreamDetails.From(w, count), cancellationToken);
    }
}
