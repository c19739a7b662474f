using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Feedback.Data;
using Samordning.Feedback.Register;
using Samordning.Feedback.Rounds;
using Samordning.Feedback.Submissions;
using Samordning.Shared.Time;
using Samordning.Feedback.Pages.Partials;
using Samordning.Shared.Web;
using Samordning.Workstreams.Contracts;

namespace Samordning.Feedback.Pages.Innspillsregister;

internal sealed class RecordForm
{
    public Guid? RoundId { get; set; }
    public Channel? Channel { get; set; }
    public string? Source { get; set; }
    public DateOnly? ReceivedOn { get; set; }
    public ContributorType? ContributorType { get; set; }
    public string? OrganisationName { get; set; }
    public string? OrganisationNumber { get; set; }
    public string? ContributorName { get; set; }
    public string? ContributorEmail { get; set; }
    public string? Text { get; set; }
    public string? Tags { get; set; }
    public bool ConsentToPublish { get; set; }
    public bool ConsentToPublishName { get; set; }
    public List<Guid> WorkstreamIds { get; set; } = [];
    public List<Guid> InitiativeIds { get; set; } = [];

    // A date without a time is taken as noon in Oslo, which is the same day in every offset.
    public RecordInputRequest ToRequest() => new(
        RoundId, Channel, Source, ReceivedOn is { } day ? RoundTexts.FromOsloLocal(day.ToDateTime(new TimeOnly(12, 0))) : null,
        ContributorType, OrganisationName, OrganisationNumber, ContributorName, ContributorEmail, Text,
        ConsentToPublish, ConsentToPublishName, WorkstreamIds, Options.SplitTags(Tags), InitiativeIds);
}

// Input that arrived by e-mail or letter comes with its files: the same limits as the public page, a body over
// them gets Kestrel's 413, and a file over the size limit gets 413 with the message beside the field.
[RequestSizeLimit(AttachmentRules.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = AttachmentRules.MaxRequestBytes)]
internal sealed class NyModel(FeedbackDbContext db, IWorkstreamDirectory workstreams, IInitiativeDirectory initiatives, ICurrentUser user, IClock clock, IOutbox outbox) : PageModel
{
    [BindProperty]
    public RecordForm Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Attachments { get; set; } = [];

    public IReadOnlyList<RoundDetails> Rounds { get; private set; } = [];

    public IReadOnlyList<WorkstreamInfo> Workstreams { get; private set; } = [];

    public WorkstreamPicker Picker => new("Input.WorkstreamIds", Workstreams, Input.WorkstreamIds);

    // The initiatives the person may link to: a contact person's own ministry's (issue 16).
    public IReadOnlyList<InitiativeInfo> Initiatives { get; private set; } = [];

    // The picker's find without script, when the form was posted for it.
    public InitiativeFind? Find { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!FeedbackAccess.CanRecord(User))
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        Input.ReceivedOn = Oslo.DateOf(clock.UtcNow);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Before the files are read: someone who may not record gets 403 without the module buffering their upload.
        if (!FeedbackAccess.CanRecord(User))
        {
            return Forbid();
        }

        // A find shows the form again as posted and saves nothing; chosen files cannot be put back in a file field.
        if (await InitiativeFind.ReadAsync(initiatives, this, cancellationToken) is { } find)
        {
            Find = find;
            await LoadAsync(cancellationToken);
            return Page();
        }

        var files = await AttachmentRules.ReadAsync(Attachments, cancellationToken);
        var outcome = await RecordInput.HandleAsync(db, new(workstreams, initiatives), user, clock, outbox, Input.ToRequest(), files, cancellationToken);
        if (this.Answer(outcome, item => Redirect($"/innspillsregister/{item.Id}")) is { } answered)
        {
            return answered;
        }

        // The API's field is an instant; the form's is the date beside which the person must see the error.
        if (ModelState.TryGetValue("Input.ReceivedAt", out var received))
        {
            foreach (var error in received.Errors.ToList())
            {
                ModelState.AddModelError("Input.ReceivedOn", error.ErrorMessage);
            }

            ModelState.Remove("Input.ReceivedAt");
        }

        if (files.Any(f => f.Content.LongLength > AttachmentRules.MaxBytes))
        {
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Rounds = await OpenRound.ListAsync(db, cancellationToken);
        Workstreams = await workstreams.GetWorkstreamsAsync(cancellationToken);
        Initiatives = await initiatives.ChoicesAsync(User, Input.InitiativeIds, Find, cancellationToken);
    }
}
