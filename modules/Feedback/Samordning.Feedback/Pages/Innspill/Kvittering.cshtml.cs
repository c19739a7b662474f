using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Feedback.Data;
using Samordning.Feedback.Submissions;

namespace Samordning.Feedback.Pages.Innspill;

// The receipt shows only the reference, the round and the time: nothing a stranger with the link could misuse.
[AllowAnonymous]
internal sealed class KvitteringModel(FeedbackDbContext db) : PageModel
{
    public Receipt Receipt { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        var normalised = reference.ToUpperInvariant();
        var receipt = await db.Items.AsNoTracking()
            .Where(i => i.Reference == normalised && i.Channel == Channel.WebForm)
            .Join(db.Rounds, i => i.RoundId, r => r.Id, (i, r) => new Receipt(i.Id, i.Reference, r.Id, r.Title, i.ReceivedAt))
            .FirstOrDefaultAsync(cancellationToken);
        if (receipt is null)
        {
            return NotFound();
        }

        Receipt = receipt;
        return Page();
    }
}
