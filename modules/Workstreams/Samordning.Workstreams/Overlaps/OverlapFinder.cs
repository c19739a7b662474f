using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Overlaps;

// The overlap index each node keeps in memory, current with the database.
// Built in the background when the node starts (OverlapIndexService): until then a lookup answers null ("not
// ready") at once, and a page or the suggest API says so rather than waiting for it (a minute's build at 50,000
// initiatives would otherwise hold the first request). Every save in the module moves DashboardVersion in its own
// transaction (WorkstreamsDbContext), so one tiny read per request says whether this node's index may be stale;
// only then are the initiatives' (id, version) pairs read and the changed, new and removed ones applied, by one
// refresh at a time that the request waits for a short while (so a person sees their own save). That works the same
// on SQLite, PostgreSQL and SQL Server and on any number of nodes (each catches up from the database, whichever node
// wrote; the service also polls, so an idle node converges too). See docs/decisions.md (overlap between ministries).
internal sealed partial class OverlapFinder(IServiceScopeFactory scopes, ILogger<OverlapFinder> logger) : IDisposable
{
    // How many suggestions a person gets, and how alike (cosine) an initiative must be to be suggested at all:
    // measured on the labelled set (OverlapEvaluationTests), where it keeps precision and recall both high.
    public const int SuggestionLimit = 5;
    public const double MinimumScore = 0.20;

    private const int Chunk = 500;

    // A refresh that finds more changed than this builds a new index beside the one being read and swaps it in,
    // rather than holding readers while it applies them (a bulk import, or the first catch-up after a long pause).
    private const int RebuildAbove = 2_000;

    // The pair list is made in slices, each under its own read lock, so a save waits at most one slice.
    private const int PairSlice = 1_000;

    // How long a request waits for this node to apply a change it has seen committed, and for the pair list to be
    // made again after one; after that it answers from what the node has (at most that stale).
    private static readonly TimeSpan CatchUpWait = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan PairWait = TimeSpan.FromSeconds(2);

    private readonly ReaderWriterLockSlim gate = new();
    private readonly Lock starting = new();
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource stopping = new();
    private OverlapIndex? index;
    private Dictionary<Guid, long> versions = [];
    private long version = -1;
    private Task? refresh;
    private Task? making;
    private volatile OverlapPairs? pairs;

    public bool IsReady => Volatile.Read(ref index) is not null;

    // The seconds the last full build took, for the log and the benchmark.
    public TimeSpan? BuildTime { get; private set; }

    public Task WhenReadyAsync(CancellationToken cancellationToken) => ready.Task.WaitAsync(cancellationToken);

    // Null while the index is being built.
    public async Task<IReadOnlyList<OverlapMatch>?> SuggestAsync(
        WorkstreamsDbContext db, string title, string? description, IReadOnlyList<string> tags, Guid? ministryId, Guid? excludeId, CancellationToken cancellationToken)
    {
        if (!IsReady)
        {
            return null;
        }

        await CatchUpAsync(db, cancellationToken);
        return Read(i => i.Find(title, description, tags, ministryId, excludeId, SuggestionLimit, MinimumScore));
    }

    // Null while the index is being built.
    public async Task<IReadOnlyList<OverlapMatch>?> ForAsync(WorkstreamsDbContext db, Guid id, CancellationToken cancellationToken)
    {
        if (!IsReady)
        {
            return null;
        }

        await CatchUpAsync(db, cancellationToken);
        return Read(i => i.FindFor(id, SuggestionLimit, MinimumScore));
    }

    // Every likely pair across ministries, strongest first, each once (first id the lesser): each initiative's own
    // lookup, made once per index version and kept, since the KMD list and the status report ask for all of them.
    // Null while the index or the first list is being made; with wait, it waits for the list of the current version.
    public async Task<OverlapPairs?> PairsAsync(WorkstreamsDbContext db, bool wait, CancellationToken cancellationToken)
    {
        if (!IsReady)
        {
            if (!wait)
            {
                return null;
            }

            await WhenReadyAsync(cancellationToken);
        }

        var current = await CatchUpAsync(db, cancellationToken);
        if (pairs is { } kept && kept.Version >= current)
        {
            return kept;
        }

        var made = StartPairs();
        try
        {
            await (wait ? made.WaitAsync(cancellationToken) : made.WaitAsync(PairWait, cancellationToken));
        }
        catch (TimeoutException)
        {
            // Still being made: the last list, a few seconds old, or none yet.
        }

        return pairs;
    }

    // The pairs as a reader sees them, with why; those no longer in the index are left out.
    public IReadOnlyList<OverlapPair> Describe(IEnumerable<OverlapHit> hits) =>
        Read(i => hits.Select(i.Describe).OfType<OverlapPair>().ToList());

    // The whole index from one streamed read of the columns it needs (the initiatives with their tags, in id order),
    // beside the one being read (if any), then swapped in. The version is read first: what follows is at least as new.
    public async Task BuildAsync(WorkstreamsDbContext db, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var stored = await StoredVersionAsync(db, cancellationToken);
        var built = new OverlapIndex();
        var known = new Dictionary<Guid, long>();
        var rows = from i in db.Initiatives.AsNoTracking()
                   from t in i.Tags.DefaultIfEmpty()
                   orderby i.Id
                   select new { i.Id, i.OwningMinistryId, i.OwningMinistryCode, i.Title, i.Summary, i.Version, Tag = t == null ? null : t.Tag };
        var tags = new List<string>();
        OverlapSource? pending = null;
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (pending is null || pending.Id != row.Id)
            {
                Add();
                pending = new OverlapSource(row.Id, row.OwningMinistryId, row.OwningMinistryCode, row.Title, row.Summary, []);
                known[row.Id] = row.Version;
            }

            if (row.Tag is { } tag)
            {
                tags.Add(tag);
            }
        }

        Add();
        built.Settle();
        Write(() =>
        {
            index = built;
            versions = known;
        });
        Volatile.Write(ref version, stored);
        BuildTime = Stopwatch.GetElapsedTime(started);
        ready.TrySetResult();
        LogBuilt(logger, built.Count, BuildTime.Value.TotalSeconds);

        void Add()
        {
            if (pending is not null)
            {
                built.Upsert(pending with { Tags = tags.Count == 0 ? [] : [.. tags] });
                tags.Clear();
            }
        }
    }

    // The service's tick: catches up (one refresh at a time, shared with requests).
    public Task PollAsync(CancellationToken cancellationToken) => StartRefresh().WaitAsync(cancellationToken);

    // Once the index is built: applies what changed since, if the stored version moved. Only through StartRefresh,
    // so one runs at a time.
    private async Task<long> RefreshAsync(WorkstreamsDbContext db, CancellationToken cancellationToken)
    {
        var stored = await StoredVersionAsync(db, cancellationToken);
        if (Volatile.Read(ref version) >= stored || !IsReady)
        {
            return Volatile.Read(ref version);
        }

        var changed = new List<Guid>();
        var matched = 0;
        await foreach (var row in db.Initiatives.AsNoTracking().Select(i => new { i.Id, i.Version }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!versions.TryGetValue(row.Id, out var known))
            {
                changed.Add(row.Id);
            }
            else
            {
                matched++;
                if (known != row.Version)
                {
                    changed.Add(row.Id);
                }
            }
        }

        // Initiatives are not deleted today; should one be, the ids are read once more to find which.
        var gone = matched == versions.Count ? [] : versions.Keys.Except(await db.Initiatives.AsNoTracking().Select(i => i.Id).ToListAsync(cancellationToken)).ToList();
        if (changed.Count + gone.Count > RebuildAbove)
        {
            await BuildAsync(db, cancellationToken);
            return Volatile.Read(ref version);
        }

        var sources = new List<(OverlapSource Source, long Version)>();
        foreach (var chunk in changed.Chunk(Chunk))
        {
            var rows = await db.Initiatives.AsNoTracking().Where(i => chunk.Contains(i.Id))
                .Select(i => new { i.Id, i.OwningMinistryId, i.OwningMinistryCode, i.Title, i.Summary, i.Version, Tags = i.Tags.Select(t => t.Tag).ToList() })
                .ToListAsync(cancellationToken);
            sources.AddRange(rows.Select(r => (new OverlapSource(r.Id, r.OwningMinistryId, r.OwningMinistryCode, r.Title, r.Summary, r.Tags), r.Version)));
        }

        Write(() =>
        {
            foreach (var id in gone)
            {
                index!.Remove(id);
                versions.Remove(id);
            }

            foreach (var (source, sourceVersion) in sources)
            {
                index!.Upsert(source);
                versions[source.Id] = sourceVersion;
            }

            index!.Settle();
        });
        Volatile.Write(ref version, stored);
        return stored;
    }

    // Makes the pair list of the current version unless it is made or being made.
    public Task StartPairs()
    {
        lock (starting)
        {
            if (making is null || making.IsCompleted)
            {
                making = Task.Run(MakePairs, CancellationToken.None);
            }

            return making;
        }
    }

    public void Dispose()
    {
        stopping.Cancel();
        stopping.Dispose();
        gate.Dispose();
    }

    private void MakePairs()
    {
        var current = Volatile.Read(ref version);
        if (pairs is { } kept && kept.Version >= current)
        {
            return;
        }

        var ids = Read(i => i.Sources.Select(s => s.Id).ToList());
        var found = new Dictionary<(Guid, Guid), OverlapHit>();
        foreach (var slice in ids.Chunk(PairSlice))
        {
            Read(i =>
            {
                i.PairsFor(slice, SuggestionLimit, MinimumScore, found);
                return 0;
            });
        }

        pairs = new OverlapPairs(current, [.. found.Values.OrderByDescending(p => p.Score).ThenBy(p => p.FirstId).ThenBy(p => p.SecondId)]);
    }

    // The stored version, and if this node is behind it, a refresh (started or joined) waited for a short while.
    private async Task<long> CatchUpAsync(WorkstreamsDbContext db, CancellationToken cancellationToken)
    {
        var stored = await StoredVersionAsync(db, cancellationToken);
        var deadline = Stopwatch.GetTimestamp() + (long)(CatchUpWait.TotalSeconds * Stopwatch.Frequency);
        while (Volatile.Read(ref version) < stored)
        {
            var left = deadline - Stopwatch.GetTimestamp();
            if (left <= 0)
            {
                break;
            }

            try
            {
                await StartRefresh().WaitAsync(TimeSpan.FromSeconds((double)left / Stopwatch.Frequency), cancellationToken);
            }
            catch (TimeoutException)
            {
                break;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The refresh failed (logged there): answer from the index as it is; the next request tries again.
                break;
            }
        }

        return Volatile.Read(ref version);
    }

    private Task StartRefresh()
    {
        lock (starting)
        {
            if (refresh is null || refresh.IsCompleted)
            {
                refresh = Task.Run(RefreshInScopeAsync, CancellationToken.None);
            }

            return refresh;
        }
    }

    private async Task RefreshInScopeAsync()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await RefreshAsync(scope.ServiceProvider.GetRequiredService<WorkstreamsDbContext>(), stopping.Token);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogRefreshFailed(logger, exception);
            throw;
        }
    }

    private static Task<long> StoredVersionAsync(WorkstreamsDbContext db, CancellationToken cancellationToken) =>
        db.DashboardVersions.AsNoTracking().Where(v => v.Id == DashboardVersion.SingleId).Select(v => v.Version).FirstOrDefaultAsync(cancellationToken);

    private T Read<T>(Func<OverlapIndex, T> read)
    {
        gate.EnterReadLock();
        try
        {
            return read(index!);
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    private void Write(Action write)
    {
        gate.EnterWriteLock();
        try
        {
            write();
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Overlap index built: {Count} initiatives in {Seconds:0.0} s")]
    private static partial void LogBuilt(ILogger logger, int count, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Overlap index refresh failed; requests answer from the index as it is until the next one")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}

// The pair list of one index version, strongest first.
internal sealed record OverlapPairs(long Version, IReadOnlyList<OverlapHit> Hits);

internal sealed record OverlapSide(Guid Id, string Title, Guid MinistryId, string MinistryCode);

internal sealed record OverlapPair(OverlapSide First, OverlapSide Second, double Score, IReadOnlyList<Shared.Text.LocalizedText> Reasons);
