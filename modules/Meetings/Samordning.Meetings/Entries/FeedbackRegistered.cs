using Samordning.Meetings.Contracts;
using Samordning.Meetings.Data;
using Samordning.Shared.Events;

namespace Samordning.Meetings.Entries;

// The register has the entry: from "sending" to "received". A plain update, not an edit: it neither bumps the
// entry's version (a facilitator correcting the entry meanwhile gets no conflict) nor overwrites the first time.
internal sealed class FeedbackRegistered(MeetingsDbContext db) : IEventHandler<MeetingFeedbackRegistered>
{
    public async Task HandleAsync(MeetingFeedbackRegistered @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        await db.ExecuteWriteAsync(ct => db.Entries
            .Where(e => e.Id == @event.EntryId && e.FeedbackReceivedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.FeedbackReceivedAt, @event.RegisteredAt), ct), cancellationToken);
    }
}
