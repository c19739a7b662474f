using Samordning.Workstreams.Overlaps;

namespace Samordning.Workstreams.Pages.Arbeidsstrommer.Tiltak;

// What an initiative's page shows of overlaps: likely ones in other ministries and those marked as the same work.
// JustSaved puts the suggestions first in the reader's attention after a save (the form's suggestions without script).
internal sealed record OverlapsView(IReadOnlyList<OverlapMatch> Similar, IReadOnlyList<SameWork> SameWork, bool JustSaved)
{
    public static async Task<OverlapsView> LoadAsync(OverlapList overlaps, Guid id, bool justSaved, CancellationToken cancellationToken)
    {
        var sameWork = await overlaps.SameWorkAsync(id, cancellationToken);
        var linked = sameWork.Select(s => s.Id).ToHashSet();
        var similar = (await overlaps.SimilarToAsync(id, cancellationToken)).Where(m => !linked.Contains(m.Id)).ToList();
        return new OverlapsView(similar, sameWork, justSaved);
    }
}
