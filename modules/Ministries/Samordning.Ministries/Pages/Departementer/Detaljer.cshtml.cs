using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Ministries.Data;
using Samordning.Ministries.Ministries;
using Samordning.Ministries.People;

namespace Samordning.Ministries.Pages.Departementer;

internal sealed class DetaljerModel(MinistriesDbContext db, IAuthorizationService authorization) : PageModel
{
    public MinistryDetails? Ministry { get; private set; }

    public IReadOnlyList<PersonDetails> People { get; private set; } = [];

    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Ministry = await GetMinistry.HandleAsync(db, id, cancellationToken);
        if (Ministry is null)
        {
            return NotFound();
        }

        People = await ListPeople.HandleAsync(db, null, id, null, cancellationToken);
        CanManage = (await authorization.AuthorizeAsync(User, Policies.ManageRegistry)).Succeeded;
        return Page();
    }
}
