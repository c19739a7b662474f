using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samordning.Feedback.Data;
using Samordning.Feedback.Register;
using Samordning.Feedback.Rounds;
using Samordning.Shared.Live;
using Samordning.Shared.Time;

namespace Samordning.Feedback.Pages.Innspillsregister.Runder;

// One input round for the people who work with it: what it asks and until when, and where to act on it. Deadline
// reminders link here, so a contact person finds the ministry's form and a coordinator the round's input. It is
// live: input arriving or assessed (the reader's register topic) and the round changed (the rounds topic) show
// without a reload, each topic's sequence read before the data.
internal sealed class DetaljerModel(FeedbackDbContext db, IClock clock, ILiveUpdates live) : PageModel
{
    public RoundDetails Round { get; private set; } = null!;

    public bool IsOpen { get; private set; }

    // Whether the contact person's ministry has sent input to the round; null for everyone else.
    public bool? MinistryAnswered { get; private set; }

    public bool CanAnswerForMinistry { get; private set; }

    // The round's input the reader may see, by status (in the enum's order), and in all.
    public IReadOnlyList<(FeedbackStatus Status, int Count)> Input { get; private set; } = [];

    public int InputCount => Input.Sum(i => i.Count);

    // "topic=after" for each topic the page follows (data-live-topics).
    public string LiveTopics { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!FeedbackAccess.CanRead(User))
        {
            return Forbid();
        }

        // The sequences before the data: a change committed between the reads is shown, or applied by the client.
        var topics = new List<string> { FeedbackLive.RoundsTopic };
        if (FeedbackLive.RegisterTopic(User) is { } register)
        {
            topics.Add(register);
        }

        var sequences = new List<string>();
        foreach (var topic in topics)
        {
            sequences.Add($"{topic}={await live.GetLastSequenceAsync(topic, cancellationToken)}");
        }

        LiveTopics = string.Join(' ', sequences);
        if (await OpenRound.GetAsync(db, id, cancellationToken) is not { } round)
        {
            return NotFound();
        }

        var counts = await db.Items.Visible(User).Where(i => i.RoundId == id)
            .GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        Input = [.. counts.OrderBy(c => c.Key).Select(c => (c.Key, c.Count))];

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
