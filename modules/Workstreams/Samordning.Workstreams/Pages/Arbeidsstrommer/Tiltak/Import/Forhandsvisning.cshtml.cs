using Samordning.Shared.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Workstreams.Initiatives;
using Samordning.Workstreams.Initiatives.Import;

namespace Samordning.Workstreams.Pages.Arbeidsstrommer.Tiltak.Import;

// Steps two to four of an import: map the columns, preview every row's errors, confirm; then the result.
internal sealed class ForhandsvisningModel(InitiativeServices deps) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public Dictionary<string, int?> Mapping { get; set; } = [];

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public string? Stamp { get; set; }

    public ImportPreview? Preview { get; private set; }

    // Set when a confirm was refused: the rows still have errors, or the import changed since it was shown.
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        Show(await ImportInitiatives.GetAsync(deps, Id, cancellationToken));

    public async Task<IActionResult> OnPostMapAsync(CancellationToken cancellationToken)
    {
        var outcome = await ImportInitiatives.MapAsync(deps, Id, new ImportMappingRequest(Mapping, Version), cancellationToken);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            return Redirect($"/arbeidsstrommer/tiltak/import/{Id}");
        }

        Refusal = outcome.Kind == OutcomeKind.Conflict
            ? Localized.T("Koblingen ble endret i en annen fane. Her er den som gjelder nå.", "The mapping was changed in another tab. This is the one that applies now.")
            : null;
        return outcome.Kind == OutcomeKind.Invalid ? await ShowAgainAsync(cancellationToken) : Show(outcome);
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        var outcome = await ImportInitiatives.ConfirmAsync(deps, Id, new ImportConfirmRequest(Version, Stamp), cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                return Redirect($"/arbeidsstrommer/tiltak/import/{Id}");
            case OutcomeKind.Invalid:
                Refusal = Localized.T("Ingenting er lagret: rett feilene nedenfor først.", "Nothing was saved: correct the errors below first.");
                return await ShowAgainAsync(cancellationToken);
            case OutcomeKind.Conflict:
                Refusal = Localized.T(
                    "Ingenting er lagret: importen eller et av tiltakene ble endret etter at du så forhåndsvisningen. Se over på nytt.",
                    "Nothing was saved: the import or one of its initiatives changed after you saw the preview. Review it again.");
                return Show(outcome);
            default:
                return Show(outcome);
        }
    }

    private async Task<IActionResult> ShowAgainAsync(CancellationToken cancellationToken) =>
        Show(await ImportInitiatives.GetAsync(deps, Id, cancellationToken));

    private IActionResult Show(Outcome<ImportPreview> outcome)
    {
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.Kind == OutcomeKind.Forbidden)
        {
            return Forbid();
        }

        Preview = outcome.Value;
        if (Preview is null)
        {
            return NotFound();
        }

        // The form shows the import as it is now, not what was posted.
        ModelState.Clear();
        Version = Preview.Version;
        return Page();
    }
}
