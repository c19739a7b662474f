using Samordning.Notifications.Data;
using Samordning.Notifications.InApp;
using Samordning.Shared.Deadlines;
using Samordning.Shared.Overview;

namespace Samordning.Notifications.Overview;

// The module's part of the front page: the person's unread notifications; for the KMD team every deadline this
// week across ministries, from the same deadline sources the reminder sweep reads.
internal sealed class NotificationsOverview(NotificationsDbContext db, IEnumerable<IDeadlineSource> deadlines) : IOverviewSource
{
    private const int Shown = 10;

    public Task<IReadOnlyList<string>> GetLiveTopicsAsync(OverviewContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(context.PersonId is { } person ? [LiveNotifications.Topic(person)] : []);

    public async Task<IReadOnlyList<OverviewSection>> GetSectionsAsync(OverviewContext context, CancellationToken cancellationToken)
    {
        if (context.PersonId is not { } person)
        {
            return [];
        }

        var unread = await db.Notifications.AsNoTracking()
            .Where(n => n.PersonId == person && n.ReadAt == null)
            .OrderByDescending(n => n.CreatedAt).Take(Shown)
            .ToListAsync(cancellationToken);
        var sections = new List<OverviewSection>
        {
            new(
                OverviewSections.Notifications,
                50,
                new("Uleste varsler", "Unread notifications"),
                [.. unread.Select(n => new OverviewItem(new(n.TitleNb, n.TitleEn) { Nn = n.TitleNn }, n.Link, When: n.CreatedAt))],
                new("Du har ingen uleste varsler.", "You have no unread notifications."),
                More: new("/varsler", new("Alle varsler", "All notifications"))),
        };

        if (context.User.IsInRole(Roles.Coordinator))
        {
            sections.Add(await DeadlinesAsync(context, cancellationToken));
        }

        return sections;
    }

    private async Task<OverviewSection> DeadlinesAsync(OverviewContext context, CancellationToken cancellationToken)
    {
        var due = new Dictionary<string, Deadline>(StringComparer.Ordinal);
        foreach (var source in deadlines)
        {
            await foreach (var deadline in source.GetOpenDeadlinesAsync(context.Now, context.EndOfWeek, cancellationToken))
            {
                due.TryAdd(deadline.Key, deadline);
            }
        }

        return new OverviewSection(
            OverviewSections.Deadlines,
            15,
            new("Frister denne uken", "Deadlines this week"),
            [.. due.Values.OrderBy(d => d.DueAt).Take(Shown * 2).Select(d => new OverviewItem(d.Title, d.Link, context.DaysLeftText(d.DueAt), d.DueAt))],
            new("Ingen frister de neste sju dagene.", "No deadlines in the next seven days."));
    }
}
