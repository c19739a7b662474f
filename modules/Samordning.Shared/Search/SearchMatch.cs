using Microsoft.EntityFrameworkCore;

namespace Samordning.Shared.Search;

/// <summary>Which part of the stored index a term must be in (see <see cref="SearchIndex"/>).</summary>
public enum SearchSection
{
    /// <summary>The title or the body: what everyone who may read the entity may see.</summary>
    Readable,

    /// <summary>Anywhere, the personal part too.</summary>
    Anywhere,

    /// <summary>The title.</summary>
    Title,
}

/// <summary>A condition on a row's stored index: every one of <paramref name="Terms"/> in <paramref name="Section"/>.</summary>
public sealed record SearchCondition(IReadOnlyCollection<string> Terms, SearchSection Section);

/// <summary>
/// How a source reads the matching rows of a page (SQLite; the other providers plan it themselves).
/// </summary>
public enum SearchReading
{
    /// <summary>Look every matching row up by its rowid, then order them: cheap when the hits are few.</summary>
    ByMatch,

    /// <summary>
    /// Walk the table in the query's order (the index on it) and keep the rows that match, up to the page: cheap when
    /// the hits are many, since the page is full after a few of them, and reading every hit to order them is what costs.
    /// </summary>
    InOrder,
}

/// <summary>How PostgreSQL plans a source's statements (<see cref="SearchMatch.OnOneConnectionAsync"/>).</summary>
public enum SearchPlanning
{
    /// <summary>
    /// Each statement planned for its values, on a search connection: for tables that can grow large enough for the
    /// values to change the plan (a common word walks the date index, a rare one reads its few hits).
    /// </summary>
    ForValues,

    /// <summary>
    /// The server's default, on a store connection: a statement that repeats keeps a generic plan where it costs no
    /// more, and is not planned again. For tables of hundreds of rows, whose every plan is cheap.
    /// </summary>
    Reused,
}

/// <summary>
/// The one seam between the search sources and a provider's full-text index: the rows whose stored index holds
/// the search terms in a section, as a query a source goes on from. Every provider answers the same as the portable
/// <c>LIKE '%term%'</c> over <see cref="ISearchIndexed.SearchIndex"/>; what differs is how fast.
/// <list type="bullet">
/// <item>SQLite: an FTS5 table per indexed table whose tokens are every word's suffixes (<see cref="SearchFullTextSql.CreateSqliteV2"/>),
/// so that a prefix query (<c>"plass" *</c>) finds any substring of three or more letters, so compound parts and stems
/// are found as the LIKE finds them. Its rows are those of the entity table by rowid, kept in step by triggers.</item>
/// <item>PostgreSQL: the same suffixes, marked with their section, in a column of their own that every save fills
/// (<see cref="SearchSuffixes"/>), kept by the database as a <c>tsvector</c> column with a GIN index (<see cref="SearchFullTextSql.CreatePostgreSqlV3"/>),
/// asked with a prefix query per term (<c>tplass:* | bplass:*</c>, <see cref="SearchSuffixes.Query"/>). The LIKE it
/// replaced, on a <c>pg_trgm</c> index, intersected the long lists of every trigram of the term (docs/benchmarks.md).</item>
/// <item>SQL Server: the same LIKE, a scan (no full-text index is assumed on the ministries' estate).</item>
/// </list>
/// Terms shorter than the shortest suffix kept (one or two letters) keep the LIKE, which matches them at the start of
/// a word only; so do terms longer than the longest (<see cref="SearchFullTextSql.LongestToken"/>) beside the lookup of
/// their start. Next to a longer term that is a check on the rows the index found; a search of
/// short terms alone scans, as before.
/// </summary>
public static class SearchMatch
{
    // Reading a hit by its rowid costs some 30 steps along an index (measured on the benchmark volume: 1.2 µs against
    // 40 ns), and a walk in order meets a page of hits after about (rows / hits) × page steps. With 25 hits or more per
    // row of the page the walk is the cheaper in any table of up to 750 times the hits; with fewer, reading them all is
    // cheap anyway and does not risk walking a large table for a few hits.
    private const int HitsPerPageRowForWalking = 25;

    private const string PlanForValues = "-c plan_cache_mode=force_custom_plan";

    // One per store connection string: a handful in a process.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> SearchConnectionStrings = new(StringComparer.Ordinal);

    /// <summary>
    /// The rows of <typeparamref name="T"/> whose index holds every one of <paramref name="terms"/> in
    /// <paramref name="section"/>, as a query to go on from (filters, order, paging). On SQLite the terms the suffix
    /// table can look up are one MATCH on the table's full-text table, the query's root
    /// (<c>SELECT * FROM table WHERE rowid IN (… MATCH @q)</c>, which SQLite flattens into the caller's query); on
    /// PostgreSQL one <c>tsquery</c> on the suffix index (<c>SELECT * FROM table WHERE "SearchVector" @@ …</c>);
    /// the others are the LIKE.
    /// </summary>
    /// <remarks>
    /// <paramref name="reading"/> <see cref="SearchReading.InOrder"/> hides the rowid from SQLite's planner
    /// (<c>+rowid IN (…)</c>), so that it walks the index of the caller's order and checks each row against the set
    /// the MATCH found, rather than looking each hit up and sorting them all.
    /// </remarks>
    public static IQueryable<T> Rows<T>(DbContext db, IReadOnlyCollection<string> terms, SearchSection section, SearchReading reading = SearchReading.ByMatch)
        where T : class, ISearchIndexed
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(terms);
        IQueryable<T> rows = db.Set<T>();
        var indexed = terms.Where(t => UsesFullText(db, t)).ToList();
        if (indexed.Count > 0)
        {
            var table = TableOf<T>(db);
            if (db.Database.IsNpgsql())
            {
                // The names come from the model; the search terms go in as a parameter.
                var sql = $$"""SELECT * FROM "{{SchemaOf<T>(db)}}"."{{table}}" WHERE {{SearchFullTextSql.PostgreSqlSuffixes()}} @@ CAST({0} AS tsquery)""";
                rows = db.Set<T>().FromSqlRaw(sql, SearchSuffixes.Query(indexed, section));
            }
            else
            {
                var fts = SearchFullTextSql.TableOf(table);
                // The names come from the model; the search terms go in as a parameter.
                var rowid = reading == SearchReading.InOrder ? "+rowid" : "rowid";
                var sql = $$"""SELECT * FROM "{{table}}" WHERE {{rowid}} IN (SELECT rowid FROM "{{fts}}" WHERE "{{fts}}" MATCH {0})""";
                rows = db.Set<T>().FromSqlRaw(sql, string.Join(" AND ", indexed.Select(t => FullTextQuery(t, section))));
            }
        }

        foreach (var term in terms.Where(t => !indexed.Contains(t) || t.Length > SearchFullTextSql.LongestToken))
        {
            var pattern = Pattern(term, section);
            rows = rows.Where(r => EF.Functions.Like(r.SearchIndex, pattern));
        }

        return rows;
    }

    /// <summary>
    /// The candidates for a test the caller makes on every row found: the rows whose index meets at least one of
    /// <paramref name="anyOf"/> (every term of one condition in its section), from the suffix index alone, a superset
    /// of those that hold the terms as the LIKE reads them (a term is looked up by at most its first
    /// <see cref="SearchFullTextSql.LongestToken"/> letters, and no LIKE follows); on PostgreSQL also every row whose
    /// suffix text was cut (<see cref="SearchSuffixes.Cut"/>), which the index cannot vouch for. Every term must be
    /// one the index looks up (<see cref="UsesFullText"/>), and only SQLite and PostgreSQL have the index.
    /// <paramref name="asFilter"/>: the caller walks the rows in another index's order and keeps the candidates
    /// among them (a capped walk newest first); on SQLite a unary + keeps the planner from driving the query by the
    /// candidates and sorting them all.
    /// </summary>
    public static IQueryable<T> Candidates<T>(DbContext db, IReadOnlyList<SearchCondition> anyOf, bool asFilter = false)
        where T : class, ISearchIndexed
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(anyOf);
        if (anyOf.Count == 0 || anyOf.Any(c => c.Terms.Count == 0 || !c.Terms.All(t => UsesFullText(db, t))))
        {
            throw new ArgumentException("Every condition needs terms the suffix index looks up.", nameof(anyOf));
        }

        var table = TableOf<T>(db);
        if (db.Database.IsNpgsql())
        {
            // The names come from the model; the search terms go in as a parameter.
            var sql = $$"""SELECT * FROM "{{SchemaOf<T>(db)}}"."{{table}}" WHERE {{SearchFullTextSql.PostgreSqlSuffixes()}} @@ CAST({0} AS tsquery)""";
            var query = string.Join(" | ", anyOf.Select(c => $"({SearchSuffixes.Query(c.Terms, c.Section)})").Append(SearchSuffixes.Cut));
            return db.Set<T>().FromSqlRaw(sql, query);
        }

        var fts = SearchFullTextSql.TableOf(table);
        // The names come from the model; the search terms go in as a parameter.
        var match = $$"""SELECT * FROM "{{table}}" WHERE {{(asFilter ? "+" : "")}}rowid IN (SELECT rowid FROM "{{fts}}" WHERE "{{fts}}" MATCH {0})""";
        return db.Set<T>().FromSqlRaw(match, CandidatesQuery(anyOf));
    }

    /// <summary>
    /// How many rows <see cref="Candidates{T}"/> names, counting up to <paramref name="upTo"/>. On SQLite from the
    /// full-text table alone, as it streams its rowids: no entity row is read and no set of them is built (as
    /// <c>rowid IN (…)</c> builds one of every candidate before it looks the first up: 71,000 for a word in one text
    /// in fourteen of 1,000,000). Elsewhere the count of the candidates, which stops at the limit.
    /// </summary>
    public static async Task<int> CountCandidatesAsync<T>(DbContext db, IReadOnlyList<SearchCondition> anyOf, int upTo, CancellationToken cancellationToken)
        where T : class, ISearchIndexed
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(upTo);
        var candidates = Candidates<T>(db, anyOf);
        if (!db.Database.IsSqlite())
        {
            return await candidates.Take(upTo).CountAsync(cancellationToken);
        }

        var fts = SearchFullTextSql.TableOf(TableOf<T>(db));
        // The name comes from the model; the search terms and the limit go in as parameters.
        var sql = $$"""SELECT count(*) AS "Value" FROM (SELECT 1 FROM "{{fts}}" WHERE "{{fts}}" MATCH {0} LIMIT {1})""";
        return (await db.Database.SqlQueryRaw<int>(sql, CandidatesQuery(anyOf), upTo).ToListAsync(cancellationToken)).Single();
    }

    // The FTS5 query of Candidates: any of the conditions, each every one of its terms in its section.
    private static string CandidatesQuery(IReadOnlyList<SearchCondition> anyOf) =>
        string.Join(" OR ", anyOf.Select(c => $"({string.Join(" AND ", c.Terms.Select(t => FullTextQuery(t, c.Section)))})"));

    /// <summary>
    /// Runs a source's queries (<paramref name="search"/>) on one open connection of <paramref name="db"/>. EF Core
    /// otherwise opens and closes the connection around each query, and a search sends up to five per store: each
    /// open and close takes the provider's pool lock, which every concurrent search then waits on.
    /// </summary>
    /// <remarks>
    /// On PostgreSQL the connection comes from a pool of search connections (<see cref="SearchConnectionString"/>),
    /// which plan every statement for its values: Npgsql prepares statements that repeat, and after five runs
    /// PostgreSQL may keep a generic plan for one, which cannot see the <c>tsquery</c>, guesses one hit, and sorts every
    /// hit of the index where the plan for the values walks the date index for the first 20: 5–60 ms against 0.2–0.4 ms
    /// for the initiatives' page (docs/decisions.md, Search). The setting comes with the connection, so a search sends
    /// no statement for it; it set and reset it on a store connection before, two round trips per source and search.
    /// A connection the caller has opened already is used as it is: its settings are the caller's. A source of small
    /// tables asks for <see cref="SearchPlanning.Reused"/> and stays on its store's connection, whose generic plans
    /// spare it the planning (about a third of a registry statement's server time).
    /// </remarks>
    public static async Task<SearchSourceResult> OnOneConnectionAsync(
        DbContext db, Func<Task<SearchSourceResult>> search, CancellationToken cancellationToken, SearchPlanning planning = SearchPlanning.ForValues)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(search);
        var stores = planning == SearchPlanning.ForValues && db.Database.IsNpgsql() && db.Database.GetDbConnection().State == System.Data.ConnectionState.Closed
            ? db.Database.GetConnectionString()
            : null;
        if (stores is not null)
        {
            db.Database.SetConnectionString(SearchConnectionString(stores));
        }

        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                return await search();
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        finally
        {
            if (stores is not null)
            {
                db.Database.SetConnectionString(stores);
            }
        }
    }

    /// <summary>
    /// The connection string of the search connections for a store's PostgreSQL connection string: the same server
    /// and settings, and <c>plan_cache_mode = force_custom_plan</c> from the start of each session. Npgsql pools
    /// connections per connection string, so these are a pool of their own, and a store's connections keep the
    /// server's default (generic plans are right for the write paths, whose values do not change the plan).
    /// </summary>
    public static string SearchConnectionString(string stores) => SearchConnectionStrings.GetOrAdd(stores, static s =>
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(s);
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? PlanForValues : $"{builder.Options} {PlanForValues}";
        return builder.ConnectionString;
    });

    /// <summary>
    /// How many rows of <typeparamref name="T"/> hold every one of <paramref name="terms"/> in <paramref name="section"/>,
    /// counting up to <paramref name="upTo"/> (a source counts only as far as a page can show and a reading needs:
    /// <see cref="CountLimitFor"/>): when the suffix index answers every term alone, from it alone (SQLite: the
    /// full-text table, no entity row read; PostgreSQL: the matches in the table's narrow copy of its vectors, which a
    /// table counted so must have, <see cref="SearchFullTextSql.CreatePostgreSqlCountTable"/>), elsewhere the count of
    /// <see cref="Rows{T}"/>. Right only for a source that keeps every matching row
    /// (no access rule or filter on top); one that filters counts its own query.
    /// </summary>
    public static async Task<int> CountAsync<T>(DbContext db, IReadOnlyCollection<string> terms, SearchSection section, int upTo, CancellationToken cancellationToken)
        where T : class, ISearchIndexed
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(upTo);
        if (terms.Count == 0 || !terms.All(t => UsesFullText(db, t) && t.Length <= SearchFullTextSql.LongestToken))
        {
            return await Rows<T>(db, terms, section).Take(upTo).CountAsync(cancellationToken);
        }

        List<int> counts;
        if (db.Database.IsNpgsql())
        {
            // The names come from the model; the search terms and the limit go in as parameters.
            // On the table's narrow copy of its vectors (SearchFullTextSql.CreatePostgreSqlCountTable), which a
            // table counted here must have.
            var sql = $$"""SELECT count(*)::int AS "Value" FROM (SELECT 1 FROM "{{SchemaOf<T>(db)}}"."{{SearchFullTextSql.CountTableOf(TableOf<T>(db))}}" WHERE {{SearchFullTextSql.PostgreSqlSuffixes()}} @@ CAST({0} AS tsquery) LIMIT {1}) AS hits""";
            counts = await db.Database.SqlQueryRaw<int>(sql, SearchSuffixes.Query(terms, section), upTo).ToListAsync(cancellationToken);
        }
        else
        {
            var fts = SearchFullTextSql.TableOf(TableOf<T>(db));
            // The name comes from the model; the search terms and the limit go in as parameters.
            var sql = $$"""SELECT count(*) AS "Value" FROM (SELECT 1 FROM "{{fts}}" WHERE "{{fts}}" MATCH {0} LIMIT {1})""";
            counts = await db.Database.SqlQueryRaw<int>(sql, string.Join(" AND ", terms.Select(t => FullTextQuery(t, section))), upTo).ToListAsync(cancellationToken);
        }

        return counts.Single();
    }

    /// <summary>
    /// How far a source counts the hits of <paramref name="query"/>: to its <see cref="SearchQuery.CountLimit"/> (what
    /// the search shows), and on SQLite far enough to choose the reading of a page (<see cref="ReadingFor"/>; the
    /// other providers plan it themselves). Counting every hit of a common word is what a search costs most on a large
    /// table (each hit's row read on PostgreSQL), for a number nobody pages to.
    /// </summary>
    public static int CountLimitFor(DbContext db, SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        return db.Database.IsSqlite()
            ? (int)Math.Min(int.MaxValue, Math.Max(query.CountLimit, ((long)query.Limit * HitsPerPageRowForWalking) + 1))
            : query.CountLimit;
    }

    /// <summary>How to read a page of <paramref name="limit"/> rows out of <paramref name="matches"/> hits (see <see cref="SearchReading"/>).</summary>
    public static SearchReading ReadingFor(int matches, int limit) =>
        matches > (long)limit * HitsPerPageRowForWalking ? SearchReading.InOrder : SearchReading.ByMatch;

    /// <summary>True when <paramref name="term"/> is looked up in the provider's suffix index (SQLite and PostgreSQL, three letters or more).</summary>
    public static bool UsesFullText(DbContext db, string term)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(term);
        return term.Length >= SearchFullTextSql.ShortestToken && (db.Database.IsSqlite() || db.Database.IsNpgsql());
    }

    /// <summary>The LIKE pattern of a term in a section (the portable path, SQL Server's, and short terms' elsewhere).</summary>
    public static string Pattern(string term, SearchSection section) => section switch
    {
        SearchSection.Title => SearchIndex.InTitle(term),
        SearchSection.Anywhere => SearchIndex.Anywhere(term),
        _ => SearchIndex.Readable(term),
    };

    /// <summary>
    /// The FTS5 query of a term in a section: the suffixes that start with it (a word that holds it), in the section's
    /// columns; a term longer than the longest suffix kept by its start (the caller checks the rest with the LIKE).
    /// </summary>
    public static string FullTextQuery(string term, SearchSection section)
    {
        ArgumentNullException.ThrowIfNull(term);

        // Terms hold letters and digits only (NorwegianText.Terms), so quoting them needs no escaping.
        var prefix = $"\"{(term.Length > SearchFullTextSql.LongestToken ? term[..SearchFullTextSql.LongestToken] : term)}\" *";
        return section switch
        {
            SearchSection.Title => $"{SearchFullTextSql.TitleColumn} : {prefix}",
            SearchSection.Anywhere => prefix,
            _ => $"{{{SearchFullTextSql.TitleColumn} {SearchFullTextSql.BodyColumn}}} : {prefix}",
        };
    }

    private static string SchemaOf<T>(DbContext db) =>
        db.Model.FindEntityType(typeof(T))?.GetSchema() ?? throw new InvalidOperationException($"{typeof(T).Name} has no schema in the model of {db.GetType().Name}.");

    private static string TableOf<T>(DbContext db) =>
        db.Model.FindEntityType(typeof(T))?.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model of {db.GetType().Name}.");
}
