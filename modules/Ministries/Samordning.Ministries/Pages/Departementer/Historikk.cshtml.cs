using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Ministries.Data;
using Samordning.Ministries.History;
using Samordning.Shared.History;
using Samordning.Shared.Web;

namespace Samordning.Ministries.Pages.Departementer;

internal sealed class HistorikkModel(MinistriesDbContext db) : PageModel
{
    public HistoryView? History { get; private set; }

    public async Task<IActionResult> OnGetAsync(string kind, Guid id, CancellationToken cancellationToken) =>
        this.Answer(await RegistryHistory.HandleAsync(db, kind, id, cancellationToken), history => { History = history; return Page(); })!;
}
