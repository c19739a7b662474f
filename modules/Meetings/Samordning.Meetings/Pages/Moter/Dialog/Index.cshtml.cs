using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Meetings.Dialogue;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Web;

namespace Samordning.Meetings.Pages.Moter.Dialog;

// The coordinators' list of supplier dialogues and the form that starts one.
internal sealed class IndexModel(MeetingServices deps) : PageModel
{
    [BindProperty]
    public DialogueForm Input { get; set; } = new();

    public IReadOnlyList<DialogueView> Dialogues { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await ManageDialogues.ListAsync(deps, cancellationToken) is not { } list)
        {
            return Forbid();
        }

        Dialogues = list;
        Input.DeadlineDate = DialogueTexts.Today(deps.Clock).AddDays(14);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await ManageDialogues.CreateAsync(deps, Input.ToRequest(), cancellationToken);
        if (this.Answer(outcome, d => Redirect($"/moter/dialoger/{d.Id}?lagret=true")) is { } answered)
        {
            return answered;
        }

        // The deadline is two fields (day and time); its error goes beside the day.
        if (outcome.Errors?.ToDictionary().GetValueOrDefault(nameof(DialogueRequest.RegistrationDeadline)) is { } messages)
        {
            ModelState.Remove("Input.RegistrationDeadline");
            ModelState.AddModelError("Input.DeadlineDate", string.Join(" ", messages));
        }

        Dialogues = await ManageDialogues.ListAsync(deps, cancellationToken) ?? [];
        return Page();
    }
}
