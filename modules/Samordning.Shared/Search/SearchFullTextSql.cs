namespace Samordning.Shared.Search;

/// <summary>
/// The DDL of the full-text indexes behind <see cref="SearchMatch"/>, for the search migrations. Migrations run it
/// as it is when they are applied, so a change here must come with a new migration that applies it, never by
/// editing what an old one ran (each version is its own method).
/// </summary>
/// <remarks>
/// SQLite: a contentless FTS5 table <c>{table}_Search</c> with one column per section of the index (title, body,
/// personal), keyed by the entity row's rowid; version 1 with the trigram tokenizer, version 2 (now) of each word's
/// suffixes (<see cref="CreateSqliteV2"/>). Triggers on the entity table keep it in step
/// on every write that reaches the file: EF Core's saves, ExecuteUpdate/ExecuteDelete, the group writer's
/// statements and the bulk inserts alike; an update that leaves the index alone does not touch it. A later
/// migration that rebuilds the entity table (SQLite's way of altering a column) drops the triggers with it and must
/// create them again: <c>SearchFullTextTests</c> checks that every indexed table has them.
/// PostgreSQL: version 1 a <c>pg_trgm</c> GIN index on the column, which answered the same LIKE; version 2
/// (<see cref="CreatePostgreSqlV2"/>) in its place a GIN index on the suffix text (<see cref="SearchSuffixes"/>) read
/// as a <c>tsvector</c>, which a prefix query per term asks; version 3 (now, <see cref="CreatePostgreSqlV3"/>) the
/// same on a stored <c>tsvector</c> column. Terms too short for a suffix scan, as on SQLite.
/// </remarks>
public static class SearchFullTextSql
{
    /// <summary>The title column of the SQLite full-text tables.</summary>
    public const string TitleColumn = "title";

    /// <summary>The body column of the SQLite full-text tables.</summary>
    public const string BodyColumn = "body";

    /// <summary>The personal column of the SQLite full-text tables.</summary>
    public const string PersonalColumn = "personal";

    /// <summary>The shortest term the SQLite suffix table can look up (shorter ones keep the LIKE).</summary>
    public const int ShortestToken = 3;

    /// <summary>
    /// The most letters of a suffix the SQLite suffix table keeps: a longer term is looked up by its first this many
    /// letters and checked with the LIKE (a word this long is rare; keeping its whole suffixes would grow the table
    /// with the square of its length).
    /// </summary>
    public const int LongestToken = 40;

    /// <summary>The SQLite full-text table of an entity table.</summary>
    public static string TableOf(string table) => table + "_Search";

    /// <summary>The PostgreSQL trigram index of an entity table.</summary>
    public static string IndexOf(string table) => $"IX_{table}_SearchIndex_trgm";

    /// <summary>Creates the SQLite full-text table of <paramref name="table"/>, fills it and adds its triggers (version 1).</summary>
    public static string CreateSqliteV1(string table)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        return CreateSqlite(table, "tokenize = 'trigram'", Sections);
    }

    /// <summary>Drops what <see cref="CreateSqliteV1"/> made.</summary>
    public static string DropSqliteV1(string table)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        var fts = TableOf(table);
        return $"""
            DROP TRIGGER IF EXISTS "{fts}_Insert";
            DROP TRIGGER IF EXISTS "{fts}_Update";
            DROP TRIGGER IF EXISTS "{fts}_Delete";
            DROP TABLE IF EXISTS "{fts}";
            """;
    }

    /// <summary>
    /// Replaces the trigram table of <paramref name="table"/> (<see cref="CreateSqliteV1"/>) by a suffix table under the
    /// same name, fills it and adds its triggers (version 2). Its tokens are every suffix of three letters or more of
    /// each word of the index, cut to <see cref="LongestToken"/> letters ("barnehageplass", "arnehageplass", …,
    /// "plass", …, "ass"), so a term inside a word, the later part of a compound too, is one prefix lookup
    /// (<c>"plass" *</c>) of one run of the token list, where the trigram table intersected the long lists of
    /// every trigram of the term. No positions are kept (<c>detail=column</c>): a term is one token, never a phrase.
    /// SQLite cannot loop in a trigger (no WITH there), so the suffixes are made with <c>json_each</c>: once over the
    /// section's words as a JSON array (terms hold letters and digits only, so they need no escaping), and once over
    /// an array of as many elements as the word has letters, whose keys are the suffixes' starts.
    /// </summary>
    public static string CreateSqliteV2(string table)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        return DropSqliteV1(table) + Environment.NewLine
            + CreateSqlite(table, "detail = column, tokenize = 'unicode61 remove_diacritics 0'", SuffixSections);
    }

    /// <summary>
    /// Creates the <c>pg_trgm</c> extension when missing and the GIN trigram index on the table's index column
    /// (version 1). The operator class is named in the extension's own schema, wherever it was installed; modules
    /// that migrate at once on several nodes take their turn at creating the extension.
    /// </summary>
    public static string CreatePostgreSqlV1(string schema, string table)
    {
        ArgumentException.ThrowIfNullOrEmpty(schema);
        ArgumentException.ThrowIfNullOrEmpty(table);
        return $"""
            DO $$
            DECLARE extension_schema text;
            BEGIN
                PERFORM pg_advisory_xact_lock(hashtext('samordning:pg_trgm'));
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                SELECT n.nspname INTO extension_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
                EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I.%I USING gin ("SearchIndex" %I.gin_trgm_ops)', '{IndexOf(table)}', '{schema}', '{table}', extension_schema);
            END $$;
            """;
    }

    /// <summary>Drops the index <see cref="CreatePostgreSqlV1"/> made (the extension stays: other schemas may use it).</summary>
    public static string DropPostgreSqlV1(string schema, string table)
    {
        ArgumentException.ThrowIfNullOrEmpty(schema);
        ArgumentException.ThrowIfNullOrEmpty(table);
        return $"""DROP INDEX IF EXISTS "{schema}"."{IndexOf(table)}";""";
    }

    /// <summary>The PostgreSQL suffix index of an entity table (<see cref="CreatePostgreSqlV2"/>).</summary>
    public static string SuffixIndexOf(string table) => $"IX_{table}_SearchSuffixes";

    /// <summary>
    /// The PostgreSQL column that search asks (version 3, <see cref="CreatePostgreSqlV3"/>): the suffix text kept as a
    /// <c>tsvector</c> by the database. The model does not know it; EF Core writes the text, PostgreSQL the vector.
    /// </summary>
    public const string PostgreSqlVectorColumn = "SearchVector";

    /// <summary>
    /// The <c>tsvector</c> of the suffix text that a search query tests, of the table or alias <paramref name="alias"/>
    /// (or unqualified): the stored vector column, which the GIN index covers (<see cref="CreatePostgreSqlV3"/>).
    /// </summary>
    public static string PostgreSqlSuffixes(string? alias = null) =>
        alias is null ? $"\"{PostgreSqlVectorColumn}\"" : $"{alias}.\"{PostgreSqlVectorColumn}\"";

    // The expression version 2's index was built on: the text read as a tsvector on every use.
    private const string SuffixTextAsVector = "CAST(\"SearchSuffixes\" AS tsvector)";

    /// <summary>
    /// Creates the GIN index on the suffix text of <paramref name="table"/> (version 2; the column itself is in the
    /// model and filled by every save, see <see cref="SearchSuffixes"/>).
    /// </summary>
    public static string CreatePostgreSqlV2(string schema, string table)
    {
        ArgumentException.ThrowIfNullOrEmpty(schema);
        ArgumentException.ThrowIfNullOrEmpty(table);
        return $"""CREATE INDEX IF NOT EXISTS "{SuffixIndexOf(table)}" ON "{schema}"."{table}" USING gin (({SuffixTextAsVector}));""";
    }

    /// <summary>Drops the index <see cref="CreatePostgreSqlV2"/> made.</summary>
    public static string DropPostgreSqlV2(string schema, string table)
    {
        ArgumentException.ThrowIfNullOrEmpty(schema);
        ArgumentException.ThrowIfNullOrEmpty(table);
        return $"""DROP INDEX IF EXISTS "{schema}"."{SuffixIndexOf(table)}";""";
    }

    /// <summary>
    /// Version 3: the suffix text kept as a <c>tsvector</c> in a stored generated column (<see cref="PostgreSqlVectorColumn"/>)
    /// and the GIN index on it in place of version 2's index on the cast. Version 2 read the text as a
    /// <c>tsvector</c> wherever a row was tested outside the index (a capped count or a walk in date order that tests
    /// each row it meets): some 17 µs a row against 0.7 µs for the stored vector (docs/benchmarks.md). The database
    /// keeps it in step with the text on every write, bulk copies included; EF Core's model does not know it.
    /// </summary>
    public static string CreatePostgreSqlV3(string schema, string table)
    {
        ArgumentException.ThrowIfNullOrEmpty(schema);
        ArgumentException.ThrowIfNullOrEmpty(table);
        return $"""
            ALTER TABLE "{schema}"."{table}" ADD COLUMN IF NOT EXISTS "{PostgreSqlVectorColumn}" tsvector GENERATED ALWAYS AS ({SuffixTextAsVector}) STORED;
            DROP INDEX IF EXISTS "{schema}"."{SuffixIndexOf(table)}";
            CREATE INDEX IF NOT EXISTS "{SuffixIndexOf(table)}" ON "{schema}"."{table}" USING gin ("{PostgreSqlVectorColumn}");
            """;
    }

    /// <summary>Undoes <see cref="CreatePostgreSqlV3"/>, back to version 2's index.</summary>
    public static string DropPostgreSqlV3(string schema, string table)
    {
        ArgumentException.ThrowIfNullOrEmpty(schema);
        ArgumentException.ThrowIfNullOrEmpty(table);
        return $"""
            DROP INDEX IF EXISTS "{schema}"."{SuffixIndexOf(table)}";
            ALTER TABLE "{schema}"."{table}" DROP COLUMN IF EXISTS "{PostgreSqlVectorColumn}";
            {CreatePostgreSqlV2(schema, table)}
            """;
    }

    /// <summary>
    /// Marks the rows of <paramref name="table"/> whose suffix text was cut before <see cref="SearchSuffixes.Cut"/>
    /// marked it: a cut text is within one token (at most 41 letters of 4 bytes and a space) of
    /// <see cref="SearchSuffixes.MaxBytes"/>, so every row that long is marked; an uncut one among them is only one
    /// more candidate to check.
    /// </summary>
    public static string MarkCutPostgreSql(string schema, string table)
    {
        ArgumentException.ThrowIfNullOrEmpty(schema);
        ArgumentException.ThrowIfNullOrEmpty(table);
        return $"""
            UPDATE "{schema}"."{table}" SET "{SearchSuffixes.PropertyName}" = "{SearchSuffixes.PropertyName}" || ' {SearchSuffixes.Cut}'
            WHERE octet_length("{SearchSuffixes.PropertyName}") > {SearchSuffixes.MaxBytes - 170} AND "{SearchSuffixes.PropertyName}" NOT LIKE '% {SearchSuffixes.Cut}';
            """;
    }

    /// <summary>
    /// The narrow table of a PostgreSQL table whose hits a search counts alone (<see cref="SearchMatch.CountAsync{T}"/>):
    /// the row's id and a copy of its <see cref="PostgreSqlVectorColumn"/> (<see cref="CreatePostgreSqlCountTable"/>).
    /// </summary>
    public static string CountTableOf(string table) => table + "_SearchVectors";

    /// <summary>
    /// Creates the narrow table of <paramref name="table"/> that a capped count reads (<see cref="CountTableOf"/>),
    /// fills it, and keeps it in step: a trigger after every insert and every update of the suffix text (EF Core's
    /// saves, ExecuteUpdate, bulk copies alike), and the foreign key's cascade on delete. A count of a common word
    /// stops at the cap, but tests each row it passes, and on the entity table that means walking a wide row to its
    /// last column (the stored vector was added last): about three times the cost of the same scan of this table
    /// (docs/benchmarks.md). Its own GIN index answers the count of a rare word.
    /// </summary>
    public static string CreatePostgreSqlCountTable(string schema, string table)
    {
        ArgumentException.ThrowIfNullOrEmpty(schema);
        ArgumentException.ThrowIfNullOrEmpty(table);
        var counted = CountTableOf(table);
        return $"""
            CREATE TABLE "{schema}"."{counted}" (
                "Id" uuid NOT NULL PRIMARY KEY REFERENCES "{schema}"."{table}" ("Id") ON DELETE CASCADE,
                "{PostgreSqlVectorColumn}" tsvector);
            INSERT INTO "{schema}"."{counted}" ("Id", "{PostgreSqlVectorColumn}") SELECT "Id", "{PostgreSqlVectorColumn}" FROM "{schema}"."{table}";
            CREATE INDEX "IX_{counted}" ON "{schema}"."{counted}" USING gin ("{PostgreSqlVectorColumn}");
            CREATE FUNCTION "{schema}"."{counted}_Keep"() RETURNS trigger LANGUAGE plpgsql AS $keep$
            BEGIN
                INSERT INTO "{schema}"."{counted}" ("Id", "{PostgreSqlVectorColumn}") VALUES (NEW."Id", NEW."{PostgreSqlVectorColumn}")
                    ON CONFLICT ("Id") DO UPDATE SET "{PostgreSqlVectorColumn}" = EXCLUDED."{PostgreSqlVectorColumn}";
                RETURN NULL;
            END
            $keep$;
            CREATE TRIGGER "{counted}_Keep" AFTER INSERT OR UPDATE OF "{SearchSuffixes.PropertyName}" ON "{schema}"."{table}"
                FOR EACH ROW EXECUTE FUNCTION "{schema}"."{counted}_Keep"();
            """;
    }

    /// <summary>Drops what <see cref="CreatePostgreSqlCountTable"/> made.</summary>
    public static string DropPostgreSqlCountTable(string schema, string table)
    {
        ArgumentException.ThrowIfNullOrEmpty(schema);
        ArgumentException.ThrowIfNullOrEmpty(table);
        var counted = CountTableOf(table);
        return $"""
            DROP TRIGGER IF EXISTS "{counted}_Keep" ON "{schema}"."{table}";
            DROP FUNCTION IF EXISTS "{schema}"."{counted}_Keep"();
            DROP TABLE IF EXISTS "{schema}"."{counted}";
            """;
    }

    // A contentless FTS5 table with the options given, filled from the index column, and its triggers; each column
    // gets what sections makes of the index (the SQL expression of the column or of new."SearchIndex").
    private static string CreateSqlite(string table, string options, Func<string, string> sections)
    {
        var fts = TableOf(table);
        return $"""
            CREATE VIRTUAL TABLE "{fts}" USING fts5({TitleColumn}, {BodyColumn}, {PersonalColumn}, content = '', contentless_delete = 1, {options});
            INSERT INTO "{fts}" (rowid, {TitleColumn}, {BodyColumn}, {PersonalColumn}) SELECT rowid, {sections("\"SearchIndex\"")} FROM "{table}";
            CREATE TRIGGER "{fts}_Insert" AFTER INSERT ON "{table}" BEGIN
                INSERT INTO "{fts}" (rowid, {TitleColumn}, {BodyColumn}, {PersonalColumn}) VALUES (new.rowid, {sections("new.\"SearchIndex\"")});
            END;
            CREATE TRIGGER "{fts}_Update" AFTER UPDATE OF "SearchIndex" ON "{table}" BEGIN
                DELETE FROM "{fts}" WHERE rowid = old.rowid;
                INSERT INTO "{fts}" (rowid, {TitleColumn}, {BodyColumn}, {PersonalColumn}) VALUES (new.rowid, {sections("new.\"SearchIndex\"")});
            END;
            CREATE TRIGGER "{fts}_Delete" AFTER DELETE ON "{table}" BEGIN
                DELETE FROM "{fts}" WHERE rowid = old.rowid;
            END;
            """;
    }

    // The index is " title | body | personal ": the text before the first '|', between the two, and after the second.
    private static string Sections(string index) => string.Join(", ", SectionTexts(index));

    private static string[] SectionTexts(string index)
    {
        var rest = $"substr({index}, instr({index}, '|') + 1)";
        return [$"substr({index}, 1, instr({index}, '|') - 1)", $"substr({rest}, 1, instr({rest}, '|') - 1)", $"substr({rest}, instr({rest}, '|') + 1)"];
    }

    private static string SuffixSections(string index) => string.Join(", ", SectionTexts(index).Select(Suffixes));

    // The suffixes of three letters or more of every word of a section (its terms, one space apart), space-separated.
    private static string Suffixes(string section) => $"""
        (SELECT group_concat(substr(w.value, p.key + 1, {LongestToken}), ' ')
            FROM json_each('["' || replace(trim({section}), ' ', '","') || '"]') AS w,
                json_each('[' || rtrim(replace(hex(zeroblob(length(w.value))), '00', '0,'), ',') || ']') AS p
            WHERE length(w.value) - p.key >= {ShortestToken})
        """;
}
