using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Dashboard;

// Counts per owning ministry × workstream (a real one, Guid.Empty for none, AllWorkstreams for the totals), each a
// phase × status table, and the compact projections the dashboard answers with.
internal sealed class DashboardCounts
{
    public static readonly IReadOnlyList<Phase> Phases = Enum.GetValues<Phase>();
    public static readonly IReadOnlyList<Rag> Statuses = Enum.GetValues<Rag>();

    private readonly Dictionary<(Guid Ministry, Guid Workstream), int[]> tables;

    private DashboardCounts(Dictionary<(Guid Ministry, Guid Workstream), int[]> tables) => this.tables = tables;

    internal readonly record struct Row(Guid MinistryId, Guid WorkstreamId, Phase Phase, Rag Status, int Count);

    public static DashboardCounts From(IEnumerable<Row> rows)
    {
        var tables = new Dictionary<(Guid, Guid), int[]>();
        foreach (var row in rows)
        {
            var key = (row.MinistryId, row.WorkstreamId);
            if (!tables.TryGetValue(key, out var table))
            {
                table = new int[Phases.Count * Statuses.Count];
                tables[key] = table;
            }

            table[Index(row.Phase, row.Status)] += row.Count;
        }

        return new DashboardCounts(tables);
    }

    // These counts with the cells changed since moved to their counts (each row a cell's whole count, zero included):
    // the tables no row touches are shared with these, the others copied, so a kept snapshot is never changed.
    public DashboardCounts With(IEnumerable<Row> changed)
    {
        var tables = new Dictionary<(Guid, Guid), int[]>(this.tables);
        var copied = new HashSet<(Guid, Guid)>();
        foreach (var row in changed)
        {
            var key = (row.MinistryId, row.WorkstreamId);
            if (copied.Add(key))
            {
                tables[key] = tables.TryGetValue(key, out var kept) ? (int[])kept.Clone() : new int[Phases.Count * Statuses.Count];
            }

            tables[key][Index(row.Phase, row.Status)] = row.Count;
        }

        return new DashboardCounts(tables);
    }

    // One ministry × workstream's phase × status table as kept (null when never counted); for tests of what is shared.
    internal IReadOnlyList<int>? TableOf(Guid ministryId, Guid workstreamId) => tables.GetValueOrDefault((ministryId, workstreamId));

    // What a reporting round asks about per ministry: its initiatives still running (RoundProgress.ToConfirm).
    public Dictionary<Guid, int> RunningPerMinistry() =>
        tables.Where(t => t.Key.Workstream == DashboardCell.AllWorkstreams)
            .ToDictionary(
                t => t.Key.Ministry,
                t => Phases.Where(p => p is not Phase.Completed and not Phase.Stopped).Sum(p => Statuses.Sum(s => t.Value[Index(p, s)])));

    // The ministries and workstreams are the view's (already filtered); cells are keyed by their indexes there.
    // Without a workstream filter the totals count each initiative once; with one, those contributing to it.
    public (List<MinistryTotals> Totals, List<MatrixCell> Matrix) Project(
        IReadOnlyList<DashboardMinistry> ministries, IReadOnlyList<DashboardWorkstream> workstreams, DashboardFilter filter)
    {
        var totals = new List<MinistryTotals>();
        var matrix = new List<MatrixCell>();
        var totalsOf = filter.WorkstreamId ?? DashboardCell.AllWorkstreams;
        for (var m = 0; m < ministries.Count; m++)
        {
            var ministryId = ministries[m].Id;
            if (Table(ministryId, totalsOf, filter) is { } total)
            {
                totals.Add(new MinistryTotals(m, [.. Phases.Select(p => (IReadOnlyList<int>)[.. Statuses.Select(s => total[Index(p, s)])])]));
            }

            for (var w = 0; w < workstreams.Count; w++)
            {
                AddCell(matrix, m, w, Table(ministryId, workstreams[w].Id, filter));
            }

            if (filter.WorkstreamId is null)
            {
                AddCell(matrix, m, null, Table(ministryId, Guid.Empty, filter));
            }
        }

        return (totals, matrix);
    }

    private static int Index(Phase phase, Rag status) => ((int)phase * Statuses.Count) + (int)status;

    private static void AddCell(List<MatrixCell> matrix, int ministry, int? workstream, int[]? table)
    {
        if (table is not null)
        {
            matrix.Add(new MatrixCell(
                ministry, workstream,
                [.. Phases.Select(p => Statuses.Sum(s => table[Index(p, s)]))],
                [.. Statuses.Select(s => Phases.Sum(p => table[Index(p, s)]))]));
        }
    }

    // The table of one ministry and workstream with the phase and status filter applied; null when it is all zero.
    private int[]? Table(Guid ministryId, Guid workstreamId, DashboardFilter filter)
    {
        if (!tables.TryGetValue((ministryId, workstreamId), out var table))
        {
            return null;
        }

        if (filter.Phase is null && filter.Status is null)
        {
            return table.Any(n => n != 0) ? table : null;
        }

        var kept = new int[table.Length];
        var any = false;
        foreach (var phase in Phases.Where(p => filter.Phase is null || p == filter.Phase))
        {
            foreach (var status in Statuses.Where(s => filter.Status is null || s == filter.Status))
            {
                kept[Index(phase, status)] = table[Index(phase, status)];
                any |= kept[Index(phase, status)] != 0;
            }
        }

        return any ? kept : null;
    }
}
