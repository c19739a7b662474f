using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Samordning.Benchmarks.Data;
using Samordning.Shared.Search;
using Samordning.Workstreams.Initiatives;

namespace Samordning.Benchmarks.Scenarios.Workstreams;

// The floors of the initiative list, filtered and searched: the same pages from bare ADO.NET queries (BenchDatabase:
// Microsoft.Data.Sqlite on the module's own files, the same connection strings and so the same pools, or Npgsql on the
// module's schema), serialised with System.Text.Json, served by the same Kestrel server ahead of the whole product
// pipeline (as the ministries floor is). Each query is the best plan known for its answer (docs/benchmarks.md, "Why
// each floor is the best plan we know"). The dashboard's floor is DashboardFloorEndpoint.
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
    // case), a substring anywhere, tested with the provider's plain substring test (instr / strpos, no pattern to
    // parse). The best plan known tests it only on the initiatives the search index says can hold the text, found by
    // the keys that narrow cheaply (InitiativeTextSearch.NarrowingKeys, whose proof and rule this shares: the long
    // keys of the words in no tag, since a three-letter key's list is a large share of the table) in the suffix index
    // (SQLite: the FTS5 suffix table, by rowid; PostgreSQL: the GIN index on the stored suffix vector); the distinct
    // tags come from a skip along the tag index. Then each candidate is read and tested once, in one statement: the
    // hits' keys and order columns are materialised, their number is the total, and only the page's rows are read
    // again by key after sorting the hits (a few hundred at 50,000, some 3,600 at 500,000). The product counts and
    // pages in two statements, so it reads and tests the candidates twice; no plan reads fewer rows for this answer.
    // A text the index cannot narrow is a scan, as before.
    private async Task<(int Total, List<FloorInitiative> Items)> SearchedAsync(DbConnection db, string text, int page, int pageSize, CancellationToken cancellationToken)
    {
        var contains = database.OnPostgres ? """strpos(i."SearchText", @p0) > 0""" : """instr(i."SearchText", @p0) > 0""";
        var keys = await IndexKeysAsync(db, text, cancellationToken);
        var candidates = keys.Count == 0
            ? "TRUE"
            : database.OnPostgres
                ? $"""i."{SearchFullTextSql.PostgreSqlVectorColumn}" @@ CAST(@p3 AS tsquery)"""
                : $"""i.rowid IN (SELECT rowid FROM "{SearchFullTextSql.TableOf("Initiatives")}" WHERE "{SearchFullTextSql.TableOf("Initiatives")}" MATCH @p3)""";
        var query = keys.Count == 0
            ? ""
            : database.OnPostgres ? SearchSuffixes.Query(keys, SearchSection.Anywhere) : string.Join(" AND ", keys.Select(k => SearchMatch.FullTextQuery(k, SearchSection.Anywhere)));
        var key = database.OnPostgres ? "\"Id\"" : "rowid";
        var rows = await database.ListAsync(db, $"""
            WITH hits AS MATERIALIZED (SELECT i.{key} AS "Key", i."UpdatedAt", i."Id" FROM {T("Initiatives")} AS i WHERE {candidates} AND {contains}),
                paged AS (SELECT "Key", "UpdatedAt", "Id" FROM hits ORDER BY "UpdatedAt" DESC, "Id" LIMIT @p1 OFFSET @p2)
            SELECT {initiativeColumns}, (SELECT COUNT(*) FROM hits)
            FROM paged JOIN {T("Initiatives")} AS i ON i.{key} = paged."Key"
            ORDER BY paged."UpdatedAt" DESC, paged."Id"
            """, r => (Item: ReadInitiative(r), Total: Convert.ToInt32(r.GetValue(10), CultureInfo.InvariantCulture)), cancellationToken, text, pageSize, (page - 1) * pageSize, query);

        // A page past the last has no row to carry the total: counted apart (no scenario asks for one).
        var total = rows.Count > 0
            ? rows[0].Total
            : await database.CountAsync(db, $"""SELECT COUNT(*) FROM {T("Initiatives")} AS i WHERE {candidates} AND {contains}""", cancellationToken, text, 0, 0, query);
        return (total, [.. rows.Select(r => r.Item)]);
    }

    // The keys of the text's words that no tag holds (an empty list when there are none: a scan).
    private async Task<List<string>> IndexKeysAsync(DbConnection db, string text, CancellationToken cancellationToken)
    {
        var words = InitiativeTextSearch.IndexedWords(text);
        if (words.Count == 0)
        {
            return [];
        }

        var tags = await database.ListAsync(db, $"""
            WITH RECURSIVE tags (tag) AS (
                SELECT min("Tag") FROM {T("InitiativeTag")}
                UNION ALL
                SELECT (SELECT min("Tag") FROM {T("InitiativeTag")} WHERE "Tag" > tags.tag) FROM tags WHERE tags.tag IS NOT NULL)
            SELECT tag FROM tags WHERE tag IS NOT NULL
            """, r => r.GetString(0), cancellationToken);
        return [.. InitiativeTextSearch.NarrowingKeys(words.Where(w => !tags.Any(t => t.ToLowerInvariant().Contains(w.Text, StringComparison.Ordinal))))];
    }

    private static FloorInitiative ReadInitiative(DbDataReader r) => new(
        r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetString(5), r.GetInt32(6), BenchDatabase.ReadInstant(r, 7), BenchDatabase.ReadInstant(r, 8), r.GetInt64(9));
}
