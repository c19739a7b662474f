using Samordning.Meetings.Data;
using Samordning.Meetings.Meetings;

namespace Samordning.Meetings.Entries;

// Every write of an entry: stored (with a revision, so the history is kept) before it is broadcast. The live item
// is an outbox row in the entry's own transaction, so a note that is stored always reaches its followers.
internal static class EntryChanges
{
    public static Task<Meeting?> LoadMeetingAsync(MeetingServices deps, Guid meetingId, CancellationToken cancellationToken) =>
        deps.Db.Meetings.AsNoTracking()
            .Include(m => m.Facilitators).Include(m => m.Participants).Include(m => m.Agenda).AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);

    // What a write of an entry checks, in one statement: the meeting's status, whether the writer facilitates it,
    // and whether the named agenda item is on it. Not the whole meeting with its people and agenda (four
    // statements), which a note does not need. Compiled once: it runs for every entry of every live meeting.
    public static Task<EntryTarget?> LoadTargetAsync(MeetingServices deps, Guid meetingId, Guid? agendaItemId, CancellationToken cancellationToken) =>
        TargetQuery(deps.Db, meetingId, deps.User.PersonId, agendaItemId, cancellationToken);

    private static readonly Func<MeetingsDbContext, Guid, Guid?, Guid?, CancellationToken, Task<EntryTarget?>> TargetQuery =
        EF.CompileAsyncQuery((MeetingsDbContext db, Guid meetingId, Guid? personId, Guid? agendaItemId, CancellationToken _) =>
            db.Meetings.AsNoTracking()
                .Where(m => m.Id == meetingId)
                .Select(m => new EntryTarget(
                    m.Status,
                    personId != null && m.Facilitators.Any(f => f.PersonId == personId),
                    agendaItemId != null && m.Agenda.Any(a => a.Id == agendaItemId)))
                .FirstOrDefault());

    public static EntryRevision Revision(MeetingEntry entry, long version, DateTimeOffset at, string by) => new()
    {
        EntryId = entry.Id,
        Version = version,
        Kind = entry.Kind,
        Text = entry.Text,
        Withdrawn = entry.Withdrawn,
        At = at,
        By = by,
    };

    // Before the save: the item is made during the save, so it carries the entry's version as saved.
    public static void StageLive(MeetingServices deps, MeetingEntry entry) =>
        deps.Db.StageLive(MeetingLive.Topic(entry.MeetingId), MeetingLive.EntryType, () => EntryView.From(entry));

    // Before the save: an action item given to someone (new, or now to someone else) tells them, keyed by the
    // version the entry is saved as, in the outbox with the entry.
    public static void StageAssigned(MeetingServices deps, MeetingEntry entry, Guid? ownerBefore, long version)
    {
        if (entry.Kind != EntryKind.ActionItem || entry.Withdrawn || entry.OwnerPersonId is not { } owner || owner == ownerBefore)
        {
            return;
        }

        var text = entry.Text.Length <= 150 ? entry.Text : $"{entry.Text[..150]}…";
        deps.Db.StageEvent(new Shared.Activity.ActivityHappened(
            $"action-item:{entry.Id}:v{version}",
            Shared.Activity.ActivityKinds.ActionItemAssigned,
            deps.User.PersonId,
            [owner],
            [],
            new($"Oppfølgingspunkt til deg: {text}", $"Action item for you: {text}"),
            // Where the owner sees it: the note itself may belong to a meeting they do not take part in.
            $"/moter/oppfolging#punkt-{entry.Id}",
            deps.Clock.UtcNow));
    }

    // After the save: the item reaches the followers now; should that fail, the outbox job delivers it.
    public static Task DeliverAsync(MeetingServices deps, CancellationToken cancellationToken) =>
        deps.Outbox.DeliverAsync(deps.Db, cancellationToken);
}

// The meeting as a write of an entry sees it (see EntryChanges.LoadTargetAsync).
internal sealed record EntryTarget(MeetingStatus Status, bool WriterFacilitates, bool AgendaItemOnMeeting);
