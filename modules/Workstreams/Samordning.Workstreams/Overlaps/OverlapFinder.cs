using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Overlaps;

// The overlap index each node keeps in memory, current with the database. Every save in the module moves
// DashboardVersion in its own transaction (WorkstreamsDbContext), so one tiny read per request says whether this
// node's index may be stale; only then are the initiatives' (id, version) pairs read and the changed, new and
// removed ones applied. That works the same on SQLite, PostgreSQL and SQL Server and on any number of nodes
// (each node catches up from the database, whichever node wrote), and a suggestion while typing costs one
// indexed read plus an in-memory lookup. See docs/decisions.md (overlap between ministries).
internal sealed class OverlapFinder : IDisposable
{
    // How many suggestions a person gets, and how alike (cosine) an initiative must be to be suggested at all:
    // measured on the labelled set (OverlapEvaluationTests), where it keeps precision and recall both high.
    public const int SuggestionLimit = 5;
    public const double MinimumScore = 0.20;

    private const int Chunk = 500;

    private readonly SemaphoreSlim refreshing = new(1, 1);
    private readonly ReaderWriterLockSlim gate = new();
    private readonly OverlapIndex index = new();
    private readonly Dictionary<Guid, long> versions = [];
    private long version = -1;
    private volatile PairCache? pairs;

    public async Task<IReadOnlyList<OverlapMatch>> SuggestAsync(
        WorkstreamsDbContext db, string title, string? description, IReadOnlyList<string> tags, Guid? ministryId, Guid? excludeId, CancellationToken cancellationToken)
    {
        await RefreshAsync(db, cancellationToken);
        return Read(() => index.Find(title, description, tags, ministryId, excludeId, SuggestionLimit, MinimumScore));
    }

    public async Task<IReadOnlyList<OverlapMatch>> ForAsync(WorkstreamsDbContext db, Guid id, CancellationToken cancellationToken)
    {
        await RefreshAsync(db, cancellationToken);
        return Read(() => index.FindFor(id, SuggestionLimit, MinimumScore));
    }

    // Every likely pair across ministries, strongest first, each once (first id the lesser). Made from the index
    // once per index version and kept, since the KMD list and the status report ask for all of them.
    public async Task<IReadOnlyList<OverlapPair>> PairsAsync(WorkstreamsDbContext db, CancellationToken cancellationToken)
    {
        var current = await RefreshAsync(db, cancellationToken);
        if (pairs is { } kept && kept.Version == current)
        {
            return kept.Pairs;
        }

        var made = Read(() =>
        {
            var found = new Dictionary<(Guid, Guid), OverlapPair>();
            foreach (var source in index.Sources)
            {
                foreach (var match in index.FindFor(source.Id, SuggestionLimit, MinimumScore))
                {
                    var (first, second) = source.Id.CompareTo(match.Id) < 0
                        ? (new OverlapSide(source.Id, source.Title, source.MinistryId, source.MinistryCode), new OverlapSide(match.Id, match.Title, match.MinistryId, match.MinistryCode))
                        : (new OverlapSide(match.Id, match.Title, match.MinistryId, match.MinistryCode), new OverlapSide(source.Id, source.Title, source.MinistryId, source.MinistryCode));
                    if (!found.TryGetValue((first.Id, second.Id), out var known) || known.Score < match.Score)
                    {
                        found[(first.Id, second.Id)] = new OverlapPair(first, second, match.Score, match.Reasons);
                    }
                }
            }

            return found.Values.OrderByDescending(p => p.Score).ThenBy(p => p.First.Id).ThenBy(p => p.Second.Id).ToList();
        });
        pairs = new PairCache(current, made);
        return made;
    }

    public void Dispose()
    {
        refreshing.Dispose();
        gate.Dispose();
    }

    private T Read<T>(Func<T> read)
    {
        gate.EnterReadLock();
        try
        {
            return read();
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    private async Task<long> RefreshAsync(WorkstreamsDbContext db, CancellationToken cancellationToken)
    {
        var stored = await db.DashboardVersions.AsNoTracking()
            .Where(v => v.Id == DashboardVersion.SingleId).Select(v => v.Version).FirstOrDefaultAsync(cancellationToken);
        if (Volatile.Read(ref version) >= stored)
        {
            return Volatile.Read(ref version);
        }

        await refreshing.WaitAsync(cancellationToken);
        try
        {
            if (version >= stored)
            {
                return version;
            }

            // The version is read before the initiatives: what we read is at least as new as its number.
            var now = await db.Initiatives.AsNoTracking().Select(i => new { i.Id, i.Version }).ToListAsync(cancellationToken);
            var changed = now.Where(i => !versions.TryGetValue(i.Id, out var known) || known != i.Version).Select(i => i.Id).ToList();
            var gone = versions.Keys.Except(now.Select(i => i.Id)).ToList();
            var sources = new List<(OverlapSource Source, long Version)>();
            foreach (var chunk in changed.Chunk(Chunk))
            {
                sources.AddRange(await SourcesAsync(db, chunk, cancellationToken));
            }

            gate.EnterWriteLock();
            try
            {
                foreach (var id in gone)
                {
                    index.Remove(id);
                    versions.Remove(id);
                }

                foreach (var (source, sourceVersion) in sources)
                {
                    index.Upsert(source);
                    versions[source.Id] = sourceVersion;
                }

                index.Settle();
            }
            finally
            {
                gate.ExitWriteLock();
            }

            Volatile.Write(ref version, stored);
            return stored;
        }
        finally
        {
            refreshing.Release();
        }
    }

    private static async Task<IEnumerable<(OverlapSource, long)>> SourcesAsync(WorkstreamsDbContext db, Guid[] ids, CancellationToken cancellationToken)
    {
        var rows = await db.Initiatives.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.OwningMinistryId, i.OwningMinistryCode, i.Title, i.Summary, i.Version, Tags = i.Tags.Select(t => t.Tag).ToList() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (new OverlapSource(r.Id, r.OwningMinistryId, r.OwningMinistryCode, r.Title, r.Summary, r.Tags), r.Version));
    }

    private sealed record PairCache(long Version, IReadOnlyList<OverlapPair> Pairs);
}

internal sealed record OverlapSide(Guid Id, string Title, Guid MinistryId, string MinistryCode);

internal sealed record OverlapPair(OverlapSide First, OverlapSide Second, double Score, IReadOnlyList<Shared.Text.LocalizedText> Reasons);
