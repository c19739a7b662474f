using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Overlaps;

// The likely overlaps the KMD team has yet to decide on (the finder's pairs less those dismissed or marked the same
// work), optionally only those involving one ministry; and the decisions themselves. Used by the API, the KMD page
// and the status report (IOpenOverlaps). Reasons are made only for the pairs returned.
internal sealed class OverlapList(WorkstreamsDbContext db, OverlapFinder finder) : IOpenOverlaps
{
    // Null while the index or the first pair list is being made (unless wait, which waits for the current one).
    public async Task<IReadOnlyList<OverlapPair>?> OpenAsync(Guid? ministryId, int limit, bool wait, CancellationToken cancellationToken)
    {
        if (await finder.PairsAsync(db, wait, cancellationToken) is not { } pairs)
        {
            return null;
        }

        var decided = (await db.OverlapDecisions.AsNoTracking().Select(d => new { d.FirstId, d.SecondId }).ToListAsync(cancellationToken))
            .Select(d => (d.FirstId, d.SecondId)).ToHashSet();
        var open = pairs.Hits
            .Where(p => !decided.Contains((p.FirstId, p.SecondId)))
            .Where(p => ministryId is null || p.FirstMinistryId == ministryId || p.SecondMinistryId == ministryId)
            .Take(limit);
        return finder.Describe(open);
    }

    // A stored report must hold the overlaps of the moment, so it waits for the index and the list.
    public async Task<IReadOnlyList<OpenOverlap>> ListAsync(int limit, CancellationToken cancellationToken) =>
        (await OpenAsync(null, limit, wait: true, cancellationToken) ?? [])
            .Select(p => new OpenOverlap(p.First.Id, p.First.Title, p.First.MinistryCode, p.Second.Id, p.Second.Title, p.Second.MinistryCode, p.Score, p.Reasons))
            .ToList();

    // Initiatives of other ministries like this one, for its page; null while the index is being built.
    public Task<IReadOnlyList<OverlapMatch>?> SimilarToAsync(Guid initiativeId, CancellationToken cancellationToken) =>
        finder.ForAsync(db, initiativeId, cancellationToken);

    // The initiatives marked as the same work as this one, for its page.
    public async Task<IReadOnlyList<SameWork>> SameWorkAsync(Guid initiativeId, CancellationToken cancellationToken)
    {
        var others = await db.OverlapDecisions.AsNoTracking()
            .Where(d => d.Verdict == OverlapVerdict.SameWork && (d.FirstId == initiativeId || d.SecondId == initiativeId))
            .Select(d => d.FirstId == initiativeId ? d.SecondId : d.FirstId)
            .ToListAsync(cancellationToken);
        return await db.Initiatives.AsNoTracking().Where(i => others.Contains(i.Id))
            .OrderBy(i => i.Title)
            .Select(i => new SameWork(i.Id, i.Title, i.OwningMinistryCode))
            .ToListAsync(cancellationToken);
    }
}

internal sealed record SameWork(Guid Id, string Title, string MinistryCode);
