using Samordning.Meetings.Meetings;

namespace Samordning.Meetings.Questions;

// The save of a vote or a change to a question or poll, with its live item in the same transaction. Votes are
// counted on the question or poll row, so two at once clash on its version (or on the once-per-person key); the
// loser starts over from what is stored now, and is then either counted on top or found to have voted already.
internal static class AudienceSave
{
    public const int Attempts = 8;

    // True when saved (and the live item delivered); false when another write got in first and the caller should
    // read again and retry.
    public static async Task<bool> TrySaveAsync(MeetingServices deps, CancellationToken cancellationToken)
    {
        try
        {
            await deps.Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueViolation.Is(e))
        {
            deps.Db.ChangeTracker.Clear();
            return false;
        }

        await deps.Outbox.DeliverAsync(deps.Db, cancellationToken);
        return true;
    }
}
