using Samordning.Meetings.Contracts;
using Samordning.Meetings.Data;
using Samordning.Meetings.Meetings;

namespace Samordning.Meetings.Entries;

// Sends a feedback entry to the feedback register: marked as sent, with MeetingFeedbackSent in the module's outbox,
// in one transaction; the outbox delivers it until the register has taken it, and the register answers with
// MeetingFeedbackRegistered (FeedbackRegistered), which marks the entry received. Until then the page says
// "sending". Sending again stages the event again with the same entry id (the register stores it once) and keeps
// the first sending time.
internal sealed class SendFeedback : IEndpoint
{
    public void MapEndpoint(IEndpointRouteBuilder api) =>
        api.MapPost("/meetings/{id:guid}/entries/{entryId:guid}/send-to-feedback", async (Guid id, Guid entryId, MeetingServices deps, CancellationToken ct) =>
                (await HandleAsync(deps, id, entryId, ct)).ToOk())
            .WithTags("Meeting entries")
            .WithSummary("Sends a feedback entry to the feedback register (the meeting's facilitators and coordinators). Repeating it is harmless.");

    public static async Task<Outcome<EntryView>> HandleAsync(MeetingServices deps, Guid meetingId, Guid entryId, CancellationToken cancellationToken)
    {
        var meeting = await deps.Db.Meetings.AsNoTracking().WithChildren().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        var entry = meeting is null ? null : await deps.Db.Entries.FirstOrDefaultAsync(e => e.Id == entryId && e.MeetingId == meetingId, cancellationToken);
        if (meeting is null || entry is null)
        {
            return Outcome.NotFound<EntryView>();
        }

        if (!MeetingAccess.CanManage(deps.User.Principal, meeting) || deps.User.PersonId is not { } senderId)
        {
            return Outcome.Forbidden<EntryView>();
        }

        if (entry.Kind != EntryKind.Feedback || entry.Withdrawn)
        {
            return Outcome.Invalid<EntryView>(new FieldErrors().Add(nameof(MeetingEntry.Kind), new(
                "Bare innspill som ikke er trukket tilbake, kan sendes til innspillsregisteret.",
                "Only feedback entries that are not withdrawn can be sent to the feedback register.")));
        }

        entry.SentToFeedbackAt ??= deps.Clock.UtcNow;
        deps.Db.StageEvent(new MeetingFeedbackSent(
            entry.Id, meeting.Id, meeting.Title, meeting.Kind.ToString(), entry.CreatedAt, entry.Text,
            entry.OrganisationName, entry.OrganisationNumber, entry.ContributorPersonId,
            [.. meeting.Workstreams.Select(w => w.WorkstreamId)], senderId));
        await deps.Db.SaveChangesAsync(cancellationToken);
        await deps.Outbox.DeliverAsync(deps.Db, cancellationToken);

        // The register may have answered during the delivery (in its own scope): show what is stored now.
        var received = await deps.Db.Entries.AsNoTracking().Where(e => e.Id == entry.Id).Select(e => e.FeedbackReceivedAt).FirstOrDefaultAsync(cancellationToken);
        return Outcome.Ok(EntryView.From(entry) with { FeedbackReceivedAt = received });
    }
}
