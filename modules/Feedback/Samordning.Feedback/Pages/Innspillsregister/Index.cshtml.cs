using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Feedback.Data;
using Samordning.Feedback.Register;
using Samordning.Feedback.Rounds;

namespace Samordning.Feedback.Pages.Innspillsregister;

internal sealed class IndexModel(FeedbackDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? RoundId { get; set; }

    [BindProperty(SupportsGet = true)]
    public FeedbackStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Channel? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tag { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public IReadOnlyList<ItemSummary> Items { get; private set; } = [];

    public IReadOnlyList<RoundDetails> Rounds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!FeedbackAccess.CanRead(User))
        {
            return Forbid();
        }

        Rounds = await OpenRound.ListAsync(db, cancellationToken);
        Items = await ListItems.ListAsync(db, User, new ItemFilter(RoundId, Status, Channel, null, Tag, Search), cancellationToken);
        return Page();
    }

    public string RoundTitle(Guid? id) => Rounds.FirstOrDefault(r => r.Id == id)?.Title ?? "–";
}
