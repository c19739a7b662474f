using Microsoft.AspNetCore.Mvc;
using Samordning.Shared.History;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.History;

namespace Samordning.Workstreams.Pages.Arbeidsstrommer.Strom;

// A workstream's own history; its path has no kind, unlike the initiatives' and rounds' (../Historikk).
internal sealed class HistorikkModel(WorkstreamsDbContext db) : HistoryPageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        Show(await WorkstreamsHistory.HandleAsync(db, WorkstreamsHistory.Workstreams, id, cancellationToken));
}
