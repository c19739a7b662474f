using Microsoft.Extensions.Options;
using Samordning.Feedback.Data;
using Samordning.Feedback.Register;
using Samordning.Feedback.Rounds;
using Samordning.Feedback.Submissions;
using Samordning.Shared.Activity;
using Samordning.Shared.Overview;

namespace Samordning.Feedback.Overview;

// The module's part of the front page. For the public: the open input rounds, naming who asks. Signed in: new
// input on the workstreams the person follows (the Notifications module's follows), only what the register lets
// them read; for the KMD team new input since the last visit among the changes.
internal sealed class FeedbackOverview(FeedbackDbContext db, IWorkstreamFollows follows, IOptions<PublicOrganiser> organiser) : IOverviewSource
{
    private const int Shown = 10;

    // Nothing in the register publishes live yet; the page refreshes on the other modules' topics.
    public Task<IReadOnlyList<string>> GetLiveTopicsAsync(OverviewContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    public async Task<IReadOnlyList<OverviewSection>> GetSectionsAsync(OverviewContext context, CancellationToken cancellationToken)
    {
        if (context.PersonId is not { } person)
        {
            return [await PublicRoundsAsync(context, cancellationToken)];
        }

        if (!FeedbackAccess.CanRead(context.User))
        {
            return [];
        }

        var since = context.ChangesSince ?? context.Now.AddDays(-7);
        var workstreams = await follows.GetFollowedAsync(person, cancellationToken);
        var readable = db.Items.AsNoTracking().Visible(context.User).Where(i => i.ReceivedAt > since);
        var onMine = await readable
            .Where(i => i.Workstreams.Any(w => workstreams.Contains(w.WorkstreamId)))
            .OrderByDescending(i => i.ReceivedAt).Take(Shown)
            .Select(i => new { i.Id, i.Reference, i.OrganisationName, i.ContributorType, i.ReceivedAt })
            .ToListAsync(cancellationToken);
        var sections = new List<OverviewSection>
        {
            new(
                OverviewSections.Input,
                40,
                new("Nye innspill på arbeidsstrømmer du følger", "New input on workstreams you follow"),
                [.. onMine.Select(i => new OverviewItem(
                    new($"Innspill {i.Reference}", $"Input {i.Reference}"),
                    $"/innspillsregister/{i.Id}",
                    i.OrganisationName is { } name ? new(name, name) : null,
                    i.ReceivedAt))],
                workstreams.Count == 0
                    ? new("Du følger ingen arbeidsstrømmer ennå. Følg en fra siden dens.", "You follow no workstreams yet. Follow one from its page.")
                    : new("Ingen nye innspill på arbeidsstrømmene du følger.", "No new input on the workstreams you follow."),
                new("Arbeidsstrømmene du følger.", "The workstreams you follow."),
                new("/innspillsregister", new("Innspillsregisteret", "The input register"))),
        };

        if (context.User.IsInRole(Roles.Coordinator) && context.ChangesSince is not null)
        {
            var received = await readable.CountAsync(cancellationToken);
            sections.Add(OverviewSections.ChangedSince(
                context,
                received == 0 ? [] : [new OverviewItem(new($"{received} nye innspill", $"{received} new input items"), "/innspillsregister", When: null)]));
        }

        return sections;
    }

    private async Task<OverviewSection> PublicRoundsAsync(OverviewContext context, CancellationToken cancellationToken)
    {
        var now = context.Now;
        var open = (await db.Rounds.AsNoTracking().Where(r => r.IsPublic && r.OpensAt <= now).OrderBy(r => r.Deadline).ToListAsync(cancellationToken))
            .Where(r => RoundDetails.From(r).IsOpenAt(now))
            .Take(Shown)
            .ToList();
        var asks = organiser.Value.Name;
        return new OverviewSection(
            OverviewSections.PublicRounds,
            10,
            new("Åpne innspillsrunder", "Open input rounds"),
            [.. open.Select(r => new OverviewItem(new(r.Title, r.Title), $"/innspill/{r.Id}", new($"Frist: {context.DaysLeftText(r.Deadline)}", $"Deadline: {context.DaysLeftText(r.Deadline).En}"), r.Deadline))],
            new("Ingen innspillsrunde er åpen nå.", "No input round is open now."),
            new($"{asks} ber om innspill og tar imot det du sender.", $"{asks.En} asks for input and receives what you send."),
            new("/innspill", new("Alle innspillsrunder", "All input rounds")));
    }
}
