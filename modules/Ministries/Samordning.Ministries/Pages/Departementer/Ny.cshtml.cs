using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Ministries.Data;
using Samordning.Ministries.Ministries;
using Samordning.Shared.Web;

namespace Samordning.Ministries.Pages.Departementer;

[Authorize(Policy = Policies.ManageRegistry)]
internal sealed class NyModel(MinistriesDbContext db, IOutbox outbox) : PageModel
{
    [BindProperty]
    public MinistryForm Input { get; set; } = new();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await CreateMinistry.HandleAsync(db, outbox, Input.ToRequest(), cancellationToken);
        return this.Answer(outcome, ministry => Redirect($"/departementer/{ministry.Id}")) ?? Page();
    }
}
