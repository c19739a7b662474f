using Microsoft.AspNetCore.Mvc;
using Samordning.Feedback.Data;
using Samordning.Feedback.History;
using Samordning.Shared.History;

namespace Samordning.Feedback.Pages.Innspillsregister;

internal sealed class HistorikkModel(FeedbackDbContext db) : HistoryPageModel
{
    public async Task<IActionResult> OnGetAsync(string kind, Guid id, CancellationToken cancellationToken) =>
        Show(await FeedbackHistory.HandleAsync(db, User, kind, id, cancellationToken));
}
