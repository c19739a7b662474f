using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Ministries.Data;
using Samordning.Ministries.Ministries;
using Samordning.Shared.Live;
using Samordning.Shared.Web;

namespace Samordning.Ministries.Pages.Departementer;

[Authorize(Policy = Policies.ManageRegistry)]
internal sealed class NyModel(MinistriesDbContext db, ILiveUpdates live) : PageModel
{
    [BindProperty]
    public MinistryForm Input { get; set; } = new();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await CreateMinistry.HandleAsync(db, live, Input.ToRequest(), cancellationToken);
        return this.Answer(outcome, ministry => Redirect($"/departementer/{ministry.Id}")) ?? Page();
    }
}
