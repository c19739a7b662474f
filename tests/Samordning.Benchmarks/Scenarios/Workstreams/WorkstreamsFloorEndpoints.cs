using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Samordning.Benchmarks.Data;
using Samordning.Shared.Persistence;

namespace Samordning.Benchmarks.Scenarios.Workstreams;

// The floors of the dashboard and the filtered initiative list: the same data from bare Microsoft.Data.Sqlite
// queries on the module's own files (the same connection strings, so the same pools), serialised with
// System.Text.Json, served by the same Kestrel server ahead of the whole product pipeline (as the ministries
// floor is). The queries are the cheapest honest reading of the stored data, aggregates included: the dashboard
// counts come from the kept cells (read once per request and folded into the same compact shape the product
// answers with), and the round's "to confirm" per ministry from the all-workstreams cells among them. The floor
// keeps nothing between requests; the product keeps the folded cells per version (DashboardSnapshot), which is
// why its ratio can pass 1.
internal sealed class WorkstreamsFloorEndpoints(IConfiguration configuration) : IStartupFilter
{
    public const string DashboardPath = "/benchmark-floor/workstreams/dashboard";
    public const string InitiativesPath = "/benchmark-floor/workstreams/initiatives";

    private const string InitiativeColumns = """
        i."Id", i."Title", i."OwningMinistryCode", i."Phase", i."Progress", i."Status",
        (SELECT COUNT(*) FROM "InitiativeMinistry" AS c WHERE c."InitiativeId" = i."Id"), i."UpdatedAt", i."Version"
        """;

    // The product's enum names, in their order: the dashboard's counts are arrays in this order.
    private static readonly string[] Phases = ["Idea", "Planned", "InProgress", "Scaling", "Completed", "Stopped"];
    private static readonly string[] Statuses = ["Green", "Amber", "Red"];

    private readonly string ministries = DatabaseSettings.From(configuration).SqliteConnectionString("ministries");
    private readonly string workstreams = DatabaseSettings.From(configuration).SqliteConnectionString("workstreams");

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
        await using (var registry = new SqliteConnection(ministries))
        {
            await registry.OpenAsync(cancellationToken);
            ministryRows = await Sql.ListAsync(registry, """SELECT "Id", "Code", "NameNb", "NameEn" FROM "Ministries" WHERE "Active" ORDER BY "Code" """, [],
                r => new FloorMinistry(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3)), cancellationToken);
        }

        await using var db = new SqliteConnection(workstreams);
        await db.OpenAsync(cancellationToken);
        var workstreamRows = await Sql.ListAsync(db, """
            SELECT "Id", "Chapter", "TitleNb", "TitleEn" FROM "Workstreams" ORDER BY COALESCE("Chapter", 2147483647), "TitleNb"
            """, [], r => new FloorWorkstream(r.GetGuid(0), r.IsDBNull(1) ? null : r.GetInt32(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)), cancellationToken);

        // The kept cells, folded into a phase x status table per ministry and workstream; ids stay the stored text.
        var ministryIndex = ministryRows.Select((m, n) => (m, n)).ToDictionary(x => SqliteValues.Text(x.m.Id), x => x.n, StringComparer.Ordinal);
        var workstreamIndex = workstreamRows.Select((w, n) => (w, n)).ToDictionary(x => SqliteValues.Text(x.w.Id), x => x.n, StringComparer.Ordinal);
        var columns = workstreamRows.Count + 2; // the workstreams, then none, then all (the totals)
        var tables = new int[ministryRows.Count * columns][];
        await using (var command = db.CreateCommand())
        {
            command.CommandText = """SELECT "MinistryId", "WorkstreamId", "Phase", "Status", "Count" FROM "DashboardCells" WHERE "Count" <> 0""";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!ministryIndex.TryGetValue(reader.GetString(0), out var m))
                {
                    continue;
                }

                var workstream = reader.GetString(1);
                var w = workstream switch
                {
                    SqliteValues.AllWorkstreams => columns - 1,
                    SqliteValues.NoWorkstream => columns - 2,
                    _ => workstreamIndex.TryGetValue(workstream, out var found) ? found : -1,
                };
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

        var crossSectoral = await Sql.ListAsync(db, $"""
            SELECT {InitiativeColumns} FROM "Initiatives" AS i
            WHERE EXISTS (SELECT 1 FROM "InitiativeMinistry" AS c WHERE c."InitiativeId" = i."Id")
            ORDER BY i."UpdatedAt" DESC, i."Id" LIMIT 21
            """, [], ReadInitiative, cancellationToken);
        var history = (await Sql.ListAsync(db, """
            SELECT "Day", "Phase", "Count" FROM "PhaseSnapshots"
            WHERE "Day" >= (SELECT MIN("Day") FROM (SELECT DISTINCT "Day" FROM "PhaseSnapshots" ORDER BY "Day" DESC LIMIT 14))
            ORDER BY "Day"
            """, [], r => (Day: r.GetString(0), Phase: r.GetString(1), Count: r.GetInt32(2)), cancellationToken))
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

    private static async Task<FloorRound?> LatestRoundAsync(
        SqliteConnection db, List<FloorMinistry> ministryRows, Dictionary<Guid, int> toConfirm, CancellationToken cancellationToken)
    {
        var rounds = await Sql.ListAsync(db, """
            SELECT "Id", "Title", "Description", "Deadline", "ClosedAt", "Version" FROM "ReportingRounds"
            ORDER BY CASE WHEN "ClosedAt" IS NULL THEN 0 ELSE 1 END, "OpenedAt" DESC LIMIT 1
            """, [], r => (Id: r.GetGuid(0), Title: r.GetString(1), Description: r.IsDBNull(2) ? null : r.GetString(2), Deadline: SqliteValues.Instant(r.GetInt64(3)),
                ClosedAt: r.IsDBNull(4) ? (DateTimeOffset?)null : SqliteValues.Instant(r.GetInt64(4)), Version: r.GetInt64(5)), cancellationToken);
        if (rounds.Count == 0)
        {
            return null;
        }

        var round = rounds[0];
        object[] roundId = [SqliteValues.Text(round.Id)];
        var confirmed = (await Sql.ListAsync(db, """SELECT "MinistryId", COUNT(*) FROM "RoundConfirmations" WHERE "RoundId" = $p0 GROUP BY "MinistryId" """, roundId,
            r => (Ministry: r.GetGuid(0), Count: r.GetInt32(1)), cancellationToken)).ToDictionary(x => x.Ministry, x => x.Count);
        var submissions = (await Sql.ListAsync(db, """SELECT "MinistryId", "SubmittedAt", "PersonName" FROM "RoundSubmissions" WHERE "RoundId" = $p0""", roundId,
            r => (Ministry: r.GetGuid(0), At: SqliteValues.Instant(r.GetInt64(1)), By: r.GetString(2)), cancellationToken)).ToDictionary(x => x.Ministry);

        var statuses = ministryRows.Select(m =>
        {
            var done = confirmed.GetValueOrDefault(m.Id);
            var submitted = submissions.TryGetValue(m.Id, out var submission);
            var state = submitted ? "Submitted" : done > 0 ? "InProgress" : "NotStarted";
            return new FloorMinistryRound(m.Id, m.Code, state, done, toConfirm.GetValueOrDefault(m.Id), submitted ? submission.At : null, submitted ? submission.By : null);
        }).ToList();
        return new FloorRound(round.Id, round.Title, round.Description, round.Deadline, round.ClosedAt, round.Version, statuses, statuses.Count(s => s.State == "Submitted"));
    }

    // Understands the filter the scenario sends: ministry (owning or collaborating), phase and the page.
    private async Task InitiativesAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var query = context.Request.Query;
        var ministryId = Guid.Parse(query["ministryId"].ToString());
        var phase = query["phase"].ToString();
        var page = int.Parse(query["page"].ToString(), CultureInfo.InvariantCulture);
        var pageSize = int.Parse(query["pageSize"].ToString(), CultureInfo.InvariantCulture);
        const string Where = """
            WHERE (i."OwningMinistryId" = $p0 OR EXISTS (SELECT 1 FROM "InitiativeMinistry" AS c WHERE c."InitiativeId" = i."Id" AND c."MinistryId" = $p0))
              AND i."Phase" = $p1
            """;
        object[] parameters = [SqliteValues.Text(ministryId), phase, pageSize, (page - 1) * pageSize];

        await using var db = new SqliteConnection(workstreams);
        await db.OpenAsync(cancellationToken);
        var total = (await Sql.ListAsync(db, $"""SELECT COUNT(*) FROM "Initiatives" AS i {Where}""", parameters[..2], r => r.GetInt32(0), cancellationToken))[0];
        var items = await Sql.ListAsync(db, $"""
            SELECT {InitiativeColumns} FROM "Initiatives" AS i {Where}
            ORDER BY i."UpdatedAt" DESC, i."Id" LIMIT $p2 OFFSET $p3
            """, parameters, ReadInitiative, cancellationToken);

        await context.Response.WriteAsJsonAsync(
            new FloorInitiativePage(items, total, page, pageSize), WorkstreamsFloorJson.Default.FloorInitiativePage, cancellationToken: cancellationToken);
    }

    private static FloorInitiative ReadInitiative(SqliteDataReader r) => new(
        r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetString(5), r.GetInt32(6), SqliteValues.Instant(r.GetInt64(7)), r.GetInt64(8));
}
