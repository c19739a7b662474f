using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Rounds;

// Keeps RoundConfirmation.CountsAsRunning true exactly for the confirmations of running initiatives that the ministry
// owning them gave, in the same transaction as the change that moves it: set when a confirmation is written, followed
// on every change of an initiative's phase or owner. The overview then counts a ministry's confirmed running
// initiatives in a round from the (RoundId, MinistryId, CountsAsRunning) index alone, at any volume.
internal static class RunningConfirmations
{
    // RoundProgress.ToConfirm's test for one initiative: still running (FollowAsync over many asks ToConfirm itself).
    public static bool Runs(Phase phase) => phase is not (Phase.Completed or Phase.Stopped);

    // After a change of the initiative's phase or owner (or none): its confirmations in every round, one indexed
    // statement that writes only the rows whose answer moved.
    public static Task FollowAsync(WorkstreamsDbContext db, Initiative initiative, CancellationToken cancellationToken)
    {
        var owner = initiative.OwningMinistryId;
        var runs = Runs(initiative.Phase);
        return db.RoundConfirmations
            .Where(c => c.InitiativeId == initiative.Id && c.CountsAsRunning != (runs && c.MinistryId == owner))
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.CountsAsRunning, c => runs && c.MinistryId == owner), cancellationToken);
    }

    // The same for many saved initiatives at once (an import's updates), in one statement that reads each
    // confirmation's initiative as saved, instead of one statement per initiative.
    public static Task FollowAsync(WorkstreamsDbContext db, IReadOnlyCollection<Guid> initiativeIds, CancellationToken cancellationToken)
    {
        if (initiativeIds.Count == 0)
        {
            return Task.CompletedTask;
        }

        var running = RoundProgress.ToConfirm(db.Initiatives);
        return db.RoundConfirmations
            .Where(c => initiativeIds.Contains(c.InitiativeId)
                && c.CountsAsRunning != running.Any(i => i.Id == c.InitiativeId && i.OwningMinistryId == c.MinistryId))
            .ExecuteUpdateAsync(
                set => set.SetProperty(c => c.CountsAsRunning, c => running.Any(i => i.Id == c.InitiativeId && i.OwningMinistryId == c.MinistryId)),
                cancellationToken);
    }
}
