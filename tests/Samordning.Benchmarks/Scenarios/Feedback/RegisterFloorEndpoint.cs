using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Samordning.Benchmarks.Data;
using Samordning.Shared.Search;

namespace Samordning.Benchmarks.Scenarios.Feedback;

// The floor of the input register's list (GET /api/feedback/items) for a coordinator, who sees every item, so no
// access rule costs anything: the count and the page of 100 newest first, then the page's workstreams, with bare
// ADO.NET (BenchDatabase), answered in the API's JSON shape.
// - ?roundId=&status=: the round's items in that state on the index (RoundId, Status, ReceivedAt DESC, Id): the
//   count from the index alone, the page its first 100 entries and their rows. No row of another state or round is
//   read, so the work is the state's share of the round, whatever the size of the register.
// - ?search=: the product's answer is every item whose reference is the word in capitals or whose organisation or
//   text holds it (a substring, case-sensitive). No B-tree index can find a substring, but the full-text index the
//   module keeps for the site search can narrow the rows: it holds every word's stem's suffixes (SQLite FTS5 suffix
//   table, PostgreSQL GIN on the suffix tsvector), so a word that holds what the searched text surely leaves in the
//   index (NorwegianText.SubstringTerms, as the product asks) is found by a prefix query of it, in the title and body
//   (on PostgreSQL also the rows whose suffix text was cut, SearchSuffixes.Cut). The product counts a search's hits
//   only up to a cap (ListItems.SearchCap, or one past the page) and says "at least" past it, so the floor answers
//   the same: first it counts the index's candidates up to FewCandidates + 1 (on SQLite up to WalkedCandidates + 1,
//   from the full-text table alone; a LIMIT, so a common word costs no more than a rare one). Few: the hits are those candidates (and the reference's item, unique index) that pass the
//   product's own test (instr/strpos), sorted, at most cap + 1. Many: the index cannot give them in date order, and
//   sorting them all is what cost before, so the floor walks the items newest first on the (ReceivedAt DESC, Id)
//   index, tests each and stops at cap + 1 hits: the work is bounded by how far back the cap's hits reach, about
//   cap × 14 rows for the benchmark's word, whatever the size of the register (on SQLite checked against the
//   candidates' rowid set while they are at most WalkedCandidates, past that by each row's text). Either way one statement reads the
//   hits once into a materialised CTE of their row keys and order columns: its count is the total, its first 100 in
//   order are joined back to their rows for the page. That is the best plan we know for a capped count and a page:
//   no index orders the substring's hits by date, so the walk (or the few candidates' sort) is the least reading. On
//   PostgreSQL the statement first walks only the newest cap × ProbedRowsPerHit rows, as the product does: a GIN index
//   cannot count a common word's candidates up to a limit without a bitmap of all of them, which costs more than the
//   walk; only when the cap's hits are not among those rows is the index asked.
internal sealed class RegisterFloorEndpoint(BenchDatabase database) : IStartupFilter
{
    public const string Path = "/benchmark-floor/feedback-register";

    private const string Store = "feedback";
    private const int PageSize = 100;
    private const int SearchCap = 300;
    private const int FewCandidates = 2_000;
    private const int WalkedCandidates = 20_000;
    private const int ProbedRowsPerHit = 20;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map(Path, floor => floor.Run(ServeAsync));
        next(app);
    };

    private async Task ServeAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var query = context.Request.Query;
        var items = database.Table(Store, "Items");
        string where;
        object?[] parameters;
        var search = query["search"].ToString();
        string candidates = "";
        if (search.Length > 0)
        {
            var contains = database.OnPostgres ? "strpos" : "instr";
            where = $"""({contains}(x."OrganisationName", @p1) > 0 OR {contains}(x."Text", @p1) > 0 OR x."Reference" = @p2)""";
            var terms = NorwegianText.SubstringTerms(search.Trim()).Where(t => t.Length >= SearchFullTextSql.ShortestToken).ToList();
            if (database.OnPostgres)
            {
                candidates = $"""SELECT x."Id" FROM {items} AS x WHERE {SearchFullTextSql.PostgreSqlSuffixes("x")} @@ CAST(@p0 AS tsquery) OR x."Reference" = @p2""";
                parameters = [$"({SearchSuffixes.Query(terms, SearchSection.Readable)}) | {SearchSuffixes.Cut}", search, search.ToUpperInvariant()];
            }
            else
            {
                var fts = SearchFullTextSql.TableOf("Items");
                candidates = $"""SELECT rowid FROM "{fts}" WHERE "{fts}" MATCH @p0 UNION ALL SELECT rowid FROM {items} WHERE "Reference" = @p2""";
                parameters = [string.Join(" AND ", terms.Select(t => SearchMatch.FullTextQuery(t, SearchSection.Readable))), search, search.ToUpperInvariant()];
            }
        }
        else
        {
            where = """x."RoundId" = @p0 AND x."Status" = @p1""";
            parameters = [Guid.Parse(query["roundId"].ToString()), query["status"].ToString()];
        }

        const string Columns = """
            x."Id", x."Reference", x."RoundId", x."Channel", x."Source", x."ReceivedAt", x."ContributorType", x."OrganisationName", x."Status",
                x."HandlerName", x."Published", x."Exempt"
            """;
        await using var connection = await database.OpenAsync(Store, cancellationToken);
        int total;
        List<JsonObject> page;
        var atLeast = false;
        if (search.Length > 0)
        {
            // Few candidates: test those alone, by row key. Many: walk the date index and stop one past the cap.
            var (key, join) = database.OnPostgres ? ("x.\"Id\"", "\"Id\"") : ("x.rowid", "rowid");
            // The hits (at most cap + 1, newest first) of a source, counted, and the first page of them as rows.
            Task<List<(JsonObject Row, int Total)>> PageAsync(string hitsQuery) => database.ListAsync(connection, $"""
                WITH hits AS MATERIALIZED ({hitsQuery}),
                    paged AS (SELECT "Key", "ReceivedAt", "Id" FROM hits ORDER BY "ReceivedAt" DESC, "Id" LIMIT {PageSize})
                SELECT {Columns}, (SELECT COUNT(*) FROM hits)
                FROM paged JOIN {items} AS x ON x.{join} = paged."Key"
                ORDER BY paged."ReceivedAt" DESC, paged."Id"
                """, r => (Row: Row(r), Total: Convert.ToInt32(r.GetValue(12), System.Globalization.CultureInfo.InvariantCulture)), cancellationToken, parameters);

            // On PostgreSQL the newest cap × ProbedRowsPerHit rows first, as the product: a common word's cap of hits is
            // among them, and the GIN count of its candidates would build a bitmap of every one (71,000 at 1,000,000).
            var rows = database.OnPostgres
                ? await PageAsync($"""
                    SELECT x."Id" AS "Key", x."ReceivedAt", x."Id"
                    FROM (SELECT "Id", "ReceivedAt", "Reference", "OrganisationName", "Text" FROM {items} ORDER BY "ReceivedAt" DESC, "Id" LIMIT {SearchCap * ProbedRowsPerHit}) AS x
                    WHERE {where} ORDER BY x."ReceivedAt" DESC, x."Id" LIMIT {SearchCap + 1}
                    """)
                : [];
            if (rows.Count == 0 || rows[0].Total <= SearchCap)
            {
                var countTo = database.OnPostgres ? FewCandidates : WalkedCandidates;
                var count = await database.CountAsync(connection, $"""SELECT COUNT(*) FROM ({candidates} LIMIT {countTo + 1}) AS c""", cancellationToken, parameters);
                // Many, on SQLite, up to WalkedCandidates: the walk keeps only the FTS5 rowids (a set built from the index
                // alone, the unary + keeps the planner on the date index), so it reads the text of about as many rows as
                // it finds. More: building the set costs more than testing each walked row's text (4,200 rows for the
                // cap's hits of the benchmark's word against a set of 71,000). On PostgreSQL the candidates' ids would
                // need every candidate's heap row: testing the walked rows costs less.
                var scope = count <= FewCandidates ? $"""{key} IN ({candidates}) AND {where}"""
                    : database.OnPostgres || count > WalkedCandidates ? where
                    : $"""(+x.rowid IN (SELECT rowid FROM "{SearchFullTextSql.TableOf("Items")}" WHERE "{SearchFullTextSql.TableOf("Items")}" MATCH @p0) OR x."Reference" = @p2) AND {where}""";
                rows = await PageAsync($"""SELECT {key} AS "Key", x."ReceivedAt", x."Id" FROM {items} AS x WHERE {scope} ORDER BY x."ReceivedAt" DESC, x."Id" LIMIT {SearchCap + 1}""");
            }

            var hits = rows.Count == 0 ? 0 : rows[0].Total;
            (total, atLeast) = hits > SearchCap ? (SearchCap, true) : (hits, false);
            page = [.. rows.Select(r => r.Row)];
        }
        else
        {
            total = await database.CountAsync(connection, $"""SELECT COUNT(*) FROM {items} AS x WHERE {where}""", cancellationToken, parameters);
            page = await database.ListAsync(connection, $"""
                SELECT {Columns}
                FROM {items} AS x WHERE {where}
                ORDER BY x."ReceivedAt" DESC, x."Id" LIMIT {PageSize}
                """, Row, cancellationToken, parameters);
        }

        var ids = page.Select(r => r["id"]!.GetValue<Guid>()).ToList();
        var workstreams = ids.Count == 0 ? [] : await database.ListAsync(connection, $"""
            SELECT "ItemId", "WorkstreamId" FROM {database.Table(Store, "FeedbackWorkstream")} WHERE {database.InList("\"ItemId\"", "@p0")}
            """, r => (Item: BenchDatabase.ReadId(r.GetValue(0)), Workstream: BenchDatabase.ReadId(r.GetValue(1))), cancellationToken,
            database.OnPostgres ? ids.ToArray() : JsonSerializer.Serialize(ids.Select(SqliteValues.Text)));
        foreach (var row in page)
        {
            var id = row["id"]!.GetValue<Guid>();
            row["workstreamIds"] = new JsonArray([.. workstreams.Where(w => w.Item == id).Select(w => JsonValue.Create(w.Workstream))]);
        }

        var answer = new JsonObject { ["items"] = new JsonArray([.. page]), ["total"] = total, ["page"] = 1, ["pageSize"] = PageSize, ["totalIsAtLeast"] = atLeast };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.ToJsonString(), cancellationToken);
    }

    private static JsonObject Row(DbDataReader r) => new()
    {
        ["id"] = BenchDatabase.ReadId(r.GetValue(0)),
        ["reference"] = r.GetString(1),
        ["roundId"] = r.IsDBNull(2) ? null : JsonValue.Create(BenchDatabase.ReadId(r.GetValue(2))),
        ["channel"] = r.GetString(3),
        ["source"] = r.GetString(4),
        ["receivedAt"] = BenchDatabase.ReadInstant(r, 5),
        ["contributorType"] = r.GetString(6),
        ["organisationName"] = r.IsDBNull(7) ? null : r.GetString(7),
        ["status"] = r.GetString(8),
        ["handlerName"] = r.IsDBNull(9) ? null : r.GetString(9),
        ["published"] = r.GetBoolean(10),
        ["exempt"] = r.GetBoolean(11),
    };
}
