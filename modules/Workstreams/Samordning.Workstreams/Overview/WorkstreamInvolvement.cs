using Samordning.Workstreams.Contracts;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Overview;

// Answers the Contracts query; registered by the host's Scrutor scan as IWorkstreamInvolvement.
internal sealed class WorkstreamInvolvement(WorkstreamsDbContext db) : IWorkstreamInvolvement
{
    public async Task<IReadOnlyList<Guid>> GetInvolvedWorkstreamIdsAsync(Guid personId, Guid? ministryId, CancellationToken cancellationToken)
    {
        var owned = await db.Workstreams.AsNoTracking().Where(w => w.OwnerPersonId == personId).Select(w => w.Id).ToListAsync(cancellationToken);
        if (ministryId is not { } ministry)
        {
            return owned;
        }

        var takingPart = await db.Initiatives.AsNoTracking()
            .Where(i => i.OwningMinistryId == ministry || i.CollaboratingMinistries.Any(m => m.MinistryId == ministry))
            .SelectMany(i => i.Workstreams.Select(w => w.WorkstreamId))
            .Distinct()
            .ToListAsync(cancellationToken);
        return [.. owned.Union(takingPart)];
    }
}
