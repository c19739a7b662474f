using Samordning.Shared.Time;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Milestones;

// The process page's milestones (issue 18): the KMD team lists, adds, changes, removes and orders them. The public
// sees the published ones on /prosess (MilestoneProcess), never through this API.
internal sealed class MilestoneEndpoints : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/workstreams/milestones").RequireAuthorization(Policies.Coordinator).WithTags("Process");

        group.MapGet("", async (WorkstreamsDbContext db, CancellationToken ct) => TypedResults.Ok(await ListAsync(db, ct)))
            .WithSummary("Every milestone of the process, published or not, in the coordinators' order (coordinators).");

        group.MapGet("/{id:guid}", async Task<Results<Ok<MilestoneDetails>, ProblemHttpResult>> (Guid id, WorkstreamsDbContext db, CancellationToken ct) =>
                await db.Milestones.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is { } m ? TypedResults.Ok(MilestoneDetails.From(m)) : Problems.NotFound())
            .WithSummary("One milestone (coordinators).");

        group.MapPost("", async (MilestoneRequest request, WorkstreamsDbContext db, IClock clock, CancellationToken ct) =>
                (await CreateAsync(db, clock, request, ct)).ToCreated(m => $"/api/workstreams/milestones/{m.Id}"))
            .WithSummary("Adds a milestone at the end of the order (coordinators).");

        group.MapPut("/{id:guid}", async (Guid id, MilestoneRequest request, WorkstreamsDbContext db, IClock clock, CancellationToken ct) =>
                (await UpdateAsync(db, clock, id, request, ct)).ToOk())
            .WithSummary("Changes a milestone (coordinators). Send the version you read; a stale version gets 409 with the current state.");

        group.MapDelete("/{id:guid}", async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> (Guid id, long? version, WorkstreamsDbContext db, CancellationToken ct) =>
            {
                var outcome = await DeleteAsync(db, id, version, ct);
                return outcome.Kind switch
                {
                    OutcomeKind.Ok => TypedResults.NoContent(),
                    OutcomeKind.Invalid => Problems.Validation(outcome.Errors!),
                    OutcomeKind.Conflict => Problems.Conflict(outcome.Value!),
                    _ => Problems.NotFound(),
                };
            })
            .WithSummary("Removes a milestone (coordinators). Send ?version= of what you read; a stale version gets 409 with the current state.");

        group.MapPost("/{id:guid}/move", async (Guid id, MoveMilestoneRequest request, WorkstreamsDbContext db, IClock clock, CancellationToken ct) =>
                (await MoveAsync(db, clock, id, request, ct)).ToOk())
            .WithSummary("Moves a milestone one place up or down in the order (coordinators); a stale version gets 409.");
    }

    public static async Task<List<MilestoneDetails>> ListAsync(WorkstreamsDbContext db, CancellationToken cancellationToken) =>
        [.. (await db.Milestones.AsNoTracking().OrderBy(m => m.Position).ThenBy(m => m.Date).ToListAsync(cancellationToken)).Select(MilestoneDetails.From)];

    public static async Task<Outcome<MilestoneDetails>> CreateAsync(WorkstreamsDbContext db, IClock clock, MilestoneRequest request, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Any)
        {
            return Outcome.Invalid<MilestoneDetails>(errors);
        }

        var milestone = new Milestone { TitleNb = "" };
        request.ApplyTo(milestone, clock.UtcNow);
        milestone.Position = (await db.Milestones.MaxAsync(m => (int?)m.Position, cancellationToken) ?? 0) + 1;
        db.Milestones.Add(milestone);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(MilestoneDetails.From(milestone));
    }

    public static async Task<Outcome<MilestoneDetails>> UpdateAsync(WorkstreamsDbContext db, IClock clock, Guid id, MilestoneRequest request, CancellationToken cancellationToken)
    {
        var milestone = await db.Milestones.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (milestone is null)
        {
            return Outcome.NotFound<MilestoneDetails>();
        }

        var errors = request.Validate();
        return errors.Any
            ? Outcome.Invalid<MilestoneDetails>(errors)
            : await Concurrency.SaveAsync(db, milestone, request.Version, () => request.ApplyTo(milestone, clock.UtcNow), MilestoneDetails.From, cancellationToken);
    }

    public static async Task<Outcome<MilestoneDetails>> DeleteAsync(WorkstreamsDbContext db, Guid id, long? version, CancellationToken cancellationToken)
    {
        var milestone = await db.Milestones.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (milestone is null)
        {
            return Outcome.NotFound<MilestoneDetails>();
        }

        return await Concurrency.SaveAsync(db, milestone, version, () => db.Milestones.Remove(milestone), MilestoneDetails.From, cancellationToken);
    }

    // Swaps places with the neighbour in the order; both rows change, so a concurrent edit of either is a 409.
    public static async Task<Outcome<MilestoneDetails>> MoveAsync(WorkstreamsDbContext db, IClock clock, Guid id, MoveMilestoneRequest request, CancellationToken cancellationToken)
    {
        var all = await db.Milestones.OrderBy(m => m.Position).ThenBy(m => m.Date).ToListAsync(cancellationToken);
        var index = all.FindIndex(m => m.Id == id);
        if (index < 0)
        {
            return Outcome.NotFound<MilestoneDetails>();
        }

        if (!Enum.IsDefined(request.Direction))
        {
            return Outcome.Invalid<MilestoneDetails>(new FieldErrors().Add(nameof(request.Direction), new("Velg opp eller ned.", "Choose up or down.")));
        }

        var milestone = all[index];
        var other = request.Direction == MoveDirection.Up ? index - 1 : index + 1;
        return await Concurrency.SaveAsync(db, milestone, request.Version, () =>
        {
            if (other < 0 || other >= all.Count)
            {
                return; // already first or last: nothing to move
            }

            var neighbour = all[other];
            // Positions may repeat (rows made at the same moment); the swap then makes them differ.
            (milestone.Position, neighbour.Position) = neighbour.Position == milestone.Position
                ? (request.Direction == MoveDirection.Up ? neighbour.Position - 1 : neighbour.Position + 1, milestone.Position)
                : (neighbour.Position, milestone.Position);
            milestone.UpdatedAt = clock.UtcNow;
            neighbour.UpdatedAt = milestone.UpdatedAt;
        }, MilestoneDetails.From, cancellationToken);
    }
}
