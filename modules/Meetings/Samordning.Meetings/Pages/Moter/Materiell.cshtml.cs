using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Meetings.Materials;
using Samordning.Meetings.Meetings;
using Samordning.Shared.Web;

namespace Samordning.Meetings.Pages.Moter;

internal sealed class UploadForm
{
    public string? Title { get; set; }
    public IFormFile? File { get; set; }
}

internal sealed class RecordingForm
{
    public string? Title { get; set; }
    public string? Url { get; set; }
}

[BoundedForm(PresentationFiles.MaxBytes, (2 * PresentationFiles.MaxBytes) + (1024 * 1024))]
internal sealed class MateriellModel(MeetingServices deps) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "lagret")]
    public bool Saved { get; set; }

    [BindProperty]
    public UploadForm Upload { get; set; } = new();

    [BindProperty]
    public RecordingForm Recording { get; set; } = new();

    public IReadOnlyList<MaterialView> Materials { get; private set; } = [];

    public IReadOnlyList<string> FileErrors =>
        ModelState.TryGetValue("Upload.File", out var entry) ? [.. entry.Errors.Select(e => e.ErrorMessage)] : [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    // A file over the module's limit gets an error beside the field, with the title as typed, however large the
    // file (BoundedForm reads the form).
    public async Task<IActionResult> OnPostUploadAsync(CancellationToken cancellationToken)
    {
        var outcome = await MaterialEndpoints.UploadAsync(deps, Id, Upload.Title, Upload.File, cancellationToken);
        return this.Answer(outcome, _ => Redirect($"/moter/{Id}/materiell?lagret=true"), prefix: "Upload") ?? await LoadAsync(cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostRecordingAsync(CancellationToken cancellationToken)
    {
        var outcome = await MaterialEndpoints.AddRecordingAsync(deps, Id, new RecordingRequest(Recording.Title, Recording.Url), cancellationToken);
        return this.Answer(outcome, _ => Redirect($"/moter/{Id}/materiell?lagret=true"), prefix: "Recording") ?? await LoadAsync(cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var meeting = await deps.Db.Meetings.AsNoTracking().WithChildren().FirstOrDefaultAsync(m => m.Id == Id, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }

        if (!MeetingAccess.CanManage(User, meeting))
        {
            return Forbid();
        }

        Materials = await MaterialEndpoints.ListAsync(deps.Db, Id, cancellationToken);
        return null;
    }
}
