using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Ministries.Data;
using Samordning.Ministries.Ministries;
using Samordning.Shared.Live;

namespace Samordning.Ministries.Pages.Departementer;

internal sealed class IndexModel(MinistriesDbContext db, IAuthorizationService authorization, ILiveUpdates live) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<MinistryListItem> Ministries { get; private set; } = [];

    public bool CanManage { get; private set; }

    // The registry topic's sequence, read before the list (LiveSnapshot), for _RegistryLive.
    public long LiveSequence { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (LiveSequence, Ministries) = await live.ReadAsync(RegistryLive.Topic, ct => ListMinistries.HandleAsync(db, Q, includeInactive: false, ct), cancellationToken);
        CanManage = (await authorization.AuthorizeAsync(User, Policies.ManageRegistry)).Succeeded;
    }
}
