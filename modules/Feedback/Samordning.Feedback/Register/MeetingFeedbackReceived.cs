using Samordning.Feedback.Data;
using Samordning.Meetings.Contracts;
using Samordning.Shared.Events;
using Samordning.Shared.Time;

namespace Samordning.Feedback.Register;

// Feedback a facilitator sent from a meeting becomes an item in the register, once per meeting entry: the
// Meetings module's outbox delivers the event until this handler succeeds, and the unique index on the entry id
// makes a concurrent second delivery fail instead of storing the entry twice. The acknowledgement
// (MeetingFeedbackRegistered) goes back through this module's outbox in the item's own transaction.
internal sealed class MeetingFeedbackReceived(FeedbackDbContext db, IOutbox outbox, IClock clock) : IEventHandler<MeetingFeedbackSent>
{
    public async Task HandleAsync(MeetingFeedbackSent @event, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var acknowledgement = new MeetingFeedbackRegistered(@event.EntryId, clock.UtcNow);
        if (await db.Items.AnyAsync(i => i.MeetingEntryId == @event.EntryId, cancellationToken))
        {
            // Stored already (a repeated send): acknowledge again, which the Meetings module takes only once.
            await AcknowledgeAsync(acknowledgement, cancellationToken);
            return;
        }

        var item = new FeedbackItem
        {
            Reference = Submissions.References.New(),
            Channel = @event.MeetingKind == "OneToOne" ? Channel.OneToOne : Channel.Meeting,
            Source = Truncate(@event.MeetingTitle, 200),
            ReceivedAt = @event.GivenAt,
            ContributorType = ContributorType.Organisation,
            OrganisationName = @event.OrganisationName is null ? null : Truncate(@event.OrganisationName, 200),
            OrganisationNumber = @event.OrganisationNumber,
            Text = Truncate(@event.Text, 20000),
            MeetingEntryId = @event.EntryId,
        };
        item.Workstreams.AddRange(@event.WorkstreamIds.Distinct().Select(w => new FeedbackWorkstream { WorkstreamId = w }));
        db.Items.Add(item);
        db.StageEvent(acknowledgement);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await outbox.DeliverAsync(db, cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Delivered twice at once: fine when the other delivery stored it (and acknowledged it), a real failure otherwise.
            if (!await IsStoredAsync(@event.EntryId, cancellationToken))
            {
                throw;
            }
        }
    }

    private async Task AcknowledgeAsync(MeetingFeedbackRegistered acknowledgement, CancellationToken cancellationToken)
    {
        db.StageEvent(acknowledgement);
        await db.SaveChangesAsync(cancellationToken);
        await outbox.DeliverAsync(db, cancellationToken);
    }

    private async Task<bool> IsStoredAsync(Guid entryId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Items.AnyAsync(i => i.MeetingEntryId == entryId, cancellationToken);
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
