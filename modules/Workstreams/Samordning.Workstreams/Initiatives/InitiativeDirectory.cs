using System.Security.Claims;
using Samordning.Workstreams.Contracts;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Initiatives;

// Answers the Contracts queries for other modules' links to initiatives. Registered by the host's Scrutor scan.
internal sealed class InitiativeDirectory(WorkstreamsDbContext db) : IInitiativeDirectory
{
    public async Task<IReadOnlyList<InitiativeInfo>> GetLinkableAsync(ClaimsPrincipal user, IReadOnlyCollection<Guid>? ids, CancellationToken cancellationToken)
    {
        var query = InitiativeAccess.Linkable(db.Initiatives.AsNoTracking(), user);
        if (ids is not null)
        {
            if (ids.Count == 0)
            {
                return [];
            }

            query = query.Where(i => ids.Contains(i.Id));
        }

        return await Project(query).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<InitiativeInfo>> GetInitiativesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? [] : await Project(db.Initiatives.AsNoTracking().Where(i => ids.Contains(i.Id))).ToListAsync(cancellationToken);

    private static IQueryable<InitiativeInfo> Project(IQueryable<Initiative> query) =>
        query.OrderBy(i => i.OwningMinistryCode).ThenBy(i => i.Title).Select(i => new InitiativeInfo(i.Id, i.Title, i.OwningMinistryCode));
}
