using Samordning.Workstreams.Overlaps;

namespace Samordning.Workstreams.Pages.Arbeidsstrommer.Tiltak;

// What an initiative's page shows of overlaps: likely ones in other ministries and those marked as the same work.
// JustSaved puts the suggestions first in the reader's attention after a save (the form's suggestions without script).
// Pending: this node is still building its overlap index (after it started); the page says so rather than wait.
internal sealed record OverlapsView(IReadOnlyList<OverlapMatch> Similar, IReadOnlyList<SameWork> SameWork, bool JustSaved, bool Pending)
{
    public static async Task<OverlapsView> LoadAsync(OverlapList overlaps, Guid id, bool justSaved, CancellationToken cancellationToken)
    {
        var sameWork = await overlaps.SameWorkAsync(id, cancellationToken);
        var linked = sameWork.Select(s => s.Id).ToHashSet();
        var similar = await overlaps.SimilarToAsync(id, cancellationToken);
        return new OverlapsView([.. (similar ?? []).Where(m => !linked.Contains(m.Id))], sameWork, justSaved, similar is null);
    }
}
