using System.Runtime.CompilerServices;
using Samordning.Meetings.Data;
using Samordning.Shared.Deadlines;
using Samordning.Shared.Time;

namespace Samordning.Meetings.Entries;

// Open action items (due at the end of their due day, Europe/Oslo; reminded to the owner) and upcoming
// meetings (reminded to the registry people taking part and the facilitators) as deadlines for the sweep.
// An action item links to the owner's own list, where it is marked done: the owner need not take part in the
// meeting, and may then not read it.
internal sealed class MeetingDeadlines(MeetingsDbContext db) : IDeadlineSource
{
    public const string ActionKind = "meeting-action-item";
    public const string MeetingKind = "meeting";

    public IReadOnlyList<DeadlineKind> Kinds { get; } =
        [new(ActionKind, new("Oppfølgingspunkter fra møter", "Action items from meetings")), new(MeetingKind, new("Møter", "Meetings"))];

    // Titles of action items in reminders: the first 120 characters of the text.
    private const int ShortLength = 120;

    public async IAsyncEnumerable<Deadline> GetOpenDeadlinesAsync(DateTimeOffset from, DateTimeOffset? until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Only the columns a deadline needs, and the text cut in SQL: the sweep reads every open action item each
        // time it runs (50,000 in the benchmark), so whole rows with their full texts were most of its steady cost.
        var open = db.Entries.AsNoTracking()
            .Where(e => e.Kind == EntryKind.ActionItem && !e.Withdrawn && e.ActionStatus == ActionStatus.Open && e.OwnerPersonId != null && e.DueDate != null);
        if (until is { } end)
        {
            // The sweep's window: items due months ahead are most of the open ones, and none is reminded yet.
            var lastDay = LastDayDueBefore(end);
            open = open.Where(e => e.DueDate <= lastDay);
        }

        var actions = await open.Select(e => new { e.Id, e.MeetingId, Owner = e.OwnerPersonId!.Value, Due = e.DueDate!.Value, Text = e.Text.Substring(0, ShortLength + 1) })
            .ToListAsync(cancellationToken);
        // Many items share a due day, and the time zone's offset is not free to look up 50,000 times.
        var dueAt = new Dictionary<DateOnly, DateTimeOffset>();
        foreach (var action in actions)
        {
            var title = Shorten(action.Text);
            if (!dueAt.TryGetValue(action.Due, out var due))
            {
                due = EndOfDay(action.Due);
                dueAt[action.Due] = due;
            }

            yield return new Deadline(
                $"meetings.action:{action.Id}",
                ActionKind,
                new(title, title),
                due,
                $"/moter/oppfolging#punkt-{action.Id}",
                [action.Owner]);
        }

        var planned = db.Meetings.AsNoTracking().Where(m => m.Status == MeetingStatus.Planned && m.StartsAt >= from);
        if (until is { } before)
        {
            planned = planned.Where(m => m.StartsAt < before);
        }

        var meetings = await planned.Include(m => m.Participants).Include(m => m.Facilitators).AsSplitQuery().ToListAsync(cancellationToken);
        foreach (var meeting in meetings)
        {
            var recipients = meeting.Participants.Where(p => p.PersonId != null).Select(p => p.PersonId!.Value)
                .Concat(meeting.Facilitators.Select(f => f.PersonId)).Distinct().ToList();
            yield return new Deadline($"meetings.meeting:{meeting.Id}", MeetingKind, new(meeting.Title, meeting.Title), meeting.StartsAt, $"/moter/{meeting.Id}", recipients);
        }
    }

    public static DateTimeOffset EndOfDay(DateOnly day)
    {
        return DateRange.FromOsloLocal(day.ToDateTime(new TimeOnly(23, 59))).ToUniversalTime();
    }

    // The last day whose action items (due at the end of the day) fall due before the instant.
    public static DateOnly LastDayDueBefore(DateTimeOffset instant)
    {
        var day = Oslo.DateOf(instant);
        return EndOfDay(day) < instant || day == DateOnly.MinValue ? day : day.AddDays(-1);
    }

    private static string Shorten(string text) => text.Length <= ShortLength ? text : string.Concat(text.AsSpan(0, ShortLength - 1), "…");
}
