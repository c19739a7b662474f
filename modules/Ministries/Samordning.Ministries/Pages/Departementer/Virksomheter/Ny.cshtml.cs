using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Ministries.Agencies;
using Samordning.Ministries.Data;
using Samordning.Shared.Web;

namespace Samordning.Ministries.Pages.Departementer.Virksomheter;

[Authorize(Policy = Policies.ManageRegistry)]
internal sealed class NyModel(MinistriesDbContext db, IOutbox outbox) : PageModel
{
    [BindProperty]
    public AgencyForm Input { get; set; } = new();

    public async Task OnGetAsync(Guid? ministryId, CancellationToken cancellationToken)
    {
        Input.MinistryId = ministryId;
        Input.Ministries = await SelectOptions.MinistriesAsync(db, allowNone: false, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await CreateAgency.HandleAsync(db, outbox, Input.ToRequest(), cancellationToken);
        if (this.Answer(outcome, agency => Redirect($"/departementer/{agency.MinistryId}")) is { } answered)
        {
            return answered;
        }

        Input.Ministries = await SelectOptions.MinistriesAsync(db, allowNone: false, cancellationToken);
        return Page();
    }
}
