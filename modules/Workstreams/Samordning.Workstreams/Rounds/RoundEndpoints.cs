using Samordning.Ministries.Contracts;
using Samordning.Shared.Time;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;

namespace Samordning.Workstreams.Rounds;

internal sealed record OpenRoundRequest(string? Title, string? Description, DateTimeOffset? Deadline);

internal sealed record RoundListItem(Guid Id, string Title, DateTimeOffset Deadline, DateTimeOffset? ClosedAt, int Submitted);

internal sealed class RoundEndpoints : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        api.MapGet("/workstreams/rounds", async (WorkstreamsDbContext db, CancellationToken ct) => TypedResults.Ok(await ListAsync(db, ct)))
            .WithTags("Reporting rounds")
            .WithSummary("Reporting rounds, newest first.");

        api.MapGet("/workstreams/rounds/{id:guid}", async Task<Results<Ok<RoundProgress>, ProblemHttpResult>> (Guid id, WorkstreamsDbContext db, IMinistryDirectory directory, CancellationToken ct) =>
                await GetAsync(db, directory, id, ct) is { } round ? TypedResults.Ok(round) : Problems.NotFound())
            .WithTags("Reporting rounds")
            .WithSummary("A round with each ministry's state: not started, in progress or submitted, and how many initiatives it has confirmed.");

        api.MapPost("/workstreams/rounds", async (OpenRoundRequest request, WorkstreamsDbContext db, IMinistryDirectory directory, ICurrentUser user, IClock clock, IOutbox outbox, CancellationToken ct) =>
                (await OpenAsync(db, directory, user, clock, outbox, request, ct)).ToCreated(r => $"/api/workstreams/rounds/{r.Id}"))
            .RequireAuthorization(Policies.Coordinator)
            .WithTags("Reporting rounds")
            .WithSummary("Opens a reporting round with a deadline (coordinators).");

        api.MapPost("/workstreams/rounds/{id:guid}/close", async (Guid id, WorkstreamsDbContext db, IMinistryDirectory directory, IClock clock, IOutbox outbox, CancellationToken ct) =>
                (await CloseAsync(db, directory, clock, outbox, id, ct)).ToOk())
            .RequireAuthorization(Policies.Coordinator)
            .WithTags("Reporting rounds")
            .WithSummary("Closes a round (coordinators); no confirmations or submissions after that.");
    }

    public static Task<List<RoundListItem>> ListAsync(WorkstreamsDbContext db, CancellationToken cancellationToken) =>
        db.ReportingRounds.AsNoTracking()
            .OrderByDescending(r => r.OpenedAt)
            .Select(r => new RoundListItem(r.Id, r.Title, r.Deadline, r.ClosedAt, db.RoundSubmissions.Count(s => s.RoundId == r.Id)))
            .ToListAsync(cancellationToken);

    public static async Task<RoundProgress?> GetAsync(WorkstreamsDbContext db, IMinistryDirectory directory, Guid id, CancellationToken cancellationToken)
    {
        var round = await db.ReportingRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return round is null ? null : await RoundProgress.ForRoundAsync(db, directory, round, cancellationToken);
    }

    public static async Task<Outcome<RoundProgress>> OpenAsync(
        WorkstreamsDbContext db, IMinistryDirectory directory, ICurrentUser user, IClock clock, IOutbox outbox, OpenRoundRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Required(nameof(request.Title), request.Title, new("Tittel", "Title"), 200)
            .MaxLength(nameof(request.Description), request.Description, new("Beskrivelse", "Description"), 4000)
            .InDateRange(nameof(request.Deadline), request.Deadline, new("Fristen", "The deadline"));
        if (request.Deadline is not { } deadline)
        {
            errors.Add(nameof(request.Deadline), new("Fristen må fylles ut.", "The deadline is required."));
        }
        else if (deadline <= clock.UtcNow && !errors.Has(nameof(request.Deadline)))
        {
            errors.Add(nameof(request.Deadline), new("Fristen må være fram i tid.", "The deadline must be in the future."));
        }

        if (errors.Any)
        {
            return Outcome.Invalid<RoundProgress>(errors);
        }

        var round = new ReportingRound
        {
            Title = request.Title!.Trim(),
            Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim(),
            Deadline = request.Deadline!.Value,
            OpenedAt = clock.UtcNow,
            OpenedBy = user.DisplayName,
        };
        db.ReportingRounds.Add(round);
        InitiativeLive.StageRound(db, round.Id);
        var contactPersons = await directory.GetPeopleAsync(null, Roles.ContactPerson, cancellationToken);
        WorkstreamNotices.RoundOpened(db, round, [.. contactPersons.Select(p => p.Id)], user.PersonId);
        await db.SaveChangesAsync(cancellationToken);
        await outbox.DeliverAsync(db, cancellationToken);
        return Outcome.Ok(await RoundProgress.ForRoundAsync(db, directory, round, cancellationToken));
    }

    public static async Task<Outcome<RoundProgress>> CloseAsync(
        WorkstreamsDbContext db, IMinistryDirectory directory, IClock clock, IOutbox outbox, Guid id, CancellationToken cancellationToken)
    {
        var round = await db.ReportingRounds.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (round is null)
        {
            return Outcome.NotFound<RoundProgress>();
        }

        if (round.ClosedAt is null)
        {
            round.ClosedAt = clock.UtcNow;
            InitiativeLive.StageRound(db, round.Id);
            await db.SaveChangesAsync(cancellationToken);
            await outbox.DeliverAsync(db, cancellationToken);
        }

        return Outcome.Ok(await RoundProgress.ForRoundAsync(db, directory, round, cancellationToken));
    }
}
