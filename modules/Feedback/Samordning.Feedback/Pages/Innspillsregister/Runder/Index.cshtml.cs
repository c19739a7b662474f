using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Feedback.Data;
using Samordning.Feedback.Register;
using Samordning.Feedback.Rounds;
using Samordning.Shared.Live;
using Samordning.Shared.Time;
using Samordning.Shared.Web;

namespace Samordning.Feedback.Pages.Innspillsregister.Runder;

internal sealed class RoundForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public List<Audience> Audience { get; set; } = [];
    public string? Questions { get; set; }

    // Entered as Oslo wall-clock time (datetime-local has no zone).
    public DateTime? OpensAt { get; set; }
    public DateTime? Deadline { get; set; }
    public bool IsPublic { get; set; } = true;
    public int? RetentionMonths { get; set; } = 24;

    public OpenRoundRequest ToRequest() => new(
        Title, Description, Audience,
        (Questions ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        OpensAt is { } opens ? RoundTexts.FromOsloLocal(opens) : null,
        Deadline is { } deadline ? RoundTexts.FromOsloLocal(deadline) : null,
        IsPublic, RetentionMonths);
}

internal sealed class IndexModel(FeedbackDbContext db, ICurrentUser user, IClock clock, IOutbox outbox, ILiveUpdates live) : PageModel
{
    [BindProperty]
    public RoundForm Input { get; set; } = new();

    public IReadOnlyList<RoundDetails> Rounds { get; private set; } = [];

    public DateTimeOffset Now => clock.UtcNow;

    // The rounds topic's sequence, read before the list (LiveSnapshot).
    public long LastSequence { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        (LastSequence, Rounds) = await live.ReadAsync(FeedbackLive.RoundsTopic, ct => OpenRound.ListAsync(db, ct), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!User.IsInRole(Roles.Coordinator))
        {
            return Forbid();
        }

        var outcome = await OpenRound.HandleAsync(db, user, clock, outbox, Input.ToRequest(), cancellationToken);
        if (this.Answer(outcome, _ => Redirect("/innspillsregister/runder")) is { } answered)
        {
            return answered;
        }

        Rounds = await OpenRound.ListAsync(db, cancellationToken);
        return Page();
    }
}
