using Microsoft.AspNetCore.Mvc;
using Samordning.Meetings.Data;
using Samordning.Meetings.History;
using Samordning.Shared.History;

namespace Samordning.Meetings.Pages.Moter;

internal sealed class HistorikkModel(MeetingsDbContext db) : HistoryPageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        Show(await MeetingHistory.HandleAsync(db, User, id, cancellationToken));
}
