using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Feedback.Data;
using Samordning.Feedback.Register;
using Samordning.Feedback.Rounds;
using Samordning.Shared.Time;
using Samordning.Shared.Web;

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

    // A date without a time is taken as noon in Oslo, which is the same day in every offset.
    public RecordInputRequest ToRequest() => new(
        RoundId, Channel, Source, ReceivedOn is { } day ? RoundTexts.FromOsloLocal(day.ToDateTime(new TimeOnly(12, 0))) : null,
        ContributorType, OrganisationName, OrganisationNumber, ContributorName, ContributorEmail, Text,
        ConsentToPublish, ConsentToPublishName, [], Options.SplitTags(Tags));
}

internal sealed class NyModel(FeedbackDbContext db, ICurrentUser user, IClock clock) : PageModel
{
    [BindProperty]
    public RecordForm Input { get; set; } = new();

    public IReadOnlyList<RoundDetails> Rounds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!FeedbackAccess.CanRecord(User))
        {
            return Forbid();
        }

        Rounds = await OpenRound.ListAsync(db, cancellationToken);
        Input.ReceivedOn = DateOnly.FromDateTime(Oslo.ToOslo(clock.UtcNow).DateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await RecordInput.HandleAsync(db, user, clock, Input.ToRequest(), cancellationToken);
        if (this.Answer(outcome, item => Redirect($"/innspillsregister/{item.Id}")) is { } answered)
        {
            return answered;
        }

        Rounds = await OpenRound.ListAsync(db, cancellationToken);
        return Page();
    }
}
