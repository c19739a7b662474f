using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Ministries.Contracts;
using Samordning.Shared.Links;
using Samordning.Shared.Live;
using Samordning.Shared.Web;
using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;
using Samordning.Workstreams.Overlaps;

namespace Samordning.Workstreams.Pages.Arbeidsstrommer.Tiltak;

internal sealed class ProgressForm
{
    public Phase Phase { get; set; }
    public int Progress { get; set; }
    public Rag Status { get; set; }
    public string? StatusReason { get; set; }
    public string? Note { get; set; }
    public long? Version { get; set; }

    public ProgressRequest ToRequest() => new(Phase, Progress, Status, StatusReason, Note, Version);
}

internal sealed class DetaljerModel(InitiativeServices deps, IMinistryDirectory directory, IEnumerable<ILinkedItemsSource> sources, ILiveUpdates live, OverlapList overlaps) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "lagret")]
    public bool Saved { get; set; }

    [BindProperty]
    public ProgressForm Input { get; set; } = new();

    public InitiativeDetails? Initiative { get; private set; }

    public IReadOnlyList<ProgressItem> History { get; private set; } = [];

    public FilterOptions? Options { get; private set; }

    // Its meetings, decisions, action items and input, as far as the reader may see them (issue 16).
    public LinkedView? Linked { get; private set; }

    public bool CanEdit { get; private set; }

    // Like initiatives of other ministries, and those marked as the same work (issue 17): shown after every save too.
    public OverlapsView? Overlaps { get; private set; }

    public DateTimeOffset Now => deps.Clock.UtcNow;

    public bool CanAddProgress { get; private set; }

    public bool Conflict { get; private set; }

    // The initiative's topic and its sequence, read before the initiative (LiveSnapshot): the page follows it from there.
    public string Topic => InitiativeLive.InitiativeTopic(Id);

    public long LastSequence { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Input = new ProgressForm
        {
            Phase = Initiative!.Phase,
            Progress = Initiative.Progress,
            Status = Initiative.Status,
            StatusReason = Initiative.StatusReason,
            Version = Initiative.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await Progress.AddAsync(deps, Id, Input.ToRequest(), cancellationToken);
        if (this.Answer(outcome, _ => Redirect($"/arbeidsstrommer/tiltak/{Id}?lagret=true"), current => (Conflict, Input.Version) = (true, current.Version)) is { } answered)
        {
            return answered;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        LastSequence = await live.GetLastSequenceAsync(Topic, cancellationToken);
        var entity = await deps.Db.Initiatives.AsNoTracking().WithChildren().FirstOrDefaultAsync(i => i.Id == Id, cancellationToken);
        if (entity is null)
        {
            return false;
        }

        Initiative = InitiativeDetails.From(entity);
        History = await Progress.ListAsync(deps.Db, Id, cancellationToken);
        Options = await FilterOptions.LoadAsync(deps.Db, directory, cancellationToken);
        CanEdit = InitiativeAccess.CanEdit(User, entity);
        CanAddProgress = InitiativeAccess.CanAddProgress(User, entity);
        Linked = await LinkedView.LoadAsync(sources, new LinkTarget(null, [Id]), User, cancellationToken);
        Overlaps = await OverlapsView.LoadAsync(overlaps, Id, Saved, cancellationToken);
        return true;
    }
}
