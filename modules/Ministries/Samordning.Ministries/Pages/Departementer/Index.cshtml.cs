using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Ministries.Data;
using Samordning.Ministries.Ministries;

namespace Samordning.Ministries.Pages.Departementer;

internal sealed class IndexModel(MinistriesDbContext db, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<MinistryListItem> Ministries { get; private set; } = [];

    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Ministries = await ListMinistries.HandleAsync(db, Q, includeInactive: false, cancellationToken);
        CanManage = (await authorization.AuthorizeAsync(User, Policies.ManageRegistry)).Succeeded;
    }
}
