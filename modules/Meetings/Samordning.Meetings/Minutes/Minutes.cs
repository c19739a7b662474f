using Samordning.Meetings.Data;
using Samordning.Meetings.Entries;
using Samordning.Meetings.Meetings;
using Samordning.Meetings.Polls;
using Samordning.Meetings.Questions;

namespace Samordning.Meetings.Minutes;

internal sealed record MinutesGroup(AgendaView? Item, IReadOnlyList<EntryView> Entries);

// The minutes, produced from the entries: withdrawn entries left out, the rest grouped by agenda item in agenda
// order (entries linked to no item last), with the decisions and the action items listed again at the end, then the
// participants' questions (hidden ones left out, anonymous ones without a name) and the closed polls' results.
internal sealed record MinutesView(MeetingDetails Meeting, IReadOnlyList<MinutesGroup> Groups, IReadOnlyList<EntryView> Decisions, IReadOnlyList<EntryView> ActionItems)
{
    public IReadOnlyList<QuestionView> Questions { get; init; } = [];

    public IReadOnlyList<PollView> Polls { get; init; } = [];

    public static async Task<MinutesView?> LoadAsync(MeetingsDbContext db, Guid meetingId, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().WithChildren().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return null;
        }

        return From(MeetingDetails.From(meeting), await ListEntries.EntriesOfAsync(db, meetingId, cancellationToken)) with
        {
            Questions = await QuestionEndpoints.QuestionsOfAsync(db, meetingId, cancellationToken),
            Polls = [.. (await PollEndpoints.PollsOfAsync(db, meetingId, drafts: false, cancellationToken)).Where(p => p.Status == Data.PollStatus.Closed)],
        };
    }

    public static MinutesView From(MeetingDetails meeting, IReadOnlyList<EntryView> entries)
    {
        var kept = entries.Where(e => !e.Withdrawn).ToList();
        var groups = meeting.Agenda
            .Select(item => new MinutesGroup(item, [.. kept.Where(e => e.AgendaItemId == item.Id)]))
            .Append(new MinutesGroup(null, [.. kept.Where(e => e.AgendaItemId is null || meeting.Agenda.All(a => a.Id != e.AgendaItemId))]))
            .Where(g => g.Item is not null || g.Entries.Count > 0)
            .ToList();
        return new(meeting, groups, [.. kept.Where(e => e.Kind == EntryKind.Decision)], [.. kept.Where(e => e.Kind == EntryKind.ActionItem)]);
    }
}
