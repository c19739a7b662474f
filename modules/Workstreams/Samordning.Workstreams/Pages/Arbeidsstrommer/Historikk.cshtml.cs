using Microsoft.AspNetCore.Mvc;
using Samordning.Shared.History;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.History;

namespace Samordning.Workstreams.Pages.Arbeidsstrommer;

internal sealed class HistorikkModel(WorkstreamsDbContext db) : HistoryPageModel
{
    public async Task<IActionResult> OnGetAsync(string kind, Guid id, CancellationToken cancellationToken) =>
        Show(await WorkstreamsHistory.HandleAsync(db, kind, id, cancellationToken));
}
