using Samordning.Meetings.Data;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Overview;

namespace Samordning.Meetings.Overview;

// The module's part of the front page: the person's meetings today and this week (a live one first, with "join")
// and their open action items by due date; for the public, the published meetings ahead.
internal sealed class MeetingsOverview(MeetingsDbContext db) : IOverviewSource
{
    private const int Shown = 10;

    public async Task<IReadOnlyList<string>> GetLiveTopicsAsync(OverviewContext context, CancellationToken cancellationToken) =>
        context.PersonId is null
            ? []
            : [.. (await ThisWeek(context).Select(m => m.Id).ToListAsync(cancellationToken)).Select(MeetingLive.Topic)];

    public async Task<IReadOnlyList<OverviewSection>> GetSectionsAsync(OverviewContext context, CancellationToken cancellationToken)
    {
        if (context.PersonId is not { } person)
        {
            return [await PublishedAsync(context, cancellationToken)];
        }

        var meetings = await ThisWeek(context).OrderBy(m => m.StartsAt).Take(Shown * 3).ToListAsync(cancellationToken);
        var items = meetings
            .OrderBy(m => m.Status == MeetingStatus.Live ? 0 : 1).ThenBy(m => m.StartsAt)
            .Take(Shown)
            .Select(m => Item(context, m))
            .ToList();
        var sections = new List<OverviewSection>
        {
            new(
                OverviewSections.Meetings,
                20,
                new("Møter i dag og denne uken", "Meetings today and this week"),
                items,
                new("Du har ingen møter de neste sju dagene.", "You have no meetings in the next seven days."),
                More: new("/moter", new("Alle møter", "All meetings"))),
        };

        var actions = await db.Entries.AsNoTracking()
            .Where(e => e.Kind == EntryKind.ActionItem && e.OwnerPersonId == person && e.ActionStatus == ActionStatus.Open && !e.Withdrawn)
            .OrderBy(e => e.DueDate == null).ThenBy(e => e.DueDate).ThenBy(e => e.CreatedAt)
            .Take(Shown)
            .Join(db.Meetings, e => e.MeetingId, m => m.Id, (e, m) => new { e.Id, e.Text, e.DueDate, e.MeetingId, MeetingTitle = m.Title })
            .ToListAsync(cancellationToken);
        var today = Shared.Time.Oslo.DateOf(context.Now);
        sections.Add(new(
            OverviewSections.ActionItems,
            25,
            new("Mine åpne oppfølgingspunkter", "My open action items"),
            [.. actions.Select(a => new OverviewItem(
                new(a.Text, a.Text),
                $"/moter/{a.MeetingId}/notater/{a.Id}",
                a.DueDate is { } due
                    ? DueText(due, due < today, a.MeetingTitle)
                    : new($"Uten frist · {a.MeetingTitle}", $"No due date · {a.MeetingTitle}"),
                Emphasis: a.DueDate < today))],
            new("Du har ingen åpne oppfølgingspunkter.", "You have no open action items."),
            More: new("/moter/oppfolging", new("All oppfølging", "All follow-up"))));
        return sections;
    }

    private static readonly System.Globalization.CultureInfo Nb = System.Globalization.CultureInfo.GetCultureInfo("nb-NO");
    private static readonly System.Globalization.CultureInfo En = System.Globalization.CultureInfo.GetCultureInfo("en-GB");

    // Overdue or not as two whole texts, so each language words it its own way.
    private static Shared.Text.LocalizedText DueText(DateOnly due, bool overdue, string meeting) => overdue
        ? new($"Frist {due.ToString("d. MMMM yyyy", Nb)} (forfalt) · {meeting}", $"Due {due.ToString("d MMMM yyyy", En)} (overdue) · {meeting}")
        : new($"Frist {due.ToString("d. MMMM yyyy", Nb)} · {meeting}", $"Due {due.ToString("d MMMM yyyy", En)} · {meeting}");

    // Meetings that concern the person: coordinators and observers follow every meeting; others those they
    // facilitate or take part in, themselves or through their ministry, and those their ministry organises.
    private IQueryable<Meeting> ThisWeek(OverviewContext context)
    {
        var now = context.Now;
        var end = context.EndOfWeek;
        var meetings = db.Meetings.AsNoTracking()
            .Where(m => m.Status != MeetingStatus.Closed && m.EndsAt > now && m.StartsAt < end);
        var user = context.User;
        if (user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Observer))
        {
            return meetings;
        }

        var person = context.PersonId;
        var ministry = user.MinistryId();
        return meetings.Where(m => m.Facilitators.Any(f => f.PersonId == person)
            || m.Participants.Any(p => p.PersonId == person || (ministry != null && p.MinistryId == ministry))
            || (ministry != null && m.OrganisingMinistryId == ministry && m.Kind != MeetingKind.OneToOne));
    }

    private static OverviewItem Item(OverviewContext context, Meeting meeting)
    {
        var live = meeting.Status == MeetingStatus.Live;
        var today = meeting.StartsAt < context.EndOfToday;
        var detail = live
            ? new Shared.Text.LocalizedText("Pågår nå", "Live now")
            : today ? new("I dag", "Today") : new("Denne uken", "This week");
        var join = live ? new OverviewLink(meeting.OnlineLink ?? $"/moter/{meeting.Id}", new("Bli med", "Join")) : null;
        return new OverviewItem(new(meeting.Title, meeting.Title), $"/moter/{meeting.Id}", detail, meeting.StartsAt, join, live);
    }

    private async Task<OverviewSection> PublishedAsync(OverviewContext context, CancellationToken cancellationToken)
    {
        var now = context.Now;
        var published = await db.Meetings.AsNoTracking()
            .Where(m => m.Published && m.EndsAt > now)
            .OrderBy(m => m.StartsAt).Take(Shown)
            .Select(m => new { m.Id, m.Title, m.StartsAt, m.Place })
            .ToListAsync(cancellationToken);
        return new OverviewSection(
            OverviewSections.PublicMeetings,
            20,
            new("Åpne møter", "Public meetings"),
            [.. published.Select(m => new OverviewItem(new(m.Title, m.Title), $"/moter/offentlig/{m.Id}", m.Place is null ? null : new(m.Place, m.Place), m.StartsAt))],
            new("Ingen åpne møter er publisert nå.", "No public meetings are published now."));
    }
}
