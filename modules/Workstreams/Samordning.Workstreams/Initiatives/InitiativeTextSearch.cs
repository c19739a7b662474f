using Samordning.Shared.Search;
using Samordning.Workstreams.Data;

namespace Samordning.Workstreams.Initiatives;

// The list's text box (q) means "the lower-cased text is a substring of the initiative's SearchText" (title, summary,
// results, owner's code, tags), and that stays the test. Tested on every initiative it is a scan; here the search
// index (SearchIndex, the suffix table on SQLite, the suffix vector on PostgreSQL) first finds the initiatives the text
// can be in, a superset of those it is in, and the test runs on those alone:
// - Each word of the text (a run of letters and digits, as NorwegianText.Words splits) lies inside one word of one
//   field of SearchText: separators are never letters, lower-casing keeps letters letters (InitiativeTextSearchTests).
// - The index holds that field word folded (æ → ae, accents dropped, char by char) and stemmed. What the word of the
//   text surely leaves in that stem, given where it stands in the text (a whole word between separators, or a piece
//   of a longer word at either end), is NorwegianText.SubstringWords' term: inside the stem, and so the start of one
//   of its stored suffixes, which a prefix query finds. A term shorter than the suffix index keeps (three letters),
//   or with a letter outside a–z and 0–9 (what the full-text tokenizers might read otherwise), is not used.
// - Tags are not in the index (the document holds the initiative's own columns only), so a word inside a tag cannot
//   be looked up there: words inside any tag are left to the test, by way of the initiatives that have such a tag.
// - Any of those words narrows alone (every initiative that holds q has each of them), so the index is asked for the
//   keys that narrow cheaply, not for all (NarrowingKeys): the answer is the test's either way, only the candidates
//   differ.
// Shorter words and SQL Server keep the scan. The other lists that take the filter (the dashboard, the exports) scan.
internal static class InitiativeTextSearch
{
    // A word and the key the index is asked for it.
    internal sealed record Word(string Text, string Key);

    // The words of a lower-cased text that the suffix index can narrow by, with their keys.
    internal static IReadOnlyList<Word> IndexedWords(string text) =>
        [.. NorwegianText.SubstringWords(text)
            .Select(w => new Word(w.Word, w.Term))
            .Where(w => w.Key.Length >= SearchFullTextSql.ShortestToken && w.Key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9')))];

    // A key of the fewest letters the index keeps (three) starts a suffix of every word that holds those letters, so its
    // rows are a large share of the table (the benchmark volume: "for" 63 % of the initiatives, "ing" 45 %), and a
    // prefix lookup reads every one of them and merges the many words' lists; a key one letter longer already starts
    // far fewer words ("pilo" 10 %, "fiskerikvot" 7 %, and the two together 0.7 %, just the hits). When a longer key
    // narrows, a short one would add the reading of its long list to spare the test of a few candidates; when none
    // does, every key narrows together, as the candidates are many either way.
    private const int LongKey = SearchFullTextSql.ShortestToken + 1;

    // The keys the index is asked for, out of those of the words that narrow: the long ones when there are any, else all.
    internal static IReadOnlyList<string> NarrowingKeys(IEnumerable<Word> words)
    {
        var keys = words.Select(w => w.Key).Distinct(StringComparer.Ordinal).ToList();
        return keys.Any(k => k.Length >= LongKey) ? [.. keys.Where(k => k.Length >= LongKey)] : keys;
    }

    // The initiatives that can hold q (all of them when the index cannot tell); the caller tests SearchText on them.
    // The rows the index finds are the query's root where they can be, so each candidate is read once, by its rowid
    // (SQLite) or where the index points (PostgreSQL), not found by rowid for its id and then again by id.
    public static async Task<IQueryable<Initiative>> CandidatesAsync(WorkstreamsDbContext db, string? q, CancellationToken cancellationToken)
    {
        var all = db.Initiatives.AsNoTracking();
        return await NarrowAsync(db, q, cancellationToken) switch
        {
            { Rows: { } rows } => rows.AsNoTracking(),
            { Ids: { } ids } => all.Where(i => ids.Contains(i.Id)),
            _ => all,
        };
    }

    // The ids of the initiatives that can hold q, or null when the index cannot tell (every initiative can).
    public static async Task<IQueryable<Guid>?> CandidateIdsAsync(WorkstreamsDbContext db, string? q, CancellationToken cancellationToken) =>
        await NarrowAsync(db, q, cancellationToken) switch
        {
            { Rows: { } rows } => rows.Select(i => i.Id),
            var narrowed => narrowed.Ids,
        };

    // The candidates as the index's rows (the words of q outside every tag narrow), as ids (every word is inside a tag,
    // so the holders of those tags join), or neither (the index cannot tell).
    private readonly record struct Narrowed(IQueryable<Initiative>? Rows, IQueryable<Guid>? Ids);

    private static async Task<Narrowed> NarrowAsync(WorkstreamsDbContext db, string? q, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return default;
        }

        var words = IndexedWords(q.Trim().ToLowerInvariant()).Where(w => SearchMatch.UsesFullText(db, w.Key)).ToList();
        if (words.Count == 0)
        {
            return default;
        }

        var tags = await TagsAsync(db, cancellationToken);
        bool InATag(Word word) => tags.Any(t => t.ToLowerInvariant().Contains(word.Text, StringComparison.Ordinal));

        // A word in no tag is in an indexed field of every initiative that holds q; those words alone narrow.
        var untagged = words.Where(w => !InATag(w)).ToList();
        if (untagged.Count > 0)
        {
            return new(SearchMatch.Rows<Initiative>(db, [.. NarrowingKeys(untagged)], SearchSection.Anywhere), null);
        }

        // Every word is inside some tag: the longest key's word is in an indexed field or in one of those tags.
        var word = words.MaxBy(w => w.Key.Length)!;
        var holding = tags.Where(t => t.ToLowerInvariant().Contains(word.Text, StringComparison.Ordinal)).ToList();
        return new(null, SearchMatch.Rows<Initiative>(db, [word.Key], SearchSection.Anywhere).Select(i => i.Id)
            .Union(db.Set<InitiativeTag>().Where(t => holding.Contains(t.Tag)).Select(t => t.InitiativeId)));
    }

    // The distinct tags, by a skip along the tag index (one lookup per distinct tag: tags are a vocabulary reused by
    // many initiatives, so reading each tag row would cost far more).
    private static async Task<List<string>> TagsAsync(WorkstreamsDbContext db, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(InitiativeTag))!;
        var table = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";

        // The names come from the model; there are no values.
        var sql = $"""
            WITH RECURSIVE tags (tag) AS (
                SELECT min("Tag") FROM {table}
                UNION ALL
                SELECT (SELECT min("Tag") FROM {table} WHERE "Tag" > tags.tag) FROM tags WHERE tags.tag IS NOT NULL)
            SELECT tag AS "Value" FROM tags WHERE tag IS NOT NULL
            """;
        return await db.Database.SqlQueryRaw<string>(sql).ToListAsync(cancellationToken);
    }
}
