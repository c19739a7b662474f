using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Ministries.Contracts;
using Samordning.Shared.Live;
using Samordning.Shared.Time;
using Samordning.Shared.Web;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;
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

internal sealed class IndexModel(WorkstreamsDbContext db, IMinistryDirectory directory, ICurrentUser user, IClock clock, IOutbox outbox, ILiveUpdates live) : PageModel
{
    [BindProperty]
    public RoundForm Input { get; set; } = new();

    public IReadOnlyList<RoundListItem> Rounds { get; private set; } = [];

    // The rounds topic's sequence, read before the list: the list follows it from there.
    public long LastSequence { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

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

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var snapshot = await live.ReadAsync(InitiativeLive.RoundsTopic, ct => RoundEndpoints.ListAsync(db, ct), cancellationToken);
        (LastSequence, Rounds) = (snapshot.Sequence, snapshot.Data);
    }
}
