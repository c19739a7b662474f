using Samordning.Meetings.Data;
using Samordning.Meetings.Meetings;

namespace Samordning.Meetings.Entries;

// Every write of an entry: stored (with a revision, so the history is kept) before it is broadcast.
internal static class EntryChanges
{
    public static Task<Meeting?> LoadMeetingAsync(MeetingServices deps, Guid meetingId, CancellationToken cancellationToken) =>
        deps.Db.Meetings.AsNoTracking()
            .Include(m => m.Facilitators).Include(m => m.Participants).Include(m => m.Agenda).AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);

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

    public static async Task<EntryView> PublishAsync(MeetingServices deps, EntryView view, CancellationToken cancellationToken)
    {
        await deps.Live.PublishAsync(MeetingLive.Topic(view.MeetingId), MeetingLive.EntryType, view, cancellationToken);
        return view;
    }
}
