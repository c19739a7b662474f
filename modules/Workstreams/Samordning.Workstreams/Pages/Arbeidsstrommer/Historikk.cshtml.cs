using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Shared.History;
using Samordning.Shared.Web;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.History;

namespace Samordning.Workstreams.Pages.Arbeidsstrommer;

internal sealed class HistorikkModel(WorkstreamsDbContext db) : PageModel
{
    public HistoryView? History { get; private set; }

    public async Task<IActionResult> OnGetAsync(string kind, Guid id, CancellationToken cancellationToken) =>
        this.Answer(await WorkstreamsHistory.HandleAsync(db, kind, id, cancellationToken), history => { History = history; return Page(); })!;
}
