using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Samordning.Feedback.Journal;
using Samordning.Feedback.Submissions;

namespace Samordning.Feedback.Pages.Journal;

// The public journal (offentlig journal): every journal entry, with what is exempt or a private person's name
// screened, so anyone can see what the ministry received and wrote and ask for access to it.
[AllowAnonymous]
internal sealed class IndexModel(JournalQuery query, Journaling journaling, IOptions<PublicOrganiser> organiser) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Fra { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Til { get; set; }

    [BindProperty(SupportsGet = true, Name = "side")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<JournalLine> Lines { get; private set; } = [];

    public int Total { get; private set; }

    public Samordning.Shared.Text.LocalizedText Organiser => organiser.Value.Name;

    // Set after a coordinator journalled what was waiting: how many documents got numbers.
    [TempData]
    public int? Journalled { get; set; }

    public bool IsCoordinator => User.IsInRole(Roles.Coordinator);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var period = JournalPeriod.Parse(Fra, Til, errors);
        if (errors.Any)
        {
            foreach (var (field, messages) in errors.ToDictionary())
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field == "fra" ? nameof(Fra) : nameof(Til), message);
                }
            }

            return Page();
        }

        PageNumber = Math.Max(1, PageNumber);
        if (!IsCoordinator)
        {
            // Only what the page says to everyone: the counts of a coordinator's run are theirs.
            Journalled = null;
        }

        (Lines, Total) = await query.PageAsync(period.From, period.To, (PageNumber - 1) * PageSize, PageSize, cancellationToken);
        return Page();
    }

    // The job journals every quarter hour; a coordinator who needs the numbers now (to answer a request for access)
    // does not wait for it.
    public async Task<IActionResult> OnPostJournalAsync(CancellationToken cancellationToken)
    {
        if (!IsCoordinator)
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }

        Journalled = await journaling.JournalPendingAsync(cancellationToken);
        return RedirectToPage();
    }
}
