using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Feedback.Data;
using Samordning.Feedback.Register;
using Samordning.Feedback.Rounds;
using Samordning.Shared.Time;

namespace Samordning.Feedback.Pages.Innspillsregister.Runder;

// One input round for the people who work with it: what it asks and until when, and where to act on it. Deadline
// reminders link here, so a contact person finds the ministry's form and a coordinator the round's input.
internal sealed class DetaljerModel(FeedbackDbContext db, IClock clock) : PageModel
{
    public RoundDetails Round { get; private set; } = null!;

    public bool IsOpen { get; private set; }

    // Whether the contact person's ministry has sent input to the round; null for everyone else.
    public bool? MinistryAnswered { get; private set; }

    public bool CanAnswerForMinistry { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!FeedbackAccess.CanRead(User))
        {
            return Forbid();
        }

        if (await OpenRound.GetAsync(db, id, cancellationToken) is not { } round)
        {
            return NotFound();
        }

        Round = round;
        IsOpen = round.IsOpenAt(clock.UtcNow);
        if (User.IsInRole(Roles.ContactPerson) && User.MinistryId() is { } ministry)
        {
            MinistryAnswered = await db.Items.AnyAsync(i => i.RoundId == id && i.MinistryId == ministry, cancellationToken);
            CanAnswerForMinistry = IsOpen;
        }

        return Page();
    }
}
