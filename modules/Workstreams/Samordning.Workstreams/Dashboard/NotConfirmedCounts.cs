namespace Samordning.Workstreams.Dashboard;

// One owning ministry's count: Ministry is an index into the dashboard view's Ministries, as in its totals.
internal sealed record MinistryCount(int Ministry, int Count);

// "Status not confirmed for 60 days" per owning ministry in the dashboard's selection (issue 17), for the page and
// the API alike: the same rows as the initiative list the page's counts link to (ListInitiatives.Apply). Counted per
// version, Oslo day and filter, not with the aggregates: it changes with the clock, not only with saves
// (DashboardSnapshot.Kept.StaleAsync). Only non-zero counts.
internal sealed record NotConfirmedCounts(int Days, IReadOnlyList<MinistryCount> Ministries)
{
    public const int StaleDays = StaleStatus.Days;

    // counts: per owning ministry's id (StaleStatus.PerMinistryAsync), placed by the view's ministries.
    public static NotConfirmedCounts For(DashboardView view, IReadOnlyDictionary<Guid, int> counts) =>
        new(StaleDays, [.. view.Ministries.Select((m, index) => new MinistryCount(index, counts.GetValueOrDefault(m.Id))).Where(c => c.Count > 0)]);
}
