using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Shared.Web;
using Samordning.Workstreams.Initiatives;

namespace Samordning.Workstreams.Pages.Arbeidsstrommer.Tiltak;

internal sealed class NyModel(InitiativeServices deps) : PageModel
{
    [BindProperty]
    public InitiativeForm Input { get; set; } = new();

    public InitiativeFormOptions? Options { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!CanCreateAny())
        {
            return Forbid();
        }

        Input.OwningMinistryId = User.MinistryId();
        Options = await InitiativeFormOptions.LoadAsync(deps.Db, deps.Directory, User, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await CreateInitiative.HandleAsync(deps, Input.ToRequest(), cancellationToken);
        if (this.Answer(outcome, initiative => Redirect($"/arbeidsstrommer/tiltak/{initiative.Id}?lagret=true")) is { } answered)
        {
            return answered;
        }

        Options = await InitiativeFormOptions.LoadAsync(deps.Db, deps.Directory, User, cancellationToken);
        return Page();
    }

    private bool CanCreateAny() => User.IsInRole(Roles.Coordinator) || (User.IsInRole(Roles.ContactPerson) && User.MinistryId() is not null);
}
