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
    public const string InitiativesPath = "/benchmark-floor/workstreams/initiatives";

    private const string Store = "workstreams";

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
        app.Map(InitiativesPath, floor => floor.Run(InitiativesAsync));
        next(app);
    };

    // Understands the filter the scenario sends: ministry (owning or collaborating), phase and the page.
    private async Task InitiativesAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var query = context.Request.Query;
        var ministryId = Guid.Parse(query["ministryId"].ToString());
        var phase = query["phase"].ToString();
        var page = int.Parse(query["page"].ToString(), CultureInfo.InvariantCulture);
        var pageSize = int.Parse(query["pageSize"].ToString(), CultureInfo.InvariantCulture);
        var where = $"""
            WHERE (i."OwningMinistryId" = @p0 OR EXISTS (SELECT 1 FROM {T("InitiativeMinistry")} AS c WHERE c."InitiativeId" = i."Id" AND c."MinistryId" = @p0))
              AND i."Phase" = @p1
            """;

        await using var db = await database.OpenAsync(Store, cancellationToken);
        var total = await database.CountAsync(db, $"""SELECT COUNT(*) FROM {T("Initiatives")} AS i {where}""", cancellationToken, ministryId, phase);
        var items = await database.ListAsync(db, $"""
            SELECT {initiativeColumns} FROM {T("Initiatives")} AS i {where}
            ORDER BY i."UpdatedAt" DESC, i."Id" LIMIT @p2 OFFSET @p3
            """, ReadInitiative, cancellationToken, ministryId, phase, pageSize, (page - 1) * pageSize);

        await context.Response.WriteAsJsonAsync(
            new FloorInitiativePage(items, total, page, pageSize), WorkstreamsFloorJson.Default.FloorInitiativePage, cancellationToken: cancellationToken);
    }

    private static FloorInitiative ReadInitiative(DbDataReader r) => new(
        r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetString(5), r.GetInt32(6), BenchDatabase.ReadInstant(r, 7), BenchDatabase.ReadInstant(r, 8), r.GetInt64(9));
}
