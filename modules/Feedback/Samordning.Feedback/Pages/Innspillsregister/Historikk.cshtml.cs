using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Feedback.Data;
using Samordning.Feedback.History;
using Samordning.Shared.History;
using Samordning.Shared.Web;

namespace Samordning.Feedback.Pages.Innspillsregister;

internal sealed class HistorikkModel(FeedbackDbContext db) : PageModel
{
    public HistoryView? History { get; private set; }

    public async Task<IActionResult> OnGetAsync(string kind, Guid id, CancellationToken cancellationToken) =>
        this.Answer(await FeedbackHistory.HandleAsync(db, User, kind, id, cancellationToken), history => { History = history; return Page(); })!;
}
