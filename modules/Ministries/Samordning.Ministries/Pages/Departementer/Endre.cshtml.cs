using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Ministries.Data;
using Samordning.Ministries.Ministries;
using Samordning.Shared.Web;

namespace Samordning.Ministries.Pages.Departementer;

[Authorize(Policy = Policies.ManageRegistry)]
internal sealed class EndreModel(MinistriesDbContext db, IOutbox outbox) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public MinistryForm Input { get; set; } = new();

    // Set when someone else saved first: shown beside the person's own, unsaved input.
    public MinistryDetails? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var ministry = await GetMinistry.HandleAsync(db, Id, cancellationToken);
        if (ministry is null)
        {
            return NotFound();
        }

        Input = MinistryForm.From(ministry);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await UpdateMinistry.HandleAsync(db, outbox, Id, Input.ToRequest(), cancellationToken);
        return this.Answer(outcome, _ => Redirect($"/departementer/{Id}"), current => (Current, Input.Version) = (current, current.Version)) ?? Page();
    }
}
