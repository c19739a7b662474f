using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Ministries.Data;
using Samordning.Ministries.People;
using Samordning.Shared.Web;

namespace Samordning.Ministries.Pages.Departementer.Personer;

[Authorize(Policy = Policies.ManageRegistry)]
internal sealed class NyModel(MinistriesDbContext db, IOutbox outbox) : PageModel
{
    [BindProperty]
    public PersonForm Input { get; set; } = new();

    public async Task OnGetAsync(Guid? ministryId, CancellationToken cancellationToken)
    {
        Input.MinistryId = ministryId;
        await FillOptionsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await CreatePerson.HandleAsync(db, outbox, Input.ToRequest(), cancellationToken);
        if (this.Answer(outcome, _ => Redirect("/departementer/personer")) is { } answered)
        {
            return answered;
        }

        await FillOptionsAsync(cancellationToken);
        return Page();
    }

    private async Task FillOptionsAsync(CancellationToken cancellationToken)
    {
        Input.Ministries = await SelectOptions.MinistriesAsync(db, allowNone: true, cancellationToken);
        Input.Agencies = await SelectOptions.AgenciesAsync(db, cancellationToken);
    }
}
