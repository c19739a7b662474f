using Samordning.Ministries.Contracts;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;

namespace Samordning.Workstreams.Rounds;

internal sealed record ConfirmRequest(ProgressRequest? Update);

internal sealed record SubmitRequest(Guid? MinistryId);

internal sealed record UnconfirmedInitiative(Guid Id, string Title, Phase Phase, int Progress, Rag Status, long Version);

// A ministry's answer to a round: confirm (or update) each running initiative, then submit.
internal sealed class RoundAnswers : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api)
    {
        api.MapGet("/workstreams/rounds/{id:guid}/ministries/{ministryId:guid}/unconfirmed",
                async Task<Results<Ok<UnconfirmedPage>, ValidationProblem, ProblemHttpResult>> (
                    Guid id, Guid ministryId, string? page, string? pageSize, WorkstreamsDbContext db, IMinistryDirectory directory, CancellationToken ct) =>
                {
                    var (paging, errors) = UnconfirmedPaging.Parse(page, pageSize);
                    if (errors.Any)
                    {
                        return Problems.Validation(errors);
                    }

                    return await db.ReportingRounds.AnyAsync(r => r.Id == id, ct) && await IsAskedAsync(directory, ministryId, ct)
                        ? TypedResults.Ok(await UnconfirmedPageAsync(db, id, ministryId, paging, ct))
                        : Problems.NotFound();
                })
            .WithTags("Reporting rounds")
            .WithSummary($"A ministry's running initiatives not yet confirmed in the round, by title: one page (page from 1, pageSize 1–{UnconfirmedPage.MaxPageSize}, {UnconfirmedPage.DefaultPageSize} unless given) and the total. A page past the last is empty.");

        api.MapPost("/workstreams/rounds/{id:guid}/initiatives/{initiativeId:guid}/confirm",
                async (Guid id, Guid initiativeId, ConfirmRequest? request, InitiativeServices deps, CancellationToken ct) =>
                    (await ConfirmAsync(deps, id, initiativeId, request?.Update, ct)).ToOk())
            .WithTags("Reporting rounds")
            .WithSummary("Confirms an initiative as it stands, or with an update of its progress, for the round.");

        api.MapPost("/workstreams/rounds/{id:guid}/submit", async (Guid id, SubmitRequest request, InitiativeServices deps, CancellationToken ct) =>
                (await SubmitAsync(deps, id, request.MinistryId, ct)).ToOk())
            .WithTags("Reporting rounds")
            .WithSummary("Submits a ministry's answer. Every running initiative must be confirmed first.");
    }

    public static async Task<UnconfirmedPage> UnconfirmedPageAsync(
        WorkstreamsDbContext db, Guid roundId, Guid ministryId, UnconfirmedPaging paging, CancellationToken cancellationToken)
    {
        var unconfirmed = Unconfirmed(db, roundId, ministryId);
        var total = await unconfirmed.CountAsync(cancellationToken);
        IReadOnlyList<UnconfirmedInitiative> items = total <= (paging.Page - 1) * paging.PageSize
            ? []
            : await unconfirmed
                .OrderBy(i => i.Title).ThenBy(i => i.Id)
                .Skip((paging.Page - 1) * paging.PageSize).Take(paging.PageSize)
                .Select(i => new UnconfirmedInitiative(i.Id, i.Title, i.Phase, i.Progress, i.Status, i.Version))
                .ToListAsync(cancellationToken);
        return new UnconfirmedPage(items, total, paging.Page, paging.PageSize);
    }

    private static IQueryable<Initiative> Unconfirmed(WorkstreamsDbContext db, Guid roundId, Guid ministryId) =>
        RoundProgress.ToConfirm(db.Initiatives.AsNoTracking())
            .Where(i => i.OwningMinistryId == ministryId && !db.RoundConfirmations.Any(c => c.RoundId == roundId && c.InitiativeId == i.Id));

    // A round asks every active ministry (as its progress lists them); any other id is no ministry of the round.
    private static async Task<bool> IsAskedAsync(IMinistryDirectory directory, Guid ministryId, CancellationToken cancellationToken) =>
        (await directory.GetMinistriesAsync(cancellationToken)).Any(m => m.Id == ministryId);

    // expectedVersion: the version the person saw (the one-click page), so "unchanged" confirms what they looked
    // at; a change saved in between is a conflict. Null confirms the initiative as it stands now.
    public static async Task<Outcome<InitiativeDetails>> ConfirmAsync(
        InitiativeServices deps, Guid roundId, Guid initiativeId, ProgressRequest? update, CancellationToken cancellationToken, long? expectedVersion = null)
    {
        var round = await deps.Db.ReportingRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        var initiative = await deps.Db.Initiatives.WithChildren().FirstOrDefaultAsync(i => i.Id == initiativeId, cancellationToken);
        if (round is null || initiative is null)
        {
            return Outcome.NotFound<InitiativeDetails>();
        }

        if (!InitiativeAccess.CanEdit(deps.User.Principal, initiative))
        {
            return Outcome.Forbidden<InitiativeDetails>();
        }

        if (round.ClosedAt is not null)
        {
            return Outcome.Invalid<InitiativeDetails>(RoundClosed());
        }

        if (update is not null)
        {
            // The update answers the open rounds itself (InitiativeChanges), this one with them.
            return await Progress.AddAsync(deps, initiativeId, update, cancellationToken);
        }

        if (await deps.Db.RoundConfirmations.AnyAsync(c => c.RoundId == roundId && c.InitiativeId == initiativeId, cancellationToken))
        {
            return Outcome.Ok(InitiativeDetails.From(initiative));
        }

        // The confirmation and the initiative's fresher status in one save: the status's age moves (audited, with
        // the initiative's version) exactly when the round records the answer.
        var now = deps.Clock.UtcNow;
        var outcome = await Concurrency.SaveAsync(
            deps.Db,
            initiative,
            expectedVersion ?? initiative.Version,
            () =>
            {
                initiative.StatusConfirmedAt = now;
                deps.Db.RoundConfirmations.Add(new RoundConfirmation
                {
                    RoundId = roundId,
                    InitiativeId = initiativeId,
                    MinistryId = initiative.OwningMinistryId,
                    ConfirmedAt = now,
                    PersonId = deps.User.PersonId,
                    PersonName = deps.User.DisplayName,
                    CountsAsRunning = RunningConfirmations.Runs(initiative.Phase),
                });
                InitiativeLive.Stage(deps.Db, initiative);
                InitiativeLive.StageRound(deps.Db, roundId);
            },
            InitiativeDetails.From,
            cancellationToken);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            await deps.Outbox.DeliverAsync(deps.Db, cancellationToken);
        }

        return outcome;
    }

    public static async Task<Outcome<RoundProgress>> SubmitAsync(InitiativeServices deps, Guid roundId, Guid? ministryId, CancellationToken cancellationToken)
    {
        var round = await deps.Db.ReportingRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return Outcome.NotFound<RoundProgress>();
        }

        var ministry = ministryId is { } id ? await deps.Directory.GetMinistryAsync(id, cancellationToken) : null;
        if (ministry is null)
        {
            return Outcome.Invalid<RoundProgress>(new FieldErrors().Add(nameof(SubmitRequest.MinistryId), new("Velg et departement som finnes.", "Choose an existing ministry.")));
        }

        var user = deps.User.Principal;
        if (!user.IsInRole(Roles.Coordinator) && !(user.IsInRole(Roles.ContactPerson) && user.MinistryId() == ministry.Id))
        {
            return Outcome.Forbidden<RoundProgress>();
        }

        if (round.ClosedAt is not null)
        {
            return Outcome.Invalid<RoundProgress>(RoundClosed());
        }

        var missing = await Unconfirmed(deps.Db, roundId, ministry.Id).CountAsync(cancellationToken);
        if (missing > 0)
        {
            return Outcome.Invalid<RoundProgress>(new FieldErrors().Add(nameof(SubmitRequest.MinistryId), new(
                $"{missing} tiltak er ikke bekreftet ennå. Bekreft eller oppdater dem før du sender inn.",
                $"{missing} initiatives are not confirmed yet. Confirm or update them before you submit.")));
        }

        // Submitting twice (a double click) keeps the first submission.
        if (!await deps.Db.RoundSubmissions.AnyAsync(s => s.RoundId == roundId && s.MinistryId == ministry.Id, cancellationToken))
        {
            deps.Db.RoundSubmissions.Add(new RoundSubmission
            {
                RoundId = roundId,
                MinistryId = ministry.Id,
                MinistryCode = ministry.Code,
                SubmittedAt = deps.Clock.UtcNow,
                PersonId = deps.User.PersonId,
                PersonName = deps.User.DisplayName,
            });
            InitiativeLive.StageRound(deps.Db, roundId);
            await deps.Db.SaveChangesAsync(cancellationToken);
            await deps.Outbox.DeliverAsync(deps.Db, cancellationToken);
        }

        return Outcome.Ok(await RoundProgress.ForRoundAsync(deps.Db, deps.Directory, round, cancellationToken));
    }

    private static FieldErrors RoundClosed() =>
        new FieldErrors().Add("Round", new("Rapporteringsrunden er avsluttet.", "The reporting round is closed."));
}
