using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Shared.Web;
using Samordning.Workstreams.Initiatives;

namespace Samordning.Workstreams.Pages.Arbeidsstrommer.Tiltak;

internal sealed class EndreModel(InitiativeServices deps) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public InitiativeForm Input { get; set; } = new();

    public InitiativeFormOptions? Options { get; private set; }

    public InitiativeDetails? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var entity = await deps.Db.Initiatives.AsNoTracking().WithChildren().FirstOrDefaultAsync(i => i.Id == Id, cancellationToken);
        if (entity is null)
        {
            return NotFound();
        }

        if (!InitiativeAccess.CanEdit(User, entity))
        {
            return Forbid();
        }

        Input = InitiativeForm.From(InitiativeDetails.From(entity));
        Options = await InitiativeFormOptions.LoadAsync(deps.Db, deps.Directory, User, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await UpdateInitiative.HandleAsync(deps, Id, Input.ToRequest(), cancellationToken);
        if (this.Answer(outcome, _ => Redirect($"/arbeidsstrommer/tiltak/{Id}?lagret=true"), current => (Current, Input.Version) = (current, current.Version)) is { } answered)
        {
            return answered;
        }

        Options = await InitiativeFormOptions.LoadAsync(deps.Db, deps.Directory, User, cancellationToken);
        return Page();
    }
}
