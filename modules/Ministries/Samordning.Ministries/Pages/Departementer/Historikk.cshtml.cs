using Microsoft.AspNetCore.Mvc;
using Samordning.Ministries.Data;
using Samordning.Ministries.History;
using Samordning.Shared.History;

namespace Samordning.Ministries.Pages.Departementer;

internal sealed class HistorikkModel(MinistriesDbContext db) : HistoryPageModel
{
    public async Task<IActionResult> OnGetAsync(string kind, Guid id, CancellationToken cancellationToken) =>
        Show(await RegistryHistory.HandleAsync(db, kind, id, cancellationToken));
}
