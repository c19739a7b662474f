namespace Samordning.Workstreams.Data;

internal enum OverlapVerdict
{
    Dismissed,
    SameWork,
}

// The KMD team's decision on a likely overlap between two initiatives of different ministries (issue 17): not the
// same work (dismissed, and not listed again), or the same work (which links the two; both initiatives' pages
// show it). Stored per pair, lesser id first, so the decision stays whatever the texts later say.
internal sealed class OverlapDecision : IVersioned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid FirstId { get; set; }
    public Guid SecondId { get; set; }
    public OverlapVerdict Verdict { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
    public required string DecidedBy { get; set; }
    public long Version { get; set; }
}
