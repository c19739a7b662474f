using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Meetings.Data;
using Samordning.Meetings.History;
using Samordning.Shared.History;
using Samordning.Shared.Web;

namespace Samordning.Meetings.Pages.Moter;

internal sealed class HistorikkModel(MeetingsDbContext db) : PageModel
{
    public HistoryView? History { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        this.Answer(await MeetingHistory.HandleAsync(db, User, id, cancellationToken), history => { History = history; return Page(); })!;
}
