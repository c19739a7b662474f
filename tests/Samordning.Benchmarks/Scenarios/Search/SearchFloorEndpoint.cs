using System.Data.Common;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Samordning.Benchmarks.Data;
using Samordning.Shared.Search;

namespace Samordning.Benchmarks.Scenarios.Search;

// The floor of the search: for a coordinator (who may read everything, so no access rule costs anything) the best
// hand-written query per searched table on the same index the product reads, one store after the other as the
// product goes, with bare ADO.NET (BenchDatabase): per table the first 20 (title matches, then the table's own
// order) and, when there are that many, the count. On SQLite that is one FTS5 MATCH of every term at once on the
// table's suffix table (SearchFullTextSql.CreateSqliteV2: each term a prefix query, the same one the product sends),
// joined by rowid; on PostgreSQL the same prefix queries (SearchSuffixes.Query) on the GIN index of the table's suffix
// text's stored tsvector (SearchFullTextSql.CreatePostgreSqlV3). Every count stops where the product's does: at one
// past the 200 hits the search shows (on SQLite at the 501 that choose the reading), since counting every hit of a
// common word reads every hit's row on PostgreSQL and no page shows the number.
// Where every matching row is a hit (no filter on top), it counts them (SQLite in the full-text table alone) and, when
// they are many, walks the table's index in its order for the page (title matches, then the rest), as the product's
// initiatives do (SearchMatch.ReadingFor): the cheapest honest way to the same answer on the same index. Sorting all
// the hits by "title match first" instead (one query) reads every hit's row: 98 ms against 28 ms for the walk in one
// EXPLAIN ANALYZE on PostgreSQL under the same load.
// Its answer is the total (up to 200) and the first 20 ids. What the floor leaves out is what the product adds on top of
// finding the rows: authentication and the claims, the DI scope and EF Core, the per-module access rules, ranking
// on every term, highlighting and the encoded excerpts.
internal sealed class SearchFloorEndpoint(BenchDatabase database) : IStartupFilter
{
    public const string Path = "/benchmark-floor/search";

    private const int Limit = 20;

    // What the search shows at most, and how far a table's hits are counted (SiteSearch.MaxResults; SearchMatch.CountLimitFor).
    private const int Shown = 200;
    private const int CountedTo = Shown + 1;
    private const int CountedToForReading = (Limit * 25) + 1;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map(Path, floor => floor.Run(ServeAsync));
        next(app);
    };

    private async Task ServeAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var terms = NorwegianText.Terms(context.Request.Query["q"].ToString());
        var title = SearchIndex.InTitle(terms.OrderByDescending(t => t.Length).First());
        var ids = new List<Guid>();
        var total = 0;

        // The rows of a table whose index holds every term in the section: one MATCH on SQLite, one tsquery on
        // PostgreSQL (terms of three letters or more, as the scenario's). Parameters from @p{first} on.
        (string Sql, object[] Parameters) Matching(string table, string alias, SearchSection section, int first)
        {
            if (database.OnPostgres)
            {
                return ($"""{SearchFullTextSql.PostgreSqlSuffixes(alias)} @@ CAST(@p{first} AS tsquery)""", [SearchSuffixes.Query(terms, section)]);
            }

            var fts = SearchFullTextSql.TableOf(table);
            return ($"""{alias}.rowid IN (SELECT rowid FROM "{fts}" WHERE "{fts}" MATCH @p{first})""", [string.Join(" AND ", terms.Select(t => SearchMatch.FullTextQuery(t, section)))]);
        }

        async Task FindAsync(DbConnection connection, string store, string table, SearchSection section, string extra, string order, (string Table, string Key)? child = null)
        {
            var t = database.Table(store, table);
            var (where, parameters) = Matching(table, "x", section, 0);
            if (child is { } c)
            {
                var (childWhere, childParameters) = Matching(c.Table, "c", SearchSection.Readable, parameters.Length);
                // One id set, the table's hits and its children's parents, so each part is looked up in its own
                // index: with an OR of the two, PostgreSQL tested every row of the table against the children's set
                // (7 against 233 requests a second for the product's UNION, measured under the same load).
                var (own, _) = Matching(table, "o", section, 0);
                where = $"""x."Id" IN (SELECT o."Id" FROM {t} AS o WHERE {own} UNION SELECT c."{c.Key}" FROM {database.Table(store, c.Table)} AS c WHERE {childWhere})""";
                parameters = [.. parameters, .. childParameters];
            }

            where += extra;
            var byTitle = $"""x."SearchIndex" LIKE @p{parameters.Length}""";
            if (extra.Length == 0 && child is null)
            {
                // Every matching row is a hit: count them (SQLite: in the full-text table alone, to the 501 that
                // choose the reading; PostgreSQL: the index's matches, to one past what is shown), then, when they are
                // many, walk the table's index in its order for the title matches, then the rest (on SQLite with the
                // rowid hidden from the planner; PostgreSQL's planner walks the index on its own when the hits are many).
                var fts = SearchFullTextSql.TableOf(table);
                // On PostgreSQL the initiatives are counted in their narrow table of vectors (SearchFullTextSql.CreatePostgreSqlCountTable),
                // as the product counts them: the same test of each row for a third of the cost on the wide table.
                var counted = database.OnPostgres && table == "Initiatives" ? database.Table(store, SearchFullTextSql.CountTableOf(table)) : t;
                var matches = database.OnPostgres
                    ? await database.CountAsync(connection, $"""SELECT count(*) FROM (SELECT 1 FROM {counted} AS x WHERE {where} LIMIT {CountedTo}) AS hits""", cancellationToken, parameters)
                    : await database.CountAsync(connection, $"""SELECT count(*) FROM (SELECT 1 FROM "{fts}" WHERE "{fts}" MATCH @p0 LIMIT {CountedToForReading})""", cancellationToken, parameters);
                total += Math.Min(matches, CountedTo);
                if (database.OnPostgres ? matches > Limit : matches > Limit * 25)
                {
                    var walk = database.OnPostgres ? where : where.Replace("x.rowid IN", "+x.rowid IN", StringComparison.Ordinal);
                    var titled = await database.ListAsync(connection, $"""SELECT x."Id" FROM {t} AS x WHERE {walk} AND {byTitle} ORDER BY {order} LIMIT {Limit}""",
                        r => BenchDatabase.ReadId(r.GetValue(0)), cancellationToken, [.. parameters, title]);
                    ids.AddRange(titled);
                    if (titled.Count < Limit)
                    {
                        ids.AddRange(await database.ListAsync(connection, $"""SELECT x."Id" FROM {t} AS x WHERE {walk} AND NOT {byTitle} ORDER BY {order} LIMIT {Limit - titled.Count}""",
                            r => BenchDatabase.ReadId(r.GetValue(0)), cancellationToken, [.. parameters, title]));
                    }

                    return;
                }

                if (matches > 0)
                {
                    ids.AddRange(await database.ListAsync(connection, $"""SELECT x."Id" FROM {t} AS x WHERE {where} ORDER BY {byTitle} DESC, {order} LIMIT {Limit}""",
                        r => BenchDatabase.ReadId(r.GetValue(0)), cancellationToken, [.. parameters, title]));
                }

                return;
            }

            var rows = await database.ListAsync(connection, $"""
                SELECT x."Id" FROM {t} AS x WHERE {where}
                ORDER BY {byTitle} DESC, {order} LIMIT {Limit}
                """, r => BenchDatabase.ReadId(r.GetValue(0)), cancellationToken, [.. parameters, title]);
            ids.AddRange(rows);
            total += rows.Count < Limit ? rows.Count : await database.CountAsync(connection, $"""SELECT COUNT(*) FROM (SELECT 1 FROM {t} AS x WHERE {where} LIMIT {CountedTo}) AS hits""", cancellationToken, parameters);
        }

        // As the product's sources (SearchMatch.OnOneConnectionAsync): on PostgreSQL a connection whose session plans
        // every statement for its values, never a prepared statement's generic plan.
        Task<DbConnection> OpenAsync(string store) => database.OpenForSearchAsync(store, cancellationToken);

        await using (var connection = await OpenAsync("ministries"))
        {
            await FindAsync(connection, "ministries", "Ministries", SearchSection.Readable, """ AND x."Active" """, """x."NameNb" """);
            await FindAsync(connection, "ministries", "Agencies", SearchSection.Readable, """ AND x."Active" """, """x."NameNb" """);
            await FindAsync(connection, "ministries", "People", SearchSection.Readable, """ AND x."Active" """, """x."Name" """);
        }

        await using (var connection = await OpenAsync("workstreams"))
        {
            await FindAsync(connection, "workstreams", "Initiatives", SearchSection.Readable, "", """x."UpdatedAt" DESC""");
            await FindAsync(connection, "workstreams", "Workstreams", SearchSection.Readable, "", """x."TitleNb" """);
        }

        await using (var connection = await OpenAsync("meetings"))
        {
            await FindAsync(connection, "meetings", "Meetings", SearchSection.Readable, "", """x."StartsAt" DESC""", ("AgendaItem", "MeetingId"));
            await FindAsync(connection, "meetings", "Entries", SearchSection.Readable, """ AND NOT x."Withdrawn" """, """x."UpdatedAt" DESC""");
        }

        await using (var connection = await OpenAsync("feedback"))
        {
            await FindAsync(connection, "feedback", "Items", SearchSection.Anywhere, "", """x."ReceivedAt" DESC""", ("FeedbackAnswer", "ItemId"));
        }

        var answer = new JsonObject { ["total"] = Math.Min(total, Shown), ["more"] = total > Shown, ["ids"] = new JsonArray([.. ids.Take(Limit).Select(id => JsonValue.Create(id))]) };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.ToJsonString(), cancellationToken);
    }
}
