using Samordning.Workstreams.Contracts;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams;

// Answers the Contracts queries. Registered by the host's Scrutor scan as IWorkstreamDirectory.
internal sealed class WorkstreamDirectory(WorkstreamsDbContext db) : IWorkstreamDirectory
{
    public async Task<IReadOnlyList<WorkstreamInfo>> GetWorkstreamsAsync(CancellationToken cancellationToken) =>
        await db.Workstreams.AsNoTracking()
            .OrderBy(w => w.Chapter == null).ThenBy(w => w.Chapter).ThenBy(w => w.TitleNb)
            .Select(w => new WorkstreamInfo(w.Id, w.Chapter, w.TitleNb, w.TitleEn, w.TitleNn))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<WorkstreamInfo>> GetWorkstreamsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? []
            : await db.Workstreams.AsNoTracking().Where(w => ids.Contains(w.Id))
                .OrderBy(w => w.Chapter == null).ThenBy(w => w.Chapter).ThenBy(w => w.TitleNb)
                .Select(w => new WorkstreamInfo(w.Id, w.Chapter, w.TitleNb, w.TitleEn, w.TitleNn))
                .ToListAsync(cancellationToken);
}
