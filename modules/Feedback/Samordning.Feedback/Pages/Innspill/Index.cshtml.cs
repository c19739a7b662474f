using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Feedback.Data;
using Samordning.Feedback.Rounds;
using Samordning.Shared.Time;

namespace Samordning.Feedback.Pages.Innspill;

// The public front page: rounds open to everyone, and rounds whose published input can be read.
[AllowAnonymous]
internal sealed class IndexModel(FeedbackDbContext db, IClock clock) : PageModel
{
    public IReadOnlyList<RoundDetails> Open { get; private set; } = [];

    public IReadOnlyList<RoundDetails> Closed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var rounds = (await OpenRound.ListAsync(db, cancellationToken)).Where(r => r.IsPublic).ToList();
        Open = [.. rounds.Where(r => r.IsOpenAt(now)).OrderBy(r => r.Deadline)];
        Closed = [.. rounds.Where(r => !r.IsOpenAt(now) && r.OpensAt <= now)];
    }
}
