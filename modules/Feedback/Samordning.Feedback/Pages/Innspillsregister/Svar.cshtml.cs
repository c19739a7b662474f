using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Feedback.Data;
using Samordning.Feedback.Register;
using Samordning.Shared.Time;
using Samordning.Shared.Web;

namespace Samordning.Feedback.Pages.Innspillsregister;

internal sealed class ResponseForm
{
    public string? Summary { get; set; }
    public ResponseOutcome? Outcome { get; set; }
    public int? Chapter { get; set; }
    public string? Text { get; set; }
    public bool Published { get; set; }
    public long? Version { get; set; }

    public ResponseRequest ToRequest() => new(Summary, Outcome, Chapter, Text, Published, Version);
}

// KMD's response to one item ("you said, we did"), written by the KMD team.
[Authorize(Policy = Policies.Coordinator)]
internal sealed class SvarModel(FeedbackDbContext db, ICurrentUser user, IClock clock, IOutbox outbox) : PageModel
{
    [BindProperty]
    public ResponseForm Input { get; set; } = new();

    public string Reference { get; private set; } = "";

    public ResponseDetails? Saved { get; private set; }

    public bool Conflict { get; private set; }

    public bool JustSaved { get; private set; }

    public static IEnumerable<SelectListItem> Outcomes() =>
        Enum.GetValues<ResponseOutcome>().Select(o => new SelectListItem(ResponseTexts.OutcomeName(o).ToString(), o.ToString()))
            .Prepend(new SelectListItem(Shared.Text.Localized.T("Velg …", "Choose …"), ""));

    public async Task<IActionResult> OnGetAsync(Guid id, bool saved, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        JustSaved = saved;
        if (Saved is { } response)
        {
            Input = new ResponseForm
            {
                Summary = response.Summary, Outcome = response.Outcome, Chapter = response.Chapter, Text = response.Text, Published = response.Published, Version = response.Version,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var outcome = await RespondToItem.HandleAsync(db, user, clock, outbox, $"{Request.Scheme}://{Request.Host}", id, Input.ToRequest(), cancellationToken);
        return this.Answer(outcome, _ => Redirect($"/innspillsregister/{id}/svar?saved=true"), current => (Conflict, Input.Version) = (true, current.Version)) ?? Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var reference = await db.Items.Where(i => i.Id == id).Select(i => i.Reference).FirstOrDefaultAsync(cancellationToken);
        if (reference is null)
        {
            return false;
        }

        Reference = reference;
        Saved = await db.Responses.AsNoTracking().Where(r => r.Id == id).Select(r => ResponseDetails.From(r)).FirstOrDefaultAsync(cancellationToken);
        return true;
    }
}
