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

    // The initiatives that can hold q (all of them when the index cannot tell); the caller tests SearchText on them.
    public static async Task<IQueryable<Initiative>> CandidatesAsync(WorkstreamsDbContext db, string? q, CancellationToken cancellationToken)
    {
        var all = db.Initiatives.AsNoTracking();
        return await CandidateIdsAsync(db, q, cancellationToken) is { } ids ? all.Where(i => ids.Contains(i.Id)) : all;
    }

    // The ids of the initiatives that can hold q, or null when the index cannot tell (every initiative can).
    public static async Task<IQueryable<Guid>?> CandidateIdsAsync(WorkstreamsDbContext db, string? q, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return null;
        }

        var words = IndexedWords(q.Trim().ToLowerInvariant()).Where(w => SearchMatch.UsesFullText(db, w.Key)).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        var tags = await TagsAsync(db, cancellationToken);
        bool InATag(Word word) => tags.Any(t => t.ToLowerInvariant().Contains(word.Text, StringComparison.Ordinal));

        // A word in no tag is in an indexed field of every initiative that holds q; those words alone narrow.
        var untagged = words.Where(w => !InATag(w)).ToList();
        if (untagged.Count > 0)
        {
            return SearchMatch.Rows<Initiative>(db, [.. untagged.Select(w => w.Key).Distinct(StringComparer.Ordinal)], SearchSection.Anywhere).Select(i => i.Id);
        }

        // Every word is inside some tag: the longest key's word is in an indexed field or in one of those tags.
        var word = words.MaxBy(w => w.Key.Length)!;
        var holding = tags.Where(t => t.ToLowerInvariant().Contains(word.Text, StringComparison.Ordinal)).ToList();
        return SearchMatch.Rows<Initiative>(db, [word.Key], SearchSection.Anywhere).Select(i => i.Id)
            .Union(db.Set<InitiativeTag>().Where(t => holding.Contains(t.Tag)).Select(t => t.InitiativeId));
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
