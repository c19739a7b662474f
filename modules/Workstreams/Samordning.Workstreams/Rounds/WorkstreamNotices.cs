using Samordning.Shared.Activity;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Rounds;

// What the Workstreams module tells people, staged in its outbox with the change that caused it.
internal static class WorkstreamNotices
{
    // A new round: every contact person, since every ministry must answer it.
    public static void RoundOpened(WorkstreamsDbContext db, ReportingRound round, IReadOnlyList<Guid> contactPersons, Guid? actor) =>
        db.StageEvent(new ActivityHappened(
            $"round:{round.Id}:opened",
            ActivityKinds.RoundOpened,
            actor,
            contactPersons,
            [],
            new($"Ny rapporteringsrunde: {round.Title}", $"New reporting round: {round.Title}"),
            $"/arbeidsstrommer/runder/{round.Id}",
            round.OpenedAt));

    // Called inside the save's edit: the save gives the initiative the next version, which keys the event.
    public static void InitiativeChanged(WorkstreamsDbContext db, Initiative initiative, Guid? actor, DateTimeOffset at)
    {
        if (initiative.ContactPersonId is not { } contact || contact == actor)
        {
            return;
        }

        db.StageEvent(new ActivityHappened(
            $"initiative:{initiative.Id}:v{initiative.Version + 1}",
            ActivityKinds.InitiativeChanged,
            actor,
            [contact],
            [],
            new($"Tiltaket ditt er endret: {initiative.Title}", $"Your initiative was changed: {initiative.Title}"),
            $"/arbeidsstrommer/tiltak/{initiative.Id}",
            at));
    }
}
