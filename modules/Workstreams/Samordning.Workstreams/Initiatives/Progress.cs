using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Initiatives;

internal sealed record ProgressRequest(Phase Phase, int Progress, Rag Status, string? StatusReason, string? Note, long? Version);

internal sealed record ProgressItem(Guid Id, DateTimeOffset At, string PersonName, Phase Phase, int Progress, Rag Status, string? StatusReason, string? Note);

// The history of an initiative, and progress reported by its owners or by a collaborating ministry.
internal sealed class Progress : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        // An unknown initiative is a 404, not an empty history that looks like one without changes.
        api.MapGet("/workstreams/initiatives/{id:guid}/progress", async Task<Results<Ok<List<ProgressItem>>, ProblemHttpResult>> (Guid id, WorkstreamsDbContext db, CancellationToken ct) =>
                await db.Initiatives.AnyAsync(i => i.Id == id, ct) ? TypedResults.Ok(await ListAsync(db, id, ct)) : Problems.NotFound())
            .WithTags("Initiatives")
            .WithSummary("The dated progress entries of an initiative, oldest first.");

        api.MapPost("/workstreams/initiatives/{id:guid}/progress", async (Guid id, ProgressRequest request, InitiativeServices deps, CancellationToken ct) =>
                (await AddAsync(deps, id, request, ct)).ToOk())
            .WithTags("Initiatives")
            .WithSummary("Reports progress (phase, per cent, status). Owners and collaborating ministries' contact persons may.");
    }

    public static Task<List<ProgressItem>> ListAsync(WorkstreamsDbContext db, Guid initiativeId, CancellationToken cancellationToken) =>
        db.ProgressEntries.AsNoTracking()
            .Where(e => e.InitiativeId == initiativeId)
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new ProgressItem(e.Id, e.At, e.PersonName, e.Phase, e.Progress, e.Status, e.StatusReason, e.Note))
            .ToListAsync(cancellationToken);

    public static async Task<Outcome<InitiativeDetails>> AddAsync(InitiativeServices deps, Guid id, ProgressRequest request, CancellationToken cancellationToken)
    {
        var initiative = await deps.Db.Initiatives.WithChildren().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (initiative is null)
        {
            return Outcome.NotFound<InitiativeDetails>();
        }

        if (!InitiativeAccess.CanAddProgress(deps.User.Principal, initiative))
        {
            return Outcome.Forbidden<InitiativeDetails>();
        }

        var errors = Validate(request);
        if (errors.Any)
        {
            return Outcome.Invalid<InitiativeDetails>(errors);
        }

        return await InitiativeChanges.UpdateAsync(
            deps,
            initiative,
            request.Version,
            () =>
            {
                initiative.Phase = request.Phase;
                initiative.Progress = request.Progress;
                initiative.Status = request.Status;
                initiative.StatusReason = string.IsNullOrWhiteSpace(request.StatusReason) ? null : request.StatusReason.Trim();
            },
            request.Note,
            cancellationToken);
    }

    private static FieldErrors Validate(ProgressRequest request)
    {
        var errors = new FieldErrors()
            .MaxLength(nameof(ProgressRequest.StatusReason), request.StatusReason, new("Begrunnelse for status", "Reason for the status"), 1000)
            .MaxLength(nameof(ProgressRequest.Note), request.Note, new("Merknad", "Note"), 4000);
        if (request.Progress is < 0 or > 100)
        {
            errors.Add(nameof(ProgressRequest.Progress), new("Fremdrift må være mellom 0 og 100 prosent.", "Progress must be between 0 and 100 per cent."));
        }

        if (request.Status == Rag.Red && string.IsNullOrWhiteSpace(request.StatusReason))
        {
            errors.Add(nameof(ProgressRequest.StatusReason), new("Rød status må begrunnes.", "A red status needs a reason."));
        }

        if (!Enum.IsDefined(request.Phase))
        {
            errors.Add(nameof(ProgressRequest.Phase), new("Ukjent fase.", "Unknown phase."));
        }

        if (!Enum.IsDefined(request.Status))
        {
            errors.Add(nameof(ProgressRequest.Status), new("Ukjent status.", "Unknown status."));
        }

        return errors;
    }
}
