using Samordning.Workstreams.Data;
using Samordning.Workstreams.Initiatives;

namespace Samordning.Workstreams.Dashboard;

// One owning ministry's count: Ministry is an index into the dashboard view's Ministries, as in its totals.
internal sealed record MinistryCount(int Ministry, int Count);

// "Status not confirmed for 60 days" per owning ministry in the dashboard's selection (issue 17), for the page and
// the API alike: the same rows as the initiative list the page's counts link to (ListInitiatives.Apply). Counted per
// request, never kept with the aggregates: it changes with the clock, not only with saves. Only non-zero counts.
internal sealed record NotConfirmedCounts(int Days, IReadOnlyList<MinistryCount> Ministries)
{
    // About two months, a little longer than the time between rounds.
    public const int StaleDays = 60;

    public static async Task<NotConfirmedCounts> CountAsync(
        WorkstreamsDbContext db, DashboardView view, DashboardFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var initiatives = ListInitiatives.Apply(
            db.Initiatives.AsNoTracking(),
            new InitiativeFilter(WorkstreamId: filter.WorkstreamId, Phase: filter.Phase, Status: filter.Status, Tag: filter.Tag, NotConfirmedForDays: StaleDays),
            now);
        if (filter.MinistryId is { } ministry)
        {
            initiatives = initiatives.Where(i => i.OwningMinistryId == ministry);
        }

        var counts = await initiatives.GroupBy(i => i.OwningMinistryId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        return new(StaleDays, [.. view.Ministries.Select((m, index) => new MinistryCount(index, counts.GetValueOrDefault(m.Id))).Where(c => c.Count > 0)]);
    }
}
