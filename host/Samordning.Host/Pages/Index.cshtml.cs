using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Host.Overview;
using Samordning.Shared.Live;
using Samordning.Shared.Overview;
using Samordning.Shared.Security;
using Samordning.Shared.Time;

namespace Samordning.Host.Pages;

// The front page. Signed in: "my overview", composed from every module's IOverviewSource (each decides what the
// person may see); anonymous: the public front page from the same sources. The host reads no module's data.
[AllowAnonymous]
internal sealed class IndexModel(IEnumerable<IOverviewSource> sources, ILiveUpdates live, OverviewVisits visits, IClock clock) : PageModel
{
    public IReadOnlyList<OverviewSection> Sections { get; private set; } = [];

    // The topics the page follows and the sequence each stood at before the sections were read.
    public IReadOnlyList<(string Topic, long After)> Live { get; private set; } = [];

    public bool SignedIn => User.PersonId() is not null;

    public DateTimeOffset? ChangesSince { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => BuildAsync(recordVisit: true, cancellationToken);

    // The live refresh: the same page without counting a visit.
    public Task<IActionResult> OnGetSectionsAsync(CancellationToken cancellationToken) => BuildAsync(recordVisit: false, cancellationToken);

    private async Task<IActionResult> BuildAsync(bool recordVisit, CancellationToken cancellationToken)
    {
        // Signed in at the identity provider but not in the registry: the same answer as every other page.
        if (User.Identity?.IsAuthenticated == true && User.PersonId() is null)
        {
            return Forbid();
        }

        var now = clock.UtcNow;
        if (User.PersonId() is { } person)
        {
            ChangesSince = recordVisit
                ? await visits.RecordAsync(person, now, cancellationToken)
                : await visits.ChangesSinceAsync(person, cancellationToken);
        }

        var context = new OverviewContext(User, now, ChangesSince);

        // Sequences first, then the sections (LiveSnapshot's order): a change between the two reads is on the page
        // or arrives as a live item after the sequence rendered, never lost.
        var topics = new List<string>();
        foreach (var source in sources)
        {
            topics.AddRange(await source.GetLiveTopicsAsync(context, cancellationToken));
        }

        var follow = new List<(string, long)>();
        foreach (var topic in topics.Distinct(StringComparer.Ordinal))
        {
            follow.Add((topic, await live.GetLastSequenceAsync(topic, cancellationToken)));
        }

        var sections = new List<OverviewSection>();
        foreach (var source in sources)
        {
            sections.AddRange(await source.GetSectionsAsync(context, cancellationToken));
        }

        Live = follow;
        Sections = Merge(sections);
        return Page();
    }

    // Sections several modules add to (the changes since the last visit) are shown as one, newest first.
    private static List<OverviewSection> Merge(List<OverviewSection> sections) =>
        [.. sections
            .GroupBy(s => s.Key, StringComparer.Ordinal)
            .Select(g => g.Count() == 1
                ? g.First()
                : g.First() with { Items = [.. g.SelectMany(s => s.Items).OrderByDescending(i => i.When ?? DateTimeOffset.MaxValue)] })
            .OrderBy(s => s.Order)
            .ThenBy(s => s.Key, StringComparer.Ordinal)];
}
