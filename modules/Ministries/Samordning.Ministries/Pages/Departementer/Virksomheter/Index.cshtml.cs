using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Ministries.Agencies;
using Samordning.Ministries.Data;

namespace Samordning.Ministries.Pages.Departementer.Virksomheter;

internal sealed class IndexModel(MinistriesDbContext db, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<AgencyDetails> Agencies { get; private set; } = [];

    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Agencies = await ListAgencies.HandleAsync(db, Q, null, cancellationToken);
        CanManage = (await authorization.AuthorizeAsync(User, Policies.ManageRegistry)).Succeeded;
    }
}
