using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Feedback.Data;
using Samordning.Feedback.Register;
using Samordning.Feedback.Rounds;
using Samordning.Shared.Live;
using Samordning.Workstreams.Contracts;

namespace Samordning.Feedback.Pages.Innspillsregister;

internal sealed class IndexModel(FeedbackDbContext db, IWorkstreamDirectory workstreams, ILiveUpdates live) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? RoundId { get; set; }

    [BindProperty(SupportsGet = true)]
    public FeedbackStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Channel? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? WorkstreamId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tag { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "side")]
    public int PageNumber { get; set; } = 1;

    public ItemPage Result { get; private set; } = new([], 0, 1, ListItems.PageSize);

    public IReadOnlyList<RoundDetails> Rounds { get; private set; } = [];

    public IReadOnlyList<WorkstreamInfo> Workstreams { get; private set; } = [];

    // The register topic this person follows (their ministry's, or across ministries) and its sequence, read before
    // the list (LiveSnapshot).
    public string? LiveTopic { get; private set; }

    public long LastSequence { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!FeedbackAccess.CanRead(User))
        {
            return Forbid();
        }

        Rounds = await OpenRound.ListAsync(db, cancellationToken);
        Workstreams = await workstreams.GetWorkstreamsAsync(cancellationToken);
        var filter = new ItemFilter(RoundId, Status, Channel, WorkstreamId, Tag, Search, PageNumber);
        if (await ListItems.CheckFilterAsync(workstreams, filter, cancellationToken) is { Any: true } errors)
        {
            // The filter's fields are at the top level of the query string, not under a prefix.
            foreach (var (field, messages) in errors.ToDictionary())
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field, message);
                }
            }

            return Page();
        }

        LiveTopic = FeedbackLive.RegisterTopic(User);
        if (LiveTopic is null)
        {
            Result = await ListItems.ListAsync(db, User, filter, cancellationToken);
            return Page();
        }

        (LastSequence, Result) = await live.ReadAsync(LiveTopic, ct => ListItems.ListAsync(db, User, filter, ct), cancellationToken);
        return Page();
    }

    // Names beside ids: the register shows what a workstream is called, never its id.
    public string WorkstreamNames(IReadOnlyList<Guid> ids) =>
        ids.Count == 0 ? "–" : string.Join(", ", Workstreams.Where(w => ids.Contains(w.Id)).Select(WorkstreamChoices.Name).DefaultIfEmpty("–"));

    public string RoundTitle(Guid? id) => Rounds.FirstOrDefault(r => r.Id == id)?.Title ?? "–";
}
