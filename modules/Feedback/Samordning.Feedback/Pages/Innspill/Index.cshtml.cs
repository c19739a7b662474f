using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Feedback.Data;
using Samordning.Feedback.Rounds;
using Samordning.Shared.Time;
using Samordning.Shared.Web;

namespace Samordning.Feedback.Pages.Innspill;

// The public front page: rounds open to everyone, and rounds whose published input can be read. An anonymous visitor
// is answered from the host's cache of whole public pages; for everyone else the lists, the same for everyone, are
// cached as rendered HTML (the <cache> tag helper) under the public-content key (the version and the minute: a round
// opens and closes with the clock); they are read inside the cached part.
[AllowAnonymous]
[PublicPage]
internal sealed class IndexModel(FeedbackDbContext db, IClock clock) : PageModel
{
    private readonly DateTimeOffset now = clock.UtcNow;

    // What the cached lists are keyed by (besides the language).
    public string? ContentKey => PublicPage.ContentKey(HttpContext);

    // Called by the page on a cache miss only: the open rounds (soonest deadline first) and the closed ones.
    public async Task<(IReadOnlyList<RoundDetails> Open, IReadOnlyList<RoundDetails> Closed)> ReadAsync()
    {
        var rounds = (await OpenRound.ListAsync(db, HttpContext.RequestAborted)).Where(r => r.IsPublic).ToList();
        return ([.. rounds.Where(r => r.IsOpenAt(now)).OrderBy(r => r.Deadline)], [.. rounds.Where(r => !r.IsOpenAt(now) && r.OpensAt <= now)]);
    }
}
