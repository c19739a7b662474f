using System.Data.Common;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Samordning.Benchmarks.Data;
using Samordning.Shared.Search;

namespace Samordning.Benchmarks.Scenarios.Search;

// The floor of the search: for a coordinator (who may read everything, so no access rule costs anything) the same
// LIKE over the same stored index columns of every searched table, one store after the other as the product
// goes, with bare ADO.NET (BenchDatabase): per table the first 20 (title matches, then the table's own order) and,
// when there are that many, the count. Its answer is the total and the first 20 ids. What the floor leaves out is
// what the product adds on top of finding the rows: authentication and the claims, the DI scope and EF Core, the
// per-module access rules, ranking on every term, highlighting and the encoded excerpts.
internal sealed class SearchFloorEndpoint(BenchDatabase database) : IStartupFilter
{
    public const string Path = "/benchmark-floor/search";

    private const int Limit = 20;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map(Path, floor => floor.Run(ServeAsync));
        next(app);
    };

    private async Task ServeAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var terms = NorwegianText.Terms(context.Request.Query["q"].ToString());
        var readable = terms.Select(SearchIndex.Readable).ToArray();
        var anywhere = terms.Select(SearchIndex.Anywhere).ToArray();
        var title = SearchIndex.InTitle(terms.OrderByDescending(t => t.Length).First());
        var ids = new List<Guid>();
        var total = 0;

        async Task FindAsync(DbConnection connection, string store, string table, string[] patterns, string extra, string order, string? child = null)
        {
            var t = database.Table(store, table);
            var where = string.Join(" AND ", patterns.Select((_, i) => child is null
                ? $"""x."SearchIndex" LIKE @p{i}"""
                : $"""(x."SearchIndex" LIKE @p{i} OR EXISTS (SELECT 1 FROM {child} AND c."SearchIndex" LIKE @p{i}))""")) + extra;
            var parameters = patterns.Cast<object?>().ToArray();
            var rows = await database.ListAsync(connection, $"""
                SELECT x."Id" FROM {t} AS x WHERE {where}
                ORDER BY (x."SearchIndex" LIKE @p{patterns.Length}) DESC, {order} LIMIT {Limit}
                """, r => BenchDatabase.ReadId(r.GetValue(0)), cancellationToken, [.. parameters, title]);
            ids.AddRange(rows);
            total += rows.Count < Limit ? rows.Count : await database.CountAsync(connection, $"""SELECT COUNT(*) FROM {t} AS x WHERE {where}""", cancellationToken, parameters);
        }

        await using (var connection = await database.OpenAsync("ministries", cancellationToken))
        {
            await FindAsync(connection, "ministries", "Ministries", readable, """ AND x."Active" """, """x."NameNb" """);
            await FindAsync(connection, "ministries", "Agencies", readable, """ AND x."Active" """, """x."NameNb" """);
            await FindAsync(connection, "ministries", "People", readable, """ AND x."Active" """, """x."Name" """);
        }

        await using (var connection = await database.OpenAsync("workstreams", cancellationToken))
        {
            await FindAsync(connection, "workstreams", "Initiatives", readable, "", """x."UpdatedAt" DESC""");
            await FindAsync(connection, "workstreams", "Workstreams", readable, "", """x."TitleNb" """);
        }

        await using (var connection = await database.OpenAsync("meetings", cancellationToken))
        {
            await FindAsync(connection, "meetings", "Meetings", readable, "", """x."StartsAt" DESC""",
                $"""{database.Table("meetings", "AgendaItem")} AS c WHERE c."MeetingId" = x."Id" """);
            await FindAsync(connection, "meetings", "Entries", readable, """ AND NOT x."Withdrawn" """, """x."UpdatedAt" DESC""");
        }

        await using (var connection = await database.OpenAsync("feedback", cancellationToken))
        {
            await FindAsync(connection, "feedback", "Items", anywhere, "", """x."ReceivedAt" DESC""",
                $"""{database.Table("feedback", "FeedbackAnswer")} AS c WHERE c."ItemId" = x."Id" """);
        }

        var answer = new JsonObject { ["total"] = total, ["ids"] = new JsonArray([.. ids.Take(Limit).Select(id => JsonValue.Create(id))]) };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.ToJsonString(), cancellationToken);
    }
}
