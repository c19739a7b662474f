using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Ministries.Agencies;
using Samordning.Ministries.Data;
using Samordning.Shared.Live;

namespace Samordning.Ministries.Pages.Departementer.Virksomheter;

internal sealed class IndexModel(MinistriesDbContext db, IAuthorizationService authorization, ILiveUpdates live) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<AgencyDetails> Agencies { get; private set; } = [];

    public bool CanManage { get; private set; }

    // The registry topic's sequence, read before the list (LiveSnapshot), for _RegistryLive.
    public long LiveSequence { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (LiveSequence, Agencies) = await live.ReadAsync(RegistryLive.Topic, ct => ListAgencies.HandleAsync(db, Q, null, ct), cancellationToken);
        CanManage = (await authorization.AuthorizeAsync(User, Policies.ManageRegistry)).Succeeded;
    }
}
