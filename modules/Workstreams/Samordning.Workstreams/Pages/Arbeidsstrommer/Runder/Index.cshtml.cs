using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Ministries.Contracts;
using Samordning.Shared.Time;
using Samordning.Shared.Web;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Rounds;

namespace Samordning.Workstreams.Pages.Arbeidsstrommer.Runder;

internal sealed class RoundForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }

    // Entered as Oslo wall-clock time (datetime-local has no zone).
    public DateTime? Deadline { get; set; }

    public OpenRoundRequest ToRequest() => new(
        Title, Description, Deadline is { } local ? DateRange.FromOsloLocal(local) : null);
}

internal sealed class IndexModel(WorkstreamsDbContext db, IMinistryDirectory directory, ICurrentUser user, IClock clock, IOutbox outbox) : PageModel
{
    [BindProperty]
    public RoundForm Input { get; set; } = new();

    public IReadOnlyList<RoundListItem> Rounds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rounds = await RoundEndpoints.ListAsync(db, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!User.IsInRole(Roles.Coordinator))
        {
            return Forbid();
        }

        var outcome = await RoundEndpoints.OpenAsync(db, directory, user, clock, outbox, Input.ToRequest(), cancellationToken);
        if (this.Answer(outcome, round => Redirect($"/arbeidsstrommer/runder/{round.Id}")) is { } answered)
        {
            return answered;
        }

        Rounds = await RoundEndpoints.ListAsync(db, cancellationToken);
        return Page();
    }
}
