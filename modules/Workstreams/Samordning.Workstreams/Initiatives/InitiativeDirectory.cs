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

    public async Task<IReadOnlyList<InitiativeInfo>> FindLinkableAsync(ClaimsPrincipal user, string? query, bool ownMinistryOnly, int limit, CancellationToken cancellationToken)
    {
        var found = InitiativeAccess.Linkable(db.Initiatives.AsNoTracking(), user);
        if (ownMinistryOnly)
        {
            var ministry = user.MinistryId();
            found = found.Where(i => i.OwningMinistryId == ministry || i.CollaboratingMinistries.Any(m => m.MinistryId == ministry));
        }

        // SearchText is stored lower-cased in .NET, so æ, ø and å match whatever the database's lower() does. Each word
        // narrows by the search index first (InitiativeTextSearch): a type-ahead asks at every keystroke.
        foreach (var word in (query ?? "").ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(5))
        {
            if (await InitiativeTextSearch.CandidateIdsAsync(db, word, cancellationToken) is { } candidates)
            {
                found = found.Where(i => candidates.Contains(i.Id));
            }

            found = found.Where(i => i.SearchText.Contains(word));
        }

        return await Project(found).Take(limit).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<InitiativeInfo>> GetInitiativesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? [] : await Project(db.Initiatives.AsNoTracking().Where(i => ids.Contains(i.Id))).ToListAsync(cancellationToken);

    private static IQueryable<InitiativeInfo> Project(IQueryable<Initiative> query) =>
        query.OrderBy(i => i.OwningMinistryCode).ThenBy(i => i.Title).Select(i => new InitiativeInfo(i.Id, i.Title, i.OwningMinistryCode));
}
