using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;

namespace Samordning.Workstreams.Dashboard;

// "Status not confirmed for 60 days" (issue 17), per owning ministry: the dashboard and the status report count the
// same rows as the list the dashboard links to (ListInitiatives.Apply), through the index on the status's age.
internal static class StaleStatus
{
    // About two months, a little longer than the time between rounds.
    public const int Days = 60;

    public static async Task<IReadOnlyDictionary<Guid, int>> PerMinistryAsync(
        WorkstreamsDbContext db, DashboardFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var query = ListInitiatives.Apply(
            db.Initiatives.AsNoTracking(),
            new InitiativeFilter(WorkstreamId: filter.WorkstreamId, Phase: filter.Phase, Status: filter.Status, Tag: filter.Tag, NotConfirmedForDays: Days),
            now);
        if (filter.MinistryId is { } ministry)
        {
            query = query.Where(i => i.OwningMinistryId == ministry);
        }

        return await query.GroupBy(i => i.OwningMinistryId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
    }
}
