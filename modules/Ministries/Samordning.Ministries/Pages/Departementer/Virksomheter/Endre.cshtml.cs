using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Ministries.Agencies;
using Samordning.Ministries.Data;
using Samordning.Shared.Web;

namespace Samordning.Ministries.Pages.Departementer.Virksomheter;

[Authorize(Policy = Policies.ManageRegistry)]
internal sealed class EndreModel(MinistriesDbContext db, IOutbox outbox) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public AgencyForm Input { get; set; } = new();

    public AgencyDetails? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var agency = await GetAgency.HandleAsync(db, Id, cancellationToken);
        if (agency is null)
        {
            return NotFound();
        }

        Input = AgencyForm.From(agency);
        Input.Ministries = await SelectOptions.MinistriesAsync(db, allowNone: false, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await UpdateAgency.HandleAsync(db, outbox, Id, Input.ToRequest(), cancellationToken);
        if (this.Answer(outcome, agency => Redirect($"/departementer/{agency.MinistryId}"), current => (Current, Input.Version) = (current, current.Version)) is { } answered)
        {
            return answered;
        }

        Input.Ministries = await SelectOptions.MinistriesAsync(db, allowNone: false, cancellationToken);
        return Page();
    }
}
