using System.Globalization;
using System.Security.Claims;
using Samordning.Meetings.Data;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Links;
using Samordning.Shared.Text;

namespace Samordning.Meetings.Links;

// The meetings, agenda items, decisions and action items linked to a workstream or initiatives, for the Workstreams
// module's pages (found by the host's scan as an ILinkedItemsSource). A meeting counts when it is linked itself; an
// agenda item when it is linked itself (shown under its meeting); a decision or an action item when it is linked
// itself or its meeting is. Only meetings the person may read, and nothing withdrawn.
internal sealed class MeetingLinkedItems(MeetingsDbContext db) : ILinkedItemsSource
{
    public async Task<IReadOnlyList<LinkedItem>> GetLinkedAsync(LinkTarget target, ClaimsPrincipal user, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var workstream = target.WorkstreamId;
        var initiatives = target.InitiativeIds.ToList();
        var readable = db.Meetings.AsNoTracking().Readable(user);
        var linkedMeetings = readable.Where(m =>
            (workstream != null && m.Workstreams.Any(w => w.WorkstreamId == workstream)) || m.Initiatives.Any(i => initiatives.Contains(i.InitiativeId)));
        var linkedMeetingIds = linkedMeetings.Select(m => m.Id);

        var entries = db.Entries.AsNoTracking()
            .Where(e => !e.Withdrawn && (e.Kind == EntryKind.Decision || e.Kind == EntryKind.ActionItem))
            .Where(e => (workstream != null && e.WorkstreamId == workstream)
                || (e.InitiativeId != null && initiatives.Contains(e.InitiativeId.Value))
                || linkedMeetingIds.Contains(e.MeetingId));
        var rows = entries.Join(readable, e => e.MeetingId, m => m.Id, (e, m) => new
        {
            e.Id, e.MeetingId, e.Kind, e.Text, e.CreatedAt, e.DueDate, e.OwnerName, e.ActionStatus, MeetingTitle = m.Title,
        });
        var decisions = await rows.Where(r => r.Kind == EntryKind.Decision).OrderByDescending(r => r.CreatedAt).Take(limit).ToListAsync(cancellationToken);
        var agenda = await db.Set<AgendaItem>().AsNoTracking()
            .Where(a => (workstream != null && a.WorkstreamId == workstream) || (a.InitiativeId != null && initiatives.Contains(a.InitiativeId.Value)))
            .Join(readable, a => a.MeetingId, m => m.Id, (a, m) => new { a.Id, a.MeetingId, a.Title, a.Position, MeetingTitle = m.Title, m.StartsAt })
            .OrderByDescending(a => a.StartsAt).ThenBy(a => a.Position).Take(limit)
            .ToListAsync(cancellationToken);
        var actions = await rows.Where(r => r.Kind == EntryKind.ActionItem).OrderByDescending(r => r.CreatedAt).Take(limit).ToListAsync(cancellationToken);

        // A meeting whose own decision is linked belongs here too, though the meeting itself is not linked.
        var entryMeetingIds = decisions.Select(d => d.MeetingId).Concat(actions.Select(a => a.MeetingId)).Concat(agenda.Select(a => a.MeetingId)).Distinct().ToList();
        var meetings = await readable
            .Where(m => linkedMeetingIds.Contains(m.Id) || entryMeetingIds.Contains(m.Id))
            .OrderByDescending(m => m.StartsAt).Take(limit)
            .Select(m => new { m.Id, m.Title, m.StartsAt, m.Status })
            .ToListAsync(cancellationToken);

        return
        [
            .. meetings.Select(m => new LinkedItem(LinkedKind.Meeting, m.Id, m.Title, $"/moter/{m.Id}", m.StartsAt, Pages.Moter.MeetingTexts.StatusName(m.Status))),
            .. agenda.Select(a => new LinkedItem(
                LinkedKind.AgendaItem, a.Id, a.Title, $"/moter/{a.MeetingId}#dagsorden-{a.Id}", a.StartsAt, new LocalizedText($"Møte: {a.MeetingTitle}", $"Meeting: {a.MeetingTitle}"))),
            .. decisions.Select(d => new LinkedItem(LinkedKind.Decision, d.Id, d.Text, $"/moter/{d.MeetingId}#notat-{d.Id}", d.CreatedAt, new LocalizedText(d.MeetingTitle, d.MeetingTitle))),
            .. actions.Select(a => new LinkedItem(
                LinkedKind.ActionItem, a.Id, a.Text, $"/moter/{a.MeetingId}#notat-{a.Id}", a.CreatedAt, ActionDetail(a.OwnerName, a.DueDate, a.ActionStatus))),
        ];
    }

    private static LocalizedText ActionDetail(string? owner, DateOnly? due, ActionStatus? status)
    {
        var date = due?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? "–";
        var state = Pages.Moter.MeetingTexts.ActionStatusName(status ?? ActionStatus.Open);
        return new($"{owner} · frist {date} · {state}", $"{owner} · due {date} · {state.En}");
    }
}
