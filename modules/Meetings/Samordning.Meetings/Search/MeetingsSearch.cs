using System.Security.Claims;
using Samordning.Meetings.Data;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Search;

namespace Samordning.Meetings.Search;

// Meetings (title, description, place and agenda) and what was written in them: decisions, action items and other
// notes. Only meetings the person may read (MeetingAccess.Readable), and only entries of those meetings; withdrawn
// entries are not found.
internal sealed class MeetingsSearch(MeetingsDbContext db) : ISearchSource
{
    public const string Meeting = "meeting";
    public const string Decision = "decision";
    public const string ActionItem = "action";
    public const string Note = "note";

    public IReadOnlyList<SearchKind> Kinds { get; } =
    [
        new(Meeting, new("Møte", "Meeting")),
        new(Decision, new("Beslutning", "Decision")),
        new(ActionItem, new("Oppfølgingspunkt", "Action item")),
        new(Note, new("Notat", "Note")),
    ];

    public Task<SearchSourceResult> SearchAsync(SearchQuery query, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        SearchMatch.OnOneConnectionAsync(db, () => FindAllAsync(query, user, cancellationToken), cancellationToken);

    private async Task<SearchSourceResult> FindAllAsync(SearchQuery query, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var readable = Filtered(db.Meetings.AsNoTracking().Readable(user), query);
        var meetings = query.Wants(Meeting) ? await MeetingsAsync(readable, query, cancellationToken) : SearchSourceResult.None;
        var entries = await EntriesAsync(readable, query, cancellationToken);
        return new([.. meetings.Hits, .. entries.Hits], meetings.Total + entries.Total);
    }

    private static IQueryable<Meeting> Filtered(IQueryable<Meeting> meetings, SearchQuery query)
    {
        if (query.MinistryId is { } ministryId)
        {
            meetings = meetings.Where(m => m.OrganisingMinistryId == ministryId || m.Participants.Any(p => p.MinistryId == ministryId));
        }

        if (query.WorkstreamId is { } workstreamId)
        {
            meetings = meetings.Where(m => m.Workstreams.Any(w => w.WorkstreamId == workstreamId));
        }

        return meetings;
    }

    private async Task<SearchSourceResult> MeetingsAsync(IQueryable<Meeting> meetings, SearchQuery query, CancellationToken cancellationToken)
    {
        // The meeting's own index or one of its agenda items': two id sets, so each is looked up in its index.
        foreach (var term in query.Terms)
        {
            var own = SearchMatch.Rows<Meeting>(db, [term], SearchSection.Readable).Select(m => m.Id);
            var agenda = SearchMatch.Rows<AgendaItem>(db, [term], SearchSection.Readable).Select(a => a.MeetingId);
            meetings = meetings.Where(m => own.Contains(m.Id) || agenda.Contains(m.Id));
        }

        var title = SearchIndex.InTitle(query.LeadingTerm);
        var hits = await meetings
            .OrderByDescending(m => EF.Functions.Like(m.SearchIndex, title)).ThenByDescending(m => m.StartsAt)
            .Take(query.Limit)
            .Select(m => new { m.Id, m.Title, m.Description, m.OrganisingMinistryCode, m.UpdatedAt, Agenda = m.Agenda.OrderBy(a => a.Position).Select(a => a.Title).ToList() })
            .ToListAsync(cancellationToken);
        return new(
            [.. hits.Select(m => new SearchHit(
                Meeting, m.Id, m.Title, string.Join(" · ", new[] { m.Description }.Concat(m.Agenda).Where(t => !string.IsNullOrWhiteSpace(t))),
                $"/moter/{m.Id}", m.OrganisingMinistryCode, m.UpdatedAt))],
            hits.Count < query.Limit ? hits.Count : await meetings.Take(query.CountLimit).CountAsync(cancellationToken));
    }

    private async Task<SearchSourceResult> EntriesAsync(IQueryable<Meeting> meetings, SearchQuery query, CancellationToken cancellationToken)
    {
        var kinds = new List<EntryKind>();
        if (query.Wants(Decision))
        {
            kinds.Add(EntryKind.Decision);
        }

        if (query.Wants(ActionItem))
        {
            kinds.Add(EntryKind.ActionItem);
        }

        if (query.Wants(Note))
        {
            kinds.AddRange([EntryKind.Note, EntryKind.Question, EntryKind.Feedback]);
        }

        if (kinds.Count == 0)
        {
            return SearchSourceResult.None;
        }

        // The kinds go in as one parameter (a JSON array on SQLite, an array on PostgreSQL): as a parameter per kind,
        // EF Core would write the SQL again on every search, under a lock every concurrent search waits on.
        var entries = SearchMatch.Rows<MeetingEntry>(db, query.Terms, SearchSection.Readable).AsNoTracking().Where(e => !e.Withdrawn && EF.Parameter(kinds).Contains(e.Kind));

        var found = entries.Join(meetings, e => e.MeetingId, m => m.Id, (e, m) => new { e.Id, e.Kind, e.Text, e.UpdatedAt, MeetingId = m.Id, m.Title, m.OrganisingMinistryCode });
        var hits = await found.OrderByDescending(e => e.UpdatedAt).Take(query.Limit).ToListAsync(cancellationToken);
        return new(
            [.. hits.Select(e => new SearchHit(KindOf(e.Kind), e.Id, e.Title, e.Text, $"/moter/{e.MeetingId}", e.OrganisingMinistryCode, e.UpdatedAt))],
            hits.Count < query.Limit ? hits.Count : await found.Take(query.CountLimit).CountAsync(cancellationToken));
    }

    private static string KindOf(EntryKind kind) => kind switch
    {
        EntryKind.Decision => Decision,
        EntryKind.ActionItem => ActionItem,
        _ => Note,
    };
}
