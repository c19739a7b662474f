using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Meetings.Dialogue;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Web;

namespace Samordning.Meetings.Pages.Moter.Dialog;

// The equal-treatment report as a page (coordinators); the CSV is the API's.
internal sealed class RapportModel(MeetingServices deps) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public DialogueReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        this.Answer(await EqualTreatmentReport.BuildAsync(deps, Id, cancellationToken), report =>
        {
            Report = report;
            return Page();
        })!;
}
