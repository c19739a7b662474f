using System.Runtime.CompilerServices;
using Samordning.Meetings.Data;
using Samordning.Shared.Deadlines;
using Samordning.Shared.Time;

namespace Samordning.Meetings.Entries;

// Open action items (due at the end of their due day, Europe/Oslo; reminded to the owner) and upcoming
// meetings (reminded to the registry people taking part and the facilitators) as deadlines for the sweep.
internal sealed class MeetingDeadlines(MeetingsDbContext db) : IDeadlineSource
{
    public const string ActionKind = "meeting-action-item";
    public const string MeetingKind = "meeting";

    public async IAsyncEnumerable<Deadline> GetOpenDeadlinesAsync(DateTimeOffset from, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var actions = await db.Entries.AsNoTracking()
            .Where(e => e.Kind == EntryKind.ActionItem && !e.Withdrawn && e.ActionStatus == ActionStatus.Open && e.OwnerPersonId != null && e.DueDate != null)
            .ToListAsync(cancellationToken);
        foreach (var action in actions)
        {
            yield return new Deadline(
                $"meetings.action:{action.Id}",
                ActionKind,
                new(Shorten(action.Text), Shorten(action.Text)),
                EndOfDay(action.DueDate!.Value),
                $"/moter/{action.MeetingId}#oppfolging",
                [action.OwnerPersonId!.Value]);
        }

        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Participants).Include(m => m.Facilitators).AsSplitQuery()
            .Where(m => m.Status == MeetingStatus.Planned && m.StartsAt >= from)
            .ToListAsync(cancellationToken);
        foreach (var meeting in meetings)
        {
            var recipients = meeting.Participants.Where(p => p.PersonId != null).Select(p => p.PersonId!.Value)
                .Concat(meeting.Facilitators.Select(f => f.PersonId)).Distinct().ToList();
            yield return new Deadline($"meetings.meeting:{meeting.Id}", MeetingKind, new(meeting.Title, meeting.Title), meeting.StartsAt, $"/moter/{meeting.Id}", recipients);
        }
    }

    public static DateTimeOffset EndOfDay(DateOnly day)
    {
        var local = day.ToDateTime(new TimeOnly(23, 59));
        return new DateTimeOffset(local, Oslo.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 119), "…");
}
