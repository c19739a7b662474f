using Samordning.Workstreams.Dashboard;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Initiatives;

// Every change to an initiative goes through here: save (with the version check), move the dashboard's
// counts and the live items (outbox rows) in the same transaction, then, after commit, deliver the live items.
internal static class InitiativeChanges
{
    public static async Task<Outcome<InitiativeDetails>> CreateAsync(InitiativeServices deps, Initiative initiative, string? note, CancellationToken cancellationToken)
    {
        var now = initiative.UpdatedAt;
        initiative.StatusConfirmedAt = now;
        await using var transaction = await deps.Db.Database.BeginTransactionAsync(cancellationToken);
        deps.Db.Initiatives.Add(initiative);
        deps.Db.ProgressEntries.Add(initiative.ToProgressEntry(deps.User, now, note));
        InitiativeLive.Stage(deps.Db, initiative);
        try
        {
            await deps.Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (ReferenceTaken(initiative, e) is { } taken)
        {
            return taken;
        }

        await DashboardAggregates.ApplyAsync(deps.Db, [], DashboardAggregates.CellsOf(initiative), phaseMayHaveChanged: true, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await deps.Outbox.DeliverAsync(deps.Db, cancellationToken);
        return Outcome.Ok(InitiativeDetails.From(initiative));
    }

    public static async Task<Outcome<InitiativeDetails>> UpdateAsync(
        InitiativeServices deps, Initiative initiative, long? expectedVersion, Action apply, string? note, CancellationToken cancellationToken)
    {
        var before = DashboardAggregates.CellsOf(initiative);
        var phaseBefore = initiative.Phase;
        var statusBefore = StatusOf(initiative);
        var now = deps.Clock.UtcNow;

        await using var transaction = await deps.Db.Database.BeginTransactionAsync(cancellationToken);
        var openRounds = InitiativeAccess.CanEdit(deps.User.Principal, initiative) ? await UnansweredOpenRoundsAsync(deps.Db, initiative.Id, cancellationToken) : [];
        Outcome<InitiativeDetails> outcome;
        try
        {
            outcome = await Concurrency.SaveAsync(
                deps.Db,
                initiative,
                expectedVersion,
                () =>
                {
                    apply();
                    initiative.UpdatedAt = now;

                    // A changed status is a fresh one, and so is a save that answers a round (the round counts it as
                    // confirmed); a change of, say, the title alone leaves the status as old as it was.
                    if (StatusOf(initiative) != statusBefore || openRounds.Count > 0)
                    {
                        initiative.StatusConfirmedAt = now;
                    }

                    deps.Db.ProgressEntries.Add(initiative.ToProgressEntry(deps.User, now, note));
                    InitiativeLive.Stage(deps.Db, initiative);
                    Rounds.WorkstreamNotices.InitiativeChanged(deps.Db, initiative, deps.User.PersonId, now);
                },
                InitiativeDetails.From,
                cancellationToken);
        }
        catch (DbUpdateException e) when (ReferenceTaken(initiative, e) is { } taken)
        {
            return taken;
        }

        if (outcome.Kind != OutcomeKind.Ok)
        {
            return outcome;
        }

        await DashboardAggregates.ApplyAsync(
            deps.Db, before, DashboardAggregates.CellsOf(initiative), phaseBefore != initiative.Phase, now, cancellationToken);
        await Rounds.RunningConfirmations.FollowAsync(deps.Db, initiative, cancellationToken);
        await ConfirmInOpenRoundsAsync(deps, initiative, openRounds, now, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        await deps.Outbox.DeliverAsync(deps.Db, cancellationToken);
        return outcome;
    }

    // An update by the owning ministry answers every open reporting round for this initiative: "confirm or
    // update" both count, so nobody has to confirm what they just updated.
    private static async Task ConfirmInOpenRoundsAsync(
        InitiativeServices deps, Initiative initiative, List<Guid> openRounds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var roundId in openRounds)
        {
            deps.Db.RoundConfirmations.Add(new RoundConfirmation
            {
                RoundId = roundId,
                InitiativeId = initiative.Id,
                MinistryId = initiative.OwningMinistryId,
                ConfirmedAt = now,
                PersonId = deps.User.PersonId,
                PersonName = deps.User.DisplayName,
                CountsAsRunning = Rounds.RunningConfirmations.Runs(initiative.Phase),
            });
        }

        if (openRounds.Count > 0)
        {
            await deps.Db.SaveChangesAsync(cancellationToken);
        }
    }

    // Another save gave the ministry's initiative the same reference between the check and this save (the unique
    // index decides): the same field error as the check gives, not a failure. The transaction rolls back on dispose.
    private static Outcome<InitiativeDetails>? ReferenceTaken(Initiative initiative, DbUpdateException e) =>
        initiative.Reference is { } reference && UniqueViolation.Is(e)
            ? Outcome.Invalid<InitiativeDetails>(new FieldErrors().Add(nameof(InitiativeRequest.Reference), InitiativeRequest.ReferenceTaken(reference, null)))
            : null;

    private static Task<List<Guid>> UnansweredOpenRoundsAsync(WorkstreamsDbContext db, Guid initiativeId, CancellationToken cancellationToken) =>
        db.ReportingRounds
            .Where(r => r.ClosedAt == null && !db.RoundConfirmations.Any(c => c.RoundId == r.Id && c.InitiativeId == initiativeId))
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);

    private static (Phase, int, Rag, string?) StatusOf(Initiative initiative) =>
        (initiative.Phase, initiative.Progress, initiative.Status, initiative.StatusReason);
}
