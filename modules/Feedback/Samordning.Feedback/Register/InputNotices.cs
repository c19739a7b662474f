using Samordning.Feedback.Data;
using Samordning.Shared.Activity;

namespace Samordning.Feedback.Register;

// New input on a workstream reaches the people who follow it: staged in the outbox with the item's change. Only the
// reference travels, not who gave the input, so no contributor's personal data sits in anyone's notifications.
internal static class InputNotices
{
    public static void LinkedToWorkstreams(FeedbackDbContext db, FeedbackItem item, IReadOnlyList<Guid> added, string occurrence, Guid? actor, DateTimeOffset at)
    {
        if (added.Count == 0)
        {
            return;
        }

        db.StageEvent(new ActivityHappened(
            $"input:{item.Id}:{occurrence}",
            ActivityKinds.WorkstreamInput,
            actor,
            [],
            added,
            new($"Nytt innspill {item.Reference} i en arbeidsstrøm du følger", $"New input {item.Reference} on a workstream you follow"),
            $"/innspillsregister/{item.Id}",
            at));
    }
}
