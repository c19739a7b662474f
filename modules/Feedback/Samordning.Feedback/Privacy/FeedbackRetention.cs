namespace Samordning.Feedback.Privacy;

// Modules:Feedback:Retention. A round carries its own retention (months after its deadline); input recorded
// without a round has no deadline, so its personal data is kept this many months after it was received.
internal sealed class FeedbackRetention
{
    public const string Section = "Modules:Feedback:Retention";

    public int InputWithoutRoundMonths { get; set; } = 24;
}
