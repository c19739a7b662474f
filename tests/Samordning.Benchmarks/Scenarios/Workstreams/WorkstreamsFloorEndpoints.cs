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
// counts come from the kept cells, and the round's "to confirm" per ministry from the all-workstreams cells.
internal sealed class WorkstreamsFloorEndpoints(IConfiguration configuration) : IStartupFilter
{
    public const string DashboardPath = "/benchmark-floor/workstreams/dashboard";
    public const string InitiativesPath = "/benchmark-floor/workstreams/initiatives";

    private const string InitiativeColumns = """
        i."Id", i."Title", i."OwningMinistryCode", i."Phase", i."Progress", i."Status",
        (SELECT COUNT(*) FROM "InitiativeMinistry" AS c WHERE c."InitiativeId" = i."Id"), i."UpdatedAt", i."Version"
        """;

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
        var counts = await Sql.ListAsync(db, """SELECT "MinistryId", "WorkstreamId", "Phase", "Status", "Count" FROM "DashboardCells" WHERE "Count" <> 0""", [],
            r => new FloorCount(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetInt32(4)), cancellationToken);
        var crossSectoral = await Sql.ListAsync(db, $"""
            SELECT {InitiativeColumns} FROM "Initiatives" AS i
            WHERE EXISTS (SELECT 1 FROM "InitiativeMinistry" AS c WHERE c."InitiativeId" = i."Id")
            ORDER BY i."UpdatedAt" DESC, i."Id" LIMIT 20
            """, [], ReadInitiative, cancellationToken);
        var history = await Sql.ListAsync(db, """SELECT "Day", "Phase", "Count" FROM "PhaseSnapshots" ORDER BY "Day" """, [],
            r => new FloorPhasePoint(r.GetString(0), r.GetString(1), r.GetInt32(2)), cancellationToken);
        var round = await LatestRoundAsync(db, ministryRows, cancellationToken);

        await context.Response.WriteAsJsonAsync(
            new FloorDashboard(ministryRows, workstreamRows, counts, crossSectoral, history, round, null), WorkstreamsFloorJson.Default.FloorDashboard, cancellationToken: cancellationToken);
    }

    private static async Task<FloorRound?> LatestRoundAsync(SqliteConnection db, List<FloorMinistry> ministryRows, CancellationToken cancellationToken)
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
        var toConfirm = (await Sql.ListAsync(db, $"""
            SELECT "MinistryId", SUM("Count") FROM "DashboardCells"
            WHERE "WorkstreamId" = '{SqliteValues.AllWorkstreams}' AND "Phase" NOT IN ('Completed', 'Stopped') GROUP BY "MinistryId"
            """, [], r => (Ministry: r.GetGuid(0), Count: r.GetInt32(1)), cancellationToken)).ToDictionary(x => x.Ministry, x => x.Count);
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
