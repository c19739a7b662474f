using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Samordning.Benchmarks.Data;

namespace Samordning.Benchmarks.Scenarios.MinistriesList;

// The floor of the ministries list: the bare query with Microsoft.Data.Sqlite or Npgsql (BenchDatabase), its rows serialised with
// System.Text.Json, served by the same Kestrel server in the same process as the product. It is mapped by a
// startup filter ahead of the whole product pipeline, so it shares everything outside our code (the socket,
// Kestrel, HTTP parsing, the JSON writer, the database engine and a connection pool) and skips everything that is
// ours: error handling and ProblemDetails, security headers, localization, routing, rate limiting, authentication,
// the registry claims transformation, authorization, antiforgery, the DI scope, EF Core and the endpoint.
// The ratio therefore reads as "how much of the achievable throughput our stack keeps".
internal sealed class MinistriesFloorEndpoint(BenchDatabase database) : IStartupFilter
{
    public const string Path = "/benchmark-floor/ministries";

    // The same rows as GET /api/ministries: active ministries only, every agency counted (as m.Agencies.Count
    // does), ordered by code with the database's default collation, as EF Core's ORDER BY is.
    private readonly string sql = $"""
        SELECT m."Id", m."Code", m."NameNb", m."NameEn", m."Active",
               (SELECT COUNT(*) FROM {database.Table(Store, "Agencies")} AS a WHERE a."MinistryId" = m."Id") AS "AgencyCount",
               m."Version"
        FROM {database.Table(Store, "Ministries")} AS m
        WHERE m."Active"
        ORDER BY m."Code"
        """;

    // The store name of the Ministries module (its file ministries.db, its schema on a server).
    public const string Store = "ministries";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map(Path, floor => floor.Run(ServeAsync));
        next(app);
    };

    private async Task ServeAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var rows = new List<MinistryRow>();
        await using (var connection = await database.OpenAsync(Store, cancellationToken))
        {
            await using var command = await database.CommandAsync(connection, sql, cancellationToken);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new MinistryRow(
                    reader.GetGuid(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetBoolean(4),
                    reader.GetInt32(5),
                    reader.GetInt64(6)));
            }
        }

        await context.Response.WriteAsJsonAsync(rows, MinistryRowJson.Default.ListMinistryRow, cancellationToken: cancellationToken);
    }
}
