using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Ministries.Data;
using Samordning.Ministries.People;

namespace Samordning.Ministries.Pages.Departementer.Personer;

internal sealed class IndexModel(MinistriesDbContext db, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    public IReadOnlyList<PersonDetails> People { get; private set; } = [];

    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        People = await ListPeople.HandleAsync(db, Q, null, Role, cancellationToken);
        CanManage = (await authorization.AuthorizeAsync(User, Policies.ManageRegistry)).Succeeded;
    }
}
