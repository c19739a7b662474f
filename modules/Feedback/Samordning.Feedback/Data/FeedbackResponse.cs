namespace Samordning.Feedback.Data;

// What KMD did with the input ("you said, we did", issue 18).
internal enum ResponseOutcome
{
    UsedInChapter,
    NotUsed,
    Answered,
    Other,
}

// KMD's structured response to one input item; its id is the item's. Published, it shows on the input's public page
// and on the process page, and the contributor who left an e-mail address is told once: NotifiedAt is set with the
// mail in the same save and never cleared, so unpublishing and publishing again does not mail twice.
internal sealed class FeedbackResponse : IVersioned, IAudited, IPublicContent
{
    public bool IsPublicContent => Published;

    public Guid Id { get; init; }

    // KMD's summary of what was proposed, and what was done with it.
    public required string Summary { get; set; }
    public ResponseOutcome Outcome { get; set; }
    public int? Chapter { get; set; }
    public string? Text { get; set; }
    public bool Published { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? NotifiedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
    public long Version { get; set; }
}
