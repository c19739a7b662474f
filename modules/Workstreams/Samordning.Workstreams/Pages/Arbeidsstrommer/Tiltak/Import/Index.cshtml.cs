using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Samordning.Shared.Web;
using Samordning.Workstreams.Initiatives;
using Samordning.Workstreams.Initiatives.Import;

namespace Samordning.Workstreams.Pages.Arbeidsstrommer.Tiltak.Import;

internal sealed class ImportUploadForm
{
    public Guid? MinistryId { get; set; }
    public IFormFile? File { get; set; }
}

// Step one of an import: choose the ministry (coordinators) and the file. A file over the limit is named beside
// the field, however large (BoundedForm reads the form).
[BoundedForm(ImportLimits.MaxBytes, (2 * ImportLimits.MaxBytes) + (1024 * 1024))]
internal sealed class IndexModel(InitiativeServices deps) : PageModel
{
    [BindProperty]
    public ImportUploadForm Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Ministries { get; private set; } = [];

    public bool ChoosesMinistry => User.IsInRole(Roles.Coordinator);

    public IReadOnlyList<string> FileErrors =>
        ModelState.TryGetValue("Input.File", out var entry) ? [.. entry.Errors.Select(e => e.ErrorMessage)] : [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!InitiativeAccess.CanCreateAny(User))
        {
            return Forbid();
        }

        Input.MinistryId = User.MinistryId();
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var file = Input.File;
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("Input.File", ImportEndpoints.ChooseFile);
        }
        else if (file.Length > ImportLimits.MaxBytes)
        {
            ModelState.AddModelError("Input.File", ImportFile.TooLarge);
        }
        else
        {
            var outcome = await ImportInitiatives.UploadAsync(deps, ChoosesMinistry ? Input.MinistryId : null, file.FileName, await ImportEndpoints.ReadAsync(file, cancellationToken), cancellationToken);
            if (this.Answer(outcome, preview => Redirect($"/arbeidsstrommer/tiltak/import/{preview.Id}")) is { } answered)
            {
                return answered;
            }
        }

        if (!InitiativeAccess.CanCreateAny(User))
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var options = await InitiativeFormOptions.LoadAsync(deps.Db, deps.Directory, User, cancellationToken);
        Ministries = options.OwningMinistries;
    }
}
