namespace Samordning.Workstreams.Overlaps;

// Likely overlaps between different ministries' initiatives that the KMD team has neither dismissed nor marked as the
// same work, strongest first. The overlap finder answers it; the status report reads it, so the report does not
// need to know how overlaps are found.
internal interface IOpenOverlaps
{
    Task<IReadOnlyList<OpenOverlap>> ListAsync(int limit, CancellationToken cancellationToken);
}

// Reasons are short texts in Bokmål and English (what matched: title words, tags, description).
internal sealed record OpenOverlap(
    Guid FirstId,
    string FirstTitle,
    string FirstMinistry,
    Guid SecondId,
    string SecondTitle,
    string SecondMinistry,
    double Score,
    IReadOnlyList<Shared.Text.LocalizedText> Reasons);
