using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Samordning.Benchmarks.Data;

namespace Samordning.Benchmarks.Scenarios.Workstreams;

// The floors of the dashboard and the filtered initiative list: the same data from bare ADO.NET queries
// (BenchDatabase: Microsoft.Data.Sqlite on the module's own files, the same connection strings and so the same
// pools, or Npgsql on the module's schema), serialised with
// System.Text.Json, served by the same Kestrel server ahead of the whole product pipeline (as the ministries
// floor is). The queries are the cheapest honest reading of the stored data, aggregates included: the dashboard
// counts come from the kept cells (read once per request and folded into the same compact shape the product
// answers with), and the round's "to confirm" per ministry from the all-workstreams cells among them. The floor
// keeps nothing between requests; the product keeps the folded cells per version (DashboardSnapshot), which is
// why its ratio can pass 1.
internal sealed class WorkstreamsFloorEndpoints(BenchDatabase database) : IStartupFilter
{
    public const string DashboardPath = "/benchmark-floor/workstreams/dashboard";
    public const string InitiativesPath = "/benchmark-floor/workstreams/initiatives";

    private const string Store = "workstreams";

    // The product's enum names, in their order: the dashboard's counts are arrays in this order.
    private static readonly string[] Phases = ["Idea", "Planned", "InProgress", "Scaling", "Completed", "Stopped"];
    private static readonly string[] Statuses = ["Green", "Amber", "Red"];

    private readonly string initiativeColumns = $"""
        i."Id", i."Title", i."OwningMinistryCode", i."Phase", i."Progress", i."Status",
        (SELECT COUNT(*) FROM {database.Table(Store, "InitiativeMinistry")} AS c WHERE c."InitiativeId" = i."Id"), i."UpdatedAt", i."StatusConfirmedAt", i."Version"
        """;

    private string T(string table) => database.Table(Store, table);

    // Both workstream scenarios need the floors; the host gets them once.
    public static void AddTo(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, WorkstreamsFloorEndpoints>());
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map(DashboardPath, floor => floor.Run(DashboardAsync));
        app.Map(InitiativesPath, floor => floor.Run(InitiativesAsync));
        next(app);
    };

    private async Task DashboardAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        List<FloorMinistry> ministryRows;
        await using (var registry = await database.OpenAsync("ministries", cancellationToken))
        {
            ministryRows = await database.ListAsync(registry, $"""SELECT "Id", "Code", "NameNb", "NameEn" FROM {database.Table("ministries", "Ministries")} WHERE "Active" ORDER BY "Code" """,
                r => new FloorMinistry(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3)), cancellationToken);
        }

        await using var db = await database.OpenAsync(Store, cancellationToken);
        var workstreamRows = await database.ListAsync(db, $"""
            SELECT "Id", "Chapter", "TitleNb", "TitleEn" FROM {T("Workstreams")} ORDER BY COALESCE("Chapter", 2147483647), "TitleNb"
            """, r => new FloorWorkstream(r.GetGuid(0), r.IsDBNull(1) ? null : r.GetInt32(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)), cancellationToken);

        // The kept cells, folded into a phase x status table per ministry and workstream; ids stay in their stored
        // form (text on SQLite, uuid on PostgreSQL).
        var ministryIndex = ministryRows.Select((m, n) => (m, n)).ToDictionary(x => database.Id(x.m.Id), x => x.n);
        var workstreamIndex = workstreamRows.Select((w, n) => (w, n)).ToDictionary(x => database.Id(x.w.Id), x => x.n);
        var allWorkstreams = database.Id(Guid.Parse(SqliteValues.AllWorkstreams));
        var noWorkstream = database.Id(Guid.Empty);
        var columns = workstreamRows.Count + 2; // the workstreams, then none, then all (the totals)
        var tables = new int[ministryRows.Count * columns][];
        await using (var command = db.CreateCommand())
        {
            command.CommandText = $"""SELECT "MinistryId", "WorkstreamId", "Phase", "Status", "Count" FROM {T("DashboardCells")} WHERE "Count" <> 0""";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!ministryIndex.TryGetValue(reader.GetValue(0), out var m))
                {
                    continue;
                }

                var workstream = reader.GetValue(1);
                var w = workstream.Equals(allWorkstreams) ? columns - 1
                    : workstream.Equals(noWorkstream) ? columns - 2
                    : workstreamIndex.TryGetValue(workstream, out var found) ? found : -1;
                if (w >= 0)
                {
                    var table = tables[(m * columns) + w] ??= new int[Phases.Length * Statuses.Length];
                    table[(Array.IndexOf(Phases, reader.GetString(2)) * Statuses.Length) + Array.IndexOf(Statuses, reader.GetString(3))] += reader.GetInt32(4);
                }
            }
        }

        var totals = new List<FloorTotals>();
        var matrix = new List<FloorCell>();
        var running = new Dictionary<Guid, int>();
        for (var m = 0; m < ministryRows.Count; m++)
        {
            if (tables[(m * columns) + columns - 1] is { } all && all.Any(n => n != 0))
            {
                totals.Add(new FloorTotals(m, [.. Enumerable.Range(0, Phases.Length).Select(p => (IReadOnlyList<int>)all.AsSpan(p * Statuses.Length, Statuses.Length).ToArray())]));
                running[ministryRows[m].Id] = Enumerable.Range(0, Phases.Length).Where(p => Phases[p] is not ("Completed" or "Stopped"))
                    .Sum(p => all.AsSpan(p * Statuses.Length, Statuses.Length).ToArray().Sum());
            }

            for (var w = 0; w < columns - 1; w++)
            {
                if (tables[(m * columns) + w] is { } table && table.Any(n => n != 0))
                {
                    matrix.Add(new FloorCell(
                        m, w == columns - 2 ? null : w,
                        [.. Enumerable.Range(0, Phases.Length).Select(p => Enumerable.Range(0, Statuses.Length).Sum(s => table[(p * Statuses.Length) + s]))],
                        [.. Enumerable.Range(0, Statuses.Length).Select(s => Enumerable.Range(0, Phases.Length).Sum(p => table[(p * Statuses.Length) + s]))]));
                }
            }
        }

        var crossSectoral = await database.ListAsync(db, $"""
            SELECT {initiativeColumns} FROM {T("Initiatives")} AS i
            WHERE EXISTS (SELECT 1 FROM {T("InitiativeMinistry")} AS c WHERE c."InitiativeId" = i."Id")
            ORDER BY i."UpdatedAt" DESC, i."Id" LIMIT 21
            """, ReadInitiative, cancellationToken);
        var history = (await database.ListAsync(db, $"""
            SELECT "Day", "Phase", "Count" FROM {T("PhaseSnapshots")}
            WHERE "Day" >= (SELECT MIN("Day") FROM (SELECT DISTINCT "Day" FROM {T("PhaseSnapshots")} ORDER BY "Day" DESC LIMIT 14) AS days)
            ORDER BY "Day"
            """, r => (Day: BenchDatabase.ReadDay(r, 0), Phase: r.GetString(1), Count: r.GetInt32(2)), cancellationToken))
            .GroupBy(h => h.Day)
            .Select(g =>
            {
                var counts = new int[Phases.Length];
                foreach (var point in g)
                {
                    counts[Array.IndexOf(Phases, point.Phase)] = point.Count;
                }

                return new FloorHistoryDay(g.Key, counts);
            })
            .ToList();
        var round = await LatestRoundAsync(db, ministryRows, running, cancellationToken);

        await context.Response.WriteAsJsonAsync(
            new FloorDashboard(
                Phases, Statuses, ministryRows, workstreamRows, totals, matrix,
                new FloorCrossSectoral([.. crossSectoral.Take(20)], crossSectoral.Count > 20), history, round, null),
            WorkstreamsFloorJson.Default.FloorDashboard,
            cancellationToken: cancellationToken);
    }

    private async Task<FloorRound?> LatestRoundAsync(
        DbConnection db, List<FloorMinistry> ministryRows, Dictionary<Guid, int> toConfirm, CancellationToken cancellationToken)
    {
        var rounds = await database.ListAsync(db, $"""
            SELECT "Id", "Title", "Description", "Deadline", "ClosedAt", "Version" FROM {T("ReportingRounds")}
            ORDER BY CASE WHEN "ClosedAt" IS NULL THEN 0 ELSE 1 END, "OpenedAt" DESC LIMIT 1
            """, r => (Id: r.GetGuid(0), Title: r.GetString(1), Description: r.IsDBNull(2) ? null : r.GetString(2), Deadline: BenchDatabase.ReadInstant(r, 3),
                ClosedAt: r.IsDBNull(4) ? (DateTimeOffset?)null : BenchDatabase.ReadInstant(r, 4), Version: r.GetInt64(5)), cancellationToken);
        if (rounds.Count == 0)
        {
            return null;
        }

        var round = rounds[0];
        var confirmed = (await database.ListAsync(db, $"""SELECT "MinistryId", COUNT(*) FROM {T("RoundConfirmations")} WHERE "RoundId" = @p0 GROUP BY "MinistryId" """,
            r => (Ministry: r.GetGuid(0), Count: r.GetInt32(1)), cancellationToken, round.Id)).ToDictionary(x => x.Ministry, x => x.Count);
        var submissions = (await database.ListAsync(db, $"""SELECT "MinistryId", "SubmittedAt", "PersonName" FROM {T("RoundSubmissions")} WHERE "RoundId" = @p0""",
            r => (Ministry: r.GetGuid(0), At: BenchDatabase.ReadInstant(r, 1), By: r.GetString(2)), cancellationToken, round.Id)).ToDictionary(x => x.Ministry);

        var statuses = ministryRows.Select(m =>
        {
            var done = confirmed.GetValueOrDefault(m.Id);
            var submitted = submissions.TryGetValue(m.Id, out var submission);
            var state = submitted ? "Submitted" : done > 0 ? "InProgress" : "NotStarted";
            return new FloorMinistryRound(m.Id, m.Code, state, done, toConfirm.GetValueOrDefault(m.Id), submitted ? submission.At : null, submitted ? submission.By : null);
        }).ToList();
        return new FloorRound(round.Id, round.Title, round.Description, round.Deadline, round.ClosedAt, round.Version, statuses, statuses.Count(s => s.State == "Submitted"));
    }

    // Understands the filters the scenarios send: ministry (owning or collaborating), phase and the page; or the text
    // alone (q) and the page.
    private async Task InitiativesAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var query = context.Request.Query;
        var page = int.Parse(query["page"].ToString(), CultureInfo.InvariantCulture);
        var pageSize = int.Parse(query["pageSize"].ToString(), CultureInfo.InvariantCulture);
        await using var db = await database.OpenAsync(Store, cancellationToken);
        var (total, items) = query["q"].ToString() is { Length: > 0 } q
            ? await SearchedAsync(db, q.Trim().ToLowerInvariant(), page, pageSize, cancellationToken)
            : await OfMinistryAsync(db, Guid.Parse(query["ministryId"].ToString()), query["phase"].ToString(), page, pageSize, cancellationToken);

        await context.Response.WriteAsJsonAsync(
            new FloorInitiativePage(items, total, page, pageSize), WorkstreamsFloorJson.Default.FloorInitiativePage, cancellationToken: cancellationToken);
    }

    // The best plan known for a ministry's list (owner or collaborator) in one phase: the count is one range of the
    // listings' index on (ministry, phase, last change, id), read from the index alone; the page walks the same range
    // in its order, skips the pages before and stops after one page, and only then reads those 50 initiatives by key.
    private async Task<(int Total, List<FloorInitiative> Items)> OfMinistryAsync(
        DbConnection db, Guid ministryId, string phase, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await database.CountAsync(db, $"""SELECT COUNT(*) FROM {T("MinistryInitiatives")} WHERE "MinistryId" = @p0 AND "Phase" = @p1""", cancellationToken, ministryId, phase);
        var items = await database.ListAsync(db, $"""
            SELECT {initiativeColumns}
            FROM (SELECT "InitiativeId", "UpdatedAt" FROM {T("MinistryInitiatives")} WHERE "MinistryId" = @p0 AND "Phase" = @p1
                  ORDER BY "UpdatedAt" DESC, "InitiativeId" LIMIT @p2 OFFSET @p3) AS l
            JOIN {T("Initiatives")} AS i ON i."Id" = l."InitiativeId"
            ORDER BY l."UpdatedAt" DESC, l."InitiativeId"
            """, ReadInitiative, cancellationToken, ministryId, phase, pageSize, (page - 1) * pageSize);
        return (total, items);
    }

    // The list's text search means "the text is in SearchText" (title, summary, results, owner's code and tags, lower
    // case), a substring anywhere: no index the module has answers that, so the count reads every initiative's text,
    // with the provider's plain substring test (instr / strpos, no pattern to parse), and the page walks the index on
    // (UpdatedAt DESC, Id) and stops after the page's matches.
    private async Task<(int Total, List<FloorInitiative> Items)> SearchedAsync(DbConnection db, string text, int page, int pageSize, CancellationToken cancellationToken)
    {
        var contains = database.OnPostgres ? """strpos(i."SearchText", @p0) > 0""" : """instr(i."SearchText", @p0) > 0""";
        var total = await database.CountAsync(db, $"""SELECT COUNT(*) FROM {T("Initiatives")} AS i WHERE {contains}""", cancellationToken, text);
        var items = await database.ListAsync(db, $"""
            SELECT {initiativeColumns} FROM {T("Initiatives")} AS i WHERE {contains}
            ORDER BY i."UpdatedAt" DESC, i."Id" LIMIT @p1 OFFSET @p2
            """, ReadInitiative, cancellationToken, text, pageSize, (page - 1) * pageSize);
        return (total, items);
    }

    private static FloorInitiative ReadInitiative(DbDataReader r) => new(
        r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetString(5), r.GetInt32(6), BenchDatabase.ReadInstant(r, 7), BenchDatabase.ReadInstant(r, 8), r.GetInt64(9));
}
